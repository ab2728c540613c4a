export {
  createConnectorRegistry,
  DuplicateConnectorError,
  UnknownConnectorError,
  type ConnectorRegistry,
} from "./connector-registry";
export {
  createConnectorInstance,
  updateConnectorInstance,
  UnknownConnectorInstanceError,
  InvalidInstanceConfigurationError,
  type ConfigurationIssue,
  type NewInstanceInput,
  type InstanceAdminDeps,
} from "./connector-instances";
export { fileRequest, InvalidRequestError, MissingIdentifierError, type FileRequestInput } from "./file-request";
export {
  InvalidRequestParametersError,
  rectifiableFields,
  requestParameters,
  restrictionParameters,
  type RawRequestParameters,
  type RectificationParameters,
  type RestrictionParameters,
} from "./request-parameters";
export { getRequestDetail, getRequestDetailView, listRequests, type RequestDetail, type RequestDetailView, type RequestSummary } from "./request-detail";
export { startWorker, type RunningWorker, type StartWorkerOptions, type WorkerProgress } from "./worker";
export { prepareWorkerSchema } from "./worker-schema";
export { waitForRequests, RequestsTimeoutError, UnknownRequestsError } from "./wait-for-requests";
export { verifyAuditLog, type AuditLogVerification } from "./audit-verification";
export { sealAuditLog } from "./audit/seal-audit-log";
export { createAuditSealer, type AuditSealer, type AuditSealerOptions } from "./audit/audit-sealer";
export { createPostgresRateLimiter, splitBudget, type PostgresRateLimiterOptions } from "./postgres-rate-limiter";
export { createPostgresCheckpointStore, checkpointKey } from "./postgres-checkpoint-store";
export { ConnectorProtocolError } from "./failure";
export { taskNames } from "./tasks/jobs";
export { defaultRetryPolicy, type RetryPolicy } from "./tasks/retry-policy";
export { defaultBreakerOptions, type BreakerOptions } from "./tasks/instance-breaker";
export type { WorkerLog } from "./runtime-dependencies";
export * from "./export";
export { cancelRequest, extendRequestDeadline, NoticeInFutureError, RequestClosedError } from "./request-actions";
export * from "./plan";
export { testConnectorInstance, deleteConnectorInstance, type ConnectionTest } from "./connector-instance-admin";
export type { RuntimeDependencies } from "./runtime-dependencies";
export { identifierHashKey, identifierHashPurpose } from "./identifier-hash-key";
export { startPciSweep, getPciSweep, PciSweepNotSupportedError, InvalidSweepIntervalError, type PciSweepState } from "./pci-sweep";
export { openRecordingAudio, planAllowsPlayback, playableRecordKeys, playableRecordType, recordKey, type RecordingAudio } from "./recording-audio";
export * from "./verification";
export * from "./inventory";
export { dataCategoriesOf } from "@lethe/connector-sdk";
export * from "./alerts";
export * from "./webhooks";
export { createLegalHold, endHold, LegalHoldNotFoundError, type CreateHoldInput } from "./holds/manage-holds";
export { findHoldsFor, type HoldDecision, type HoldableRecord } from "./holds/find-holds";
export { releaseHoldsJob, releaseHoldsTaskName } from "./holds/release-holds-job";
export { minimiseClosedRequests, defaultRequestRetentionDays } from "./minimisation/minimise-closed-requests";
export * from "./commands";
export * from "./queries";
export * from "./domain-errors";
export { firstInvalidIdentifier } from "./identifier-check";
export { daysLeft, maskIdentifier, type RequestType } from "@lethe/core";
export { isDatabaseUnavailable, summariseError, withholdQueryParameters } from "./errors";
export * from "./audit/checkpoints";
export {
  createOutboundGuard,
  OutboundRequestRefusedError,
  type OutboundGuard,
  type OutboundGuardOptions,
  type HostLookup,
} from "./outbound/outbound-guard";
export { parseOutboundAllowList, loopbackAllowList, InvalidAllowListEntryError, type OutboundAllowList } from "./outbound/outbound-allow-list";
export { addressRefusal, type AddressRefusal } from "./outbound/address-policy";
export { actorStanding } from "./actor-standing";
export * from "./retention";
export * from "./consent";
