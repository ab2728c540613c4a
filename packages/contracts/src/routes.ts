import type { z } from "zod";
import { auditEntryListSchema, auditLogPageSchema, auditVerificationSchema, listAuditQuerySchema } from "./audit";
import {
  apiTokenListSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  createUserBodySchema,
  loginBodySchema,
  meSchema,
  updateUserBodySchema,
  userListSchema,
  userResponseSchema,
  type Permission,
} from "./auth";
import { idParamsSchema } from "./common";
import {
  connectionTestResultSchema,
  connectorInstanceListSchema,
  connectorInstanceResponseSchema,
  connectorTypeListSchema,
  connectorTypeParamsSchema,
  connectorTypeSchema,
  createConnectorInstanceBodySchema,
  updateConnectorInstanceBodySchema,
} from "./connectors";
import { dashboardMetricsQuerySchema, dashboardMetricsSchema } from "./dashboard";
import { healthResponseSchema } from "./health";
import { createHoldBodySchema, endHoldBodySchema, holdListSchema, holdResponseSchema } from "./holds";
import { approvePlanBodySchema, provenanceGraphSchema, requestPlanSchema, reviewDecisionsBodySchema } from "./plans";
import {
  retentionApprovalBodySchema,
  retentionPreviewBodySchema,
  retentionRunBodySchema,
  retentionRunDetailSchema,
  retentionRunListSchema,
  retentionRunSchema,
  retentionRunsQuerySchema,
  retentionScheduleDefinitionSchema,
  retentionScheduleListSchema,
  retentionScheduleResponseSchema,
} from "./retention";
import { pciSweepSchema, recordingAudioQuerySchema, recordingOutcomeListSchema, startPciSweepBodySchema } from "./recordings";
import { attestIdentityBodySchema, confirmVerificationCodeBodySchema, verificationCodeSentSchema } from "./verification";
import { createdWebhookEndpointSchema, createWebhookEndpointBodySchema, webhookEndpointListSchema } from "./webhooks";
import {
  cancelRequestBodySchema,
  createdRequestSchema,
  createRequestBodySchema,
  exportLinkSchema,
  exportTokenParamsSchema,
  extendDeadlineBodySchema,
  listRequestsQuerySchema,
  requestDetailSchema,
  requestListSchema,
} from "./requests";

/**
 * Who may call a route: anyone (`public`), any signed-in caller (`authenticated`), the holder of a
 * signed download link (`signed-link`, the link is the authorisation), or callers whose role
 * grants a permission.
 */
export type RouteAccess = "public" | "authenticated" | "signed-link" | Permission;

export type HttpMethod = "get" | "post" | "patch" | "delete";

export interface ApiRoute {
  method: HttpMethod;
  /** Under `/api/v1`, Express style (`/requests/:id`). */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  success: {
    status: 200 | 201 | 204;
    description: string;
    schema?: z.ZodType;
    /** Default `application/json`. */
    contentType?: string;
  };
}

/** The prefix every route is mounted under. */
export const apiBasePath = "/api/v1";

/**
 * Every route of the API, keyed by operation id (the handler's file name). The API mounts exactly
 * these, the OpenAPI document is generated from them, and the RBAC matrix test walks them.
 */
export const apiRoutes = {
  getHealth: {
    method: "get",
    path: "/health",
    summary: "Is the API up and can it reach its database?",
    tag: "health",
    access: "public",
    success: { status: 200, description: "healthy", schema: healthResponseSchema },
  },
  getOpenApiDocument: {
    method: "get",
    path: "/openapi.json",
    summary: "This API's OpenAPI 3.1 document",
    tag: "health",
    access: "public",
    success: { status: 200, description: "the OpenAPI document" },
  },
  postLogin: {
    method: "post",
    path: "/auth/login",
    summary: "Sign in with e-mail and password; sets the httpOnly session cookie",
    tag: "auth",
    access: "public",
    body: loginBodySchema,
    success: { status: 200, description: "signed in", schema: meSchema },
  },
  postLogout: {
    method: "post",
    path: "/auth/logout",
    summary: "End the current console session",
    tag: "auth",
    access: "authenticated",
    success: { status: 204, description: "signed out" },
  },
  getMe: {
    method: "get",
    path: "/auth/me",
    summary: "Who is calling, with which role and permissions",
    tag: "auth",
    access: "authenticated",
    success: { status: 200, description: "the caller", schema: meSchema },
  },
  getRequests: {
    method: "get",
    path: "/requests",
    summary: "List requests (newest first, or by due date), filtered, a page at a time",
    tag: "requests",
    access: "requests:read",
    query: listRequestsQuerySchema,
    success: { status: 200, description: "a page of requests", schema: requestListSchema },
  },
  postRequest: {
    method: "post",
    path: "/requests",
    summary: "File a data subject request",
    tag: "requests",
    access: "requests:write",
    body: createRequestBodySchema,
    success: { status: 201, description: "filed", schema: createdRequestSchema },
  },
  getRequest: {
    method: "get",
    path: "/requests/:id",
    summary: "One request with per-connector progress, located records, receipts and history",
    tag: "requests",
    access: "requests:read",
    params: idParamsSchema,
    success: { status: 200, description: "the request", schema: requestDetailSchema },
  },
  postRequestCancel: {
    method: "post",
    path: "/requests/:id/cancel",
    summary: "Cancel an open request, with a reason",
    tag: "requests",
    access: "requests:write",
    params: idParamsSchema,
    body: cancelRequestBodySchema,
    success: { status: 200, description: "cancelled", schema: requestDetailSchema },
  },
  postRequestDeadlineExtension: {
    method: "post",
    path: "/requests/:id/extend-deadline",
    summary: "Extend the deadline within the regime's rule, with a reason",
    tag: "requests",
    access: "requests:write",
    params: idParamsSchema,
    body: extendDeadlineBodySchema,
    success: { status: 200, description: "extended", schema: requestDetailSchema },
  },
  postRequestExportLink: {
    method: "post",
    path: "/requests/:id/export-link",
    summary: "A signed, expiring link to download the request's export bundle",
    tag: "requests",
    access: "exports:download",
    params: idParamsSchema,
    success: { status: 201, description: "the link", schema: exportLinkSchema },
  },
  getExport: {
    method: "get",
    path: "/exports/:token",
    summary: "Download an export bundle (zip) through a signed link",
    tag: "requests",
    access: "signed-link",
    params: exportTokenParamsSchema,
    success: { status: 200, description: "the zip", contentType: "application/zip" },
  },
  getRequestAudit: {
    method: "get",
    path: "/requests/:id/audit",
    summary: "The audit entries of one request, in chain order",
    tag: "audit",
    access: "audit:read",
    params: idParamsSchema,
    success: { status: 200, description: "the entries", schema: auditEntryListSchema },
  },
  getAuditVerification: {
    method: "get",
    path: "/audit/verification",
    summary: "Re-hash the whole audit chain and say where it breaks, if anywhere",
    tag: "audit",
    access: "audit:read",
    success: { status: 200, description: "the verification", schema: auditVerificationSchema },
  },
  getAuditLog: {
    method: "get",
    path: "/audit",
    summary: "Audit entries, newest first, filtered by request, actor, action and time, a page at a time",
    tag: "audit",
    access: "audit:read",
    query: listAuditQuerySchema,
    success: { status: 200, description: "a page of entries", schema: auditLogPageSchema },
  },
  getDashboardMetrics: {
    method: "get",
    path: "/dashboard/metrics",
    summary: "Counts for the dashboard's charts: received, closed, on time and overdue per week; open by status and by system",
    tag: "requests",
    access: "requests:read",
    query: dashboardMetricsQuerySchema,
    success: { status: 200, description: "the counts", schema: dashboardMetricsSchema },
  },
  getConnectorTypes: {
    method: "get",
    path: "/connector-types",
    summary: "Installed connectors with capabilities and settings/secrets JSON Schemas",
    tag: "connectors",
    access: "connectors:read",
    success: { status: 200, description: "the installed connectors", schema: connectorTypeListSchema },
  },
  getConnectorType: {
    method: "get",
    path: "/connector-types/:connectorId",
    summary: "One installed connector",
    tag: "connectors",
    access: "connectors:read",
    params: connectorTypeParamsSchema,
    success: { status: 200, description: "the connector", schema: connectorTypeSchema },
  },
  getConnectorInstances: {
    method: "get",
    path: "/connector-instances",
    summary: "Configured connections (secrets never included)",
    tag: "connectors",
    access: "connectors:read",
    success: { status: 200, description: "the instances", schema: connectorInstanceListSchema },
  },
  getConnectorInstance: {
    method: "get",
    path: "/connector-instances/:id",
    summary: "One configured connection (secrets never included)",
    tag: "connectors",
    access: "connectors:read",
    params: idParamsSchema,
    success: { status: 200, description: "the instance", schema: connectorInstanceResponseSchema },
  },
  postConnectorInstance: {
    method: "post",
    path: "/connector-instances",
    summary: "Configure a connection to a system",
    tag: "connectors",
    access: "connectors:write",
    body: createConnectorInstanceBodySchema,
    success: { status: 201, description: "configured", schema: connectorInstanceResponseSchema },
  },
  patchConnectorInstance: {
    method: "patch",
    path: "/connector-instances/:id",
    summary: "Change a connection's settings, secrets, rate limit or enabled flag",
    tag: "connectors",
    access: "connectors:write",
    params: idParamsSchema,
    body: updateConnectorInstanceBodySchema,
    success: { status: 200, description: "changed", schema: connectorInstanceResponseSchema },
  },
  deleteConnectorInstance: {
    method: "delete",
    path: "/connector-instances/:id",
    summary: "Remove a connection that no request has used",
    tag: "connectors",
    access: "connectors:write",
    params: idParamsSchema,
    success: { status: 204, description: "removed" },
  },
  postConnectorInstanceTest: {
    method: "post",
    path: "/connector-instances/:id/test",
    summary: "Test the connection with its stored settings and secrets",
    tag: "connectors",
    access: "connectors:write",
    params: idParamsSchema,
    success: { status: 200, description: "the result (ok or the failure)", schema: connectionTestResultSchema },
  },
  getUsers: {
    method: "get",
    path: "/users",
    summary: "Console users",
    tag: "users",
    access: "users:manage",
    success: { status: 200, description: "the users", schema: userListSchema },
  },
  postUser: {
    method: "post",
    path: "/users",
    summary: "Create a console user",
    tag: "users",
    access: "users:manage",
    body: createUserBodySchema,
    success: { status: 201, description: "created", schema: userResponseSchema },
  },
  patchUser: {
    method: "patch",
    path: "/users/:id",
    summary: "Change a user's role, password or disabled flag",
    tag: "users",
    access: "users:manage",
    params: idParamsSchema,
    body: updateUserBodySchema,
    success: { status: 200, description: "changed", schema: userResponseSchema },
  },
  getApiTokens: {
    method: "get",
    path: "/tokens",
    summary: "API tokens (never their values)",
    tag: "tokens",
    access: "tokens:manage",
    success: { status: 200, description: "the tokens", schema: apiTokenListSchema },
  },
  postApiToken: {
    method: "post",
    path: "/tokens",
    summary: "Create an API token; its value is shown only in this answer",
    tag: "tokens",
    access: "tokens:manage",
    body: createApiTokenBodySchema,
    success: { status: 201, description: "created", schema: createdApiTokenSchema },
  },
  deleteApiToken: {
    method: "delete",
    path: "/tokens/:id",
    summary: "Revoke an API token",
    tag: "tokens",
    access: "tokens:manage",
    params: idParamsSchema,
    success: { status: 204, description: "revoked" },
  },
  postRequestVerificationAttest: {
    method: "post",
    path: "/requests/:id/verification/attest",
    summary: "Attest the subject's identity (Art. 12(6)) with a note on how it was checked; locating starts",
    tag: "verification",
    access: "requests:write",
    params: idParamsSchema,
    body: attestIdentityBodySchema,
    success: { status: 200, description: "verified", schema: requestDetailSchema },
  },
  postRequestVerificationCode: {
    method: "post",
    path: "/requests/:id/verification/send-code",
    summary: "Send a 6-digit code (valid 30 minutes) to the request's e-mail address",
    tag: "verification",
    access: "requests:write",
    params: idParamsSchema,
    success: { status: 201, description: "sent", schema: verificationCodeSentSchema },
  },
  postRequestVerificationConfirm: {
    method: "post",
    path: "/requests/:id/verification/confirm",
    summary: "Confirm the code the requester read back (5 tries); locating starts",
    tag: "verification",
    access: "requests:write",
    params: idParamsSchema,
    body: confirmVerificationCodeBodySchema,
    success: { status: 200, description: "verified", schema: requestDetailSchema },
  },
  getWebhookEndpoints: {
    method: "get",
    path: "/webhooks",
    summary: "Webhook endpoints (never their secrets)",
    tag: "webhooks",
    access: "webhooks:manage",
    success: { status: 200, description: "the endpoints", schema: webhookEndpointListSchema },
  },
  postWebhookEndpoint: {
    method: "post",
    path: "/webhooks",
    summary: "Add a webhook endpoint; its signing secret is shown only in this answer",
    tag: "webhooks",
    access: "webhooks:manage",
    body: createWebhookEndpointBodySchema,
    success: { status: 201, description: "added", schema: createdWebhookEndpointSchema },
  },
  deleteWebhookEndpoint: {
    method: "delete",
    path: "/webhooks/:id",
    summary: "Remove a webhook endpoint and its delivery records",
    tag: "webhooks",
    access: "webhooks:manage",
    params: idParamsSchema,
    success: { status: 204, description: "removed" },
  },
  // Call recordings (issue #7): the PCI sweep of a recorder instance, and each recording of a request.
  postPciSweep: {
    method: "post",
    path: "/connector-instances/:id/pci-sweeps",
    summary: "Start a PCI sweep: remove spoken card numbers from every call of the instance in an interval",
    tag: "recordings",
    access: "connectors:write",
    params: idParamsSchema,
    body: startPciSweepBodySchema,
    success: { status: 201, description: "started", schema: pciSweepSchema },
  },
  getPciSweep: {
    method: "get",
    path: "/pci-sweeps/:id",
    summary: "A PCI sweep's progress and result",
    tag: "recordings",
    access: "connectors:read",
    params: idParamsSchema,
    success: { status: 200, description: "the sweep", schema: pciSweepSchema },
  },
  getRequestRecordings: {
    method: "get",
    path: "/requests/:id/recordings",
    summary: "What became of each located call recording of a request: deleted, retained (and why) or redacted (where)",
    tag: "recordings",
    access: "requests:read",
    params: idParamsSchema,
    success: { status: 200, description: "the recordings", schema: recordingOutcomeListSchema },
  },
  getRequestRecordingAudio: {
    method: "get",
    path: "/requests/:id/recording-audio",
    summary: "Stream the audio of one recording the request's plan includes, as the recorder holds it now (redacted); audited",
    tag: "recordings",
    access: "recordings:listen",
    params: idParamsSchema,
    query: recordingAudioQuerySchema,
    success: { status: 200, description: "the WAV file", contentType: "audio/wav" },
  },
  // Plans, review and provenance (issue 4): what the engine will do to each located record, the
  // decisions on weak matches, approval before anything destructive, re-locating, and the path
  // the locate rounds walked.
  getRequestPlan: {
    method: "get",
    path: "/requests/:id/plan",
    summary: "The request's plan: one item per located record with its action, reason, review state and approval",
    tag: "requests",
    access: "requests:read",
    params: idParamsSchema,
    success: { status: 200, description: "the plan", schema: requestPlanSchema },
  },
  postRequestReview: {
    method: "post",
    path: "/requests/:id/review",
    summary: "Include or exclude weak matches in bulk (only items pending review; 409 otherwise, nothing changed)",
    tag: "requests",
    access: "requests:write",
    params: idParamsSchema,
    body: reviewDecisionsBodySchema,
    success: { status: 200, description: "the plan after the decisions", schema: requestPlanSchema },
  },
  postRequestPlanApprove: {
    method: "post",
    path: "/requests/:id/plan/approve",
    summary: "Approve the plan of a request in review and start executing it (409 while items await review)",
    tag: "requests",
    access: "requests:write",
    params: idParamsSchema,
    body: approvePlanBodySchema,
    success: { status: 200, description: "the approved plan", schema: requestPlanSchema },
  },
  postRequestRelocate: {
    method: "post",
    path: "/requests/:id/relocate",
    summary: "Locate again to the fixpoint; the rebuilt plan shows what changed since approval and waits for approval",
    tag: "requests",
    access: "requests:write",
    params: idParamsSchema,
    success: { status: 200, description: "locating again (the plan as it stands)", schema: requestPlanSchema },
  },
  getRequestProvenance: {
    method: "get",
    path: "/requests/:id/provenance",
    summary: "Which identifier found which record through which system, and which record revealed which identifier",
    tag: "requests",
    access: "requests:read",
    params: idParamsSchema,
    success: { status: 200, description: "the provenance graph", schema: provenanceGraphSchema },
  },
  // Legal holds (issue 4): what they keep, and ending one (its held erasures then run by themselves).
  getHolds: {
    method: "get",
    path: "/holds",
    summary: "Legal holds, newest first, with how many records each keeps and has released",
    tag: "holds",
    access: "holds:read",
    success: { status: 200, description: "the holds", schema: holdListSchema },
  },
  postHold: {
    method: "post",
    path: "/holds",
    summary: "Place a legal hold on a person, a record, a case or a rule (a person's identifiers are stored only as keyed hashes)",
    tag: "holds",
    access: "holds:manage",
    body: createHoldBodySchema,
    success: { status: 201, description: "placed", schema: holdResponseSchema },
  },
  getHold: {
    method: "get",
    path: "/holds/:id",
    summary: "One legal hold with its counts",
    tag: "holds",
    access: "holds:read",
    params: idParamsSchema,
    success: { status: 200, description: "the hold", schema: holdResponseSchema },
  },
  postHoldEnd: {
    method: "post",
    path: "/holds/:id/end",
    summary: "End a legal hold with a reason; what it kept is erased without a new request",
    tag: "holds",
    access: "holds:manage",
    params: idParamsSchema,
    body: endHoldBodySchema,
    success: { status: 200, description: "ended", schema: holdResponseSchema },
  },
  // Retention schedules as code (issue 17): schedules, the dry run, approval of the terms, runs.
  getRetentionSchedules: {
    method: "get",
    path: "/retention/schedules",
    summary: "Retention schedules by name, each with the approval of its current terms (null: waiting for one)",
    tag: "retention",
    access: "retention:read",
    success: { status: 200, description: "the schedules", schema: retentionScheduleListSchema },
  },
  postRetentionSchedule: {
    method: "post",
    path: "/retention/schedules",
    summary: "Create a retention schedule; it runs only once its terms are previewed and approved",
    tag: "retention",
    access: "retention:manage",
    body: retentionScheduleDefinitionSchema,
    success: { status: 201, description: "created", schema: retentionScheduleResponseSchema },
  },
  patchRetentionSchedule: {
    method: "patch",
    path: "/retention/schedules/:id",
    summary: "Replace a schedule's definition; changed terms need a new approval (schedules from the file are read-only)",
    tag: "retention",
    access: "retention:manage",
    params: idParamsSchema,
    body: retentionScheduleDefinitionSchema,
    success: { status: 200, description: "updated", schema: retentionScheduleResponseSchema },
  },
  deleteRetentionSchedule: {
    method: "delete",
    path: "/retention/schedules/:id",
    summary: "Delete a schedule and its runs (schedules from the file are read-only)",
    tag: "retention",
    access: "retention:manage",
    params: idParamsSchema,
    success: { status: 204, description: "deleted" },
  },
  postRetentionPreview: {
    method: "post",
    path: "/retention/preview",
    summary: "Dry run of a schedule now: what is past its period, what would be erased and what kept (and why); nothing is changed",
    tag: "retention",
    access: "retention:manage",
    body: retentionPreviewBodySchema,
    success: { status: 201, description: "the preview", schema: retentionRunDetailSchema },
  },
  postRetentionApproval: {
    method: "post",
    path: "/retention/approvals",
    summary: "Approve a schedule's current terms after seeing their preview; the daily sweep then runs it",
    tag: "retention",
    access: "retention:manage",
    body: retentionApprovalBodySchema,
    success: { status: 201, description: "approved", schema: retentionScheduleResponseSchema },
  },
  postRetentionRun: {
    method: "post",
    path: "/retention/runs",
    summary: "Sweep an approved schedule now: erase what is past its period and not kept",
    tag: "retention",
    access: "retention:manage",
    body: retentionRunBodySchema,
    success: { status: 201, description: "started", schema: retentionRunSchema },
  },
  getRetentionRuns: {
    method: "get",
    path: "/retention/runs",
    summary: "Previews and sweeps, newest first",
    tag: "retention",
    access: "retention:read",
    query: retentionRunsQuerySchema,
    success: { status: 200, description: "the runs", schema: retentionRunListSchema },
  },
  getRetentionRun: {
    method: "get",
    path: "/retention/runs/:id",
    summary: "One run with every record it found, what it decided and its receipts",
    tag: "retention",
    access: "retention:read",
    params: idParamsSchema,
    success: { status: 200, description: "the run", schema: retentionRunDetailSchema },
  },
} as const satisfies Record<string, ApiRoute>;

export type ApiRoutes = typeof apiRoutes;
export type OperationId = keyof ApiRoutes;

/** `/requests/:id` → `/api/v1/requests/<id>` with the params filled in (URI-encoded). */
export function routeUrl(path: string, params: Record<string, string> = {}): string {
  return apiBasePath + path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `:${name}`));
}


