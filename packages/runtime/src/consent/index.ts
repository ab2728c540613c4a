export { startConsentSync, getConsentSync, ConsentEvidenceNotSupportedError, type ConsentSyncState } from "./consent-sync";
export {
  planConsentRemediation,
  approveConsentRemediation,
  ConsentEntryNotFoundError,
  ConsentRemediationNotFoundError,
  ConsentRemediationRefusedError,
} from "./consent-remediation";
export { consentGapReport, readConsentRemediation, type ConsentGapReportInput } from "./consent-report";
export { remediationSpans, remediationRefusal, type ChannelSpan, type RemediationAction } from "./remediation-plan";
