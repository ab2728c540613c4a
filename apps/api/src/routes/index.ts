import type { OperationId } from "@lethe/contracts";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { deleteApiToken } from "./deleteApiToken";
import { deleteConnectorInstance } from "./deleteConnectorInstance";
import { getApiTokens } from "./getApiTokens";
import { getAuditLog } from "./getAuditLog";
import { getAuditVerification } from "./getAuditVerification";
import { getDashboardMetrics } from "./getDashboardMetrics";
import { getConnectorInstance } from "./getConnectorInstance";
import { getConnectorInstances } from "./getConnectorInstances";
import { getConnectorType } from "./getConnectorType";
import { getConnectorTypes } from "./getConnectorTypes";
import { getExport } from "./getExport";
import { getHealth } from "./getHealth";
import { getHold } from "./getHold";
import { getHolds } from "./getHolds";
import { getInventory } from "./getInventory";
import { getInventoryCsv } from "./getInventoryCsv";
import { getLatestInventoryScan } from "./getLatestInventoryScan";
import { postInventoryScan } from "./postInventoryScan";
import { getMe } from "./getMe";
import { getOpenApiDocument } from "./getOpenApiDocument";
import { getRequest } from "./getRequest";
import { getRequestAudit } from "./getRequestAudit";
import { getRequestPlan } from "./getRequestPlan";
import { getRequestProvenance } from "./getRequestProvenance";
import { postRequestPlanApprove } from "./postRequestPlanApprove";
import { postRequestRelocate } from "./postRequestRelocate";
import { postRequestReview } from "./postRequestReview";
import { getRequests } from "./getRequests";
import { getUsers } from "./getUsers";
import { patchConnectorInstance } from "./patchConnectorInstance";
import { patchUser } from "./patchUser";
import { postApiToken } from "./postApiToken";
import { postConnectorInstance } from "./postConnectorInstance";
import { postConnectorInstanceTest } from "./postConnectorInstanceTest";
import { postHold } from "./postHold";
import { postHoldEnd } from "./postHoldEnd";
import { postLogin } from "./postLogin";
import { postLogout } from "./postLogout";
import { postRequest } from "./postRequest";
import { postRequestCancel } from "./postRequestCancel";
import { postRequestDeadlineExtension } from "./postRequestDeadlineExtension";
import { postRequestExportLink } from "./postRequestExportLink";
import { postUser } from "./postUser";
import { getPciSweep } from "./getPciSweep";
import { getRequestRecordingAudio } from "./getRequestRecordingAudio";
import { getRequestRecordings } from "./getRequestRecordings";
import { postPciSweep } from "./postPciSweep";
import { getConsentGaps } from "./getConsentGaps";
import { getConsentRemediation } from "./getConsentRemediation";
import { getConsentSync } from "./getConsentSync";
import { postConsentRemediation } from "./postConsentRemediation";
import { postConsentRemediationApproval } from "./postConsentRemediationApproval";
import { postConsentSync } from "./postConsentSync";
import { deleteWebhookEndpoint } from "./deleteWebhookEndpoint";
import { getWebhookEndpoints } from "./getWebhookEndpoints";
import { postRequestVerificationAttest } from "./postRequestVerificationAttest";
import { postRequestVerificationCode } from "./postRequestVerificationCode";
import { postRequestVerificationConfirm } from "./postRequestVerificationConfirm";
import { postWebhookEndpoint } from "./postWebhookEndpoint";
import { getRetentionSchedules } from "./getRetentionSchedules";
import { postRetentionSchedule } from "./postRetentionSchedule";
import { patchRetentionSchedule } from "./patchRetentionSchedule";
import { deleteRetentionSchedule } from "./deleteRetentionSchedule";
import { postRetentionPreview } from "./postRetentionPreview";
import { postRetentionApproval } from "./postRetentionApproval";
import { postRetentionRun } from "./postRetentionRun";
import { getRetentionRuns } from "./getRetentionRuns";
import { getRetentionRun } from "./getRetentionRun";

/**
 * One handler per route of the contract's table. Typed as a complete record: a route added to
 * `apiRoutes` without a handler does not compile.
 */
export const routeHandlers: Record<OperationId, (context: ApiContext) => RequestHandler> = {
  getHealth,
  getOpenApiDocument,
  getInventory,
  getInventoryCsv,
  postInventoryScan,
  getLatestInventoryScan,
  postLogin,
  postLogout,
  getMe,
  getRequests,
  postRequest,
  getRequest,
  postRequestCancel,
  postRequestDeadlineExtension,
  postRequestExportLink,
  getExport,
  getRequestAudit,
  getRequestPlan,
  postRequestReview,
  postRequestPlanApprove,
  postRequestRelocate,
  getRequestProvenance,
  getAuditVerification,
  getAuditLog,
  getDashboardMetrics,
  getConnectorTypes,
  getConnectorType,
  getConnectorInstances,
  getConnectorInstance,
  postConnectorInstance,
  patchConnectorInstance,
  deleteConnectorInstance,
  postConnectorInstanceTest,
  getUsers,
  postUser,
  patchUser,
  getApiTokens,
  postApiToken,
  deleteApiToken,
  postRequestVerificationAttest,
  postRequestVerificationCode,
  postRequestVerificationConfirm,
  getWebhookEndpoints,
  postWebhookEndpoint,
  deleteWebhookEndpoint,
  postPciSweep,
  getPciSweep,
  postConsentSync,
  getConsentSync,
  getConsentGaps,
  postConsentRemediation,
  getConsentRemediation,
  postConsentRemediationApproval,
  getRequestRecordings,
  getRequestRecordingAudio,
  getHolds,
  postHold,
  getHold,
  postHoldEnd,
  getRetentionSchedules,
  postRetentionSchedule,
  patchRetentionSchedule,
  deleteRetentionSchedule,
  postRetentionPreview,
  postRetentionApproval,
  postRetentionRun,
  getRetentionRuns,
  getRetentionRun,
};
