import { idParamsSchema } from "./common";
import {
  consentGapQuerySchema,
  consentGapReportSchema,
  consentRemediationSchema,
  consentSyncSchema,
  planConsentRemediationBodySchema,
  startConsentSyncBodySchema,
} from "./consent";
import type { ApiRoute } from "./route-types";

/** The consent ledger's routes (issue #17): reading evidence in, the gap report, remediations. */
export const consentRoutes = {
  postConsentSync: {
    method: "post",
    path: "/connector-instances/:id/consent-syncs",
    summary: "Read the consent-to-record evidence of an instance's calls in an interval into the consent ledger",
    tag: "consent",
    access: "consent:manage",
    params: idParamsSchema,
    body: startConsentSyncBodySchema,
    success: { status: 201, description: "started", schema: consentSyncSchema },
  },
  getConsentSync: {
    method: "get",
    path: "/consent-syncs/:id",
    summary: "A consent-ledger read's progress and result",
    tag: "consent",
    access: "consent:read",
    params: idParamsSchema,
    success: { status: 200, description: "the read", schema: consentSyncSchema },
  },
  getConsentGaps: {
    method: "get",
    path: "/consent/gaps",
    summary: "Call participants whose recording lacks the consent their rule needs, by system and month",
    tag: "consent",
    access: "consent:read",
    query: consentGapQuerySchema,
    success: { status: 200, description: "the report", schema: consentGapReportSchema },
  },
  postConsentRemediation: {
    method: "post",
    path: "/consent/remediations",
    summary: "Draft the remediation of one participant's unconsented recording: mute their channel from that point, or delete the call",
    tag: "consent",
    access: "consent:manage",
    body: planConsentRemediationBodySchema,
    success: { status: 201, description: "drafted", schema: consentRemediationSchema },
  },
  getConsentRemediation: {
    method: "get",
    path: "/consent/remediations/:id",
    summary: "A consent remediation: its plan, approval and the system's receipt",
    tag: "consent",
    access: "consent:read",
    params: idParamsSchema,
    success: { status: 200, description: "the remediation", schema: consentRemediationSchema },
  },
  postConsentRemediationApproval: {
    method: "post",
    path: "/consent/remediations/:id/approve",
    summary: "Approve a drafted consent remediation; it then runs through the connector and records its receipt",
    tag: "consent",
    access: "consent:manage",
    params: idParamsSchema,
    success: { status: 200, description: "approved and queued", schema: consentRemediationSchema },
  },
} as const satisfies Record<string, ApiRoute>;
