/**
 * What the API reads, straight from @lethe/db's read repositories. Only reads are re-exported
 * here: every write goes through a runtime command (./commands), which audits it.
 */
export {
  countUsers,
  findSessionUser,
  findUserByEmail,
  getConnectorInstance,
  getIdentityVerification,
  getLegalHold,
  getRequest,
  listApiTokens,
  listConnectorInstanceChecks,
  listConnectorInstanceUsage,
  listConnectorInstances,
  listDeadlineExtensions,
  listInstancePauses,
  listLegalHolds,
  listLocatedRecords,
  listReceipts,
  listUsers,
  listWebhookEndpoints,
  firstGivenIdentifiers,
  searchRequests,
  type ApiTokenRecord,
  type ConnectorInstance,
  type ConnectorInstanceCheckRow,
  type ConnectorInstanceUsage,
  type Database,
  type DeadlineExtensionRow,
  type IdentityVerificationRow,
  type LegalHoldWithCounts,
  type ReceiptRow,
  type SecretSealer,
  type UserRow,
  type WebhookEndpointView,
} from "@lethe/db";

export { listRequestAuditLog } from "./audit/request-audit-log";
export { searchAuditEntries } from "./audit/search-audit-log";
export { loadDashboardMetrics, type DashboardMetrics } from "./reporting/dashboard-metrics";
