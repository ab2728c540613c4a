export { auditCheckpointSchema, checkpointSignatureValid, signCheckpoint, type AuditCheckpoint } from "./audit-checkpoint";
export { checkpointKeyFileName, loadCheckpointKey, type CheckpointKey, type LoadCheckpointKeyOptions } from "./checkpoint-key";
export { checkpointFileName, fileCheckpointStore, type AuditCheckpointStore } from "./checkpoint-store";
export { verifyAuditTrail, writeAuditCheckpoint, type AuditCheckpointing, type AuditTrailVerification } from "./checkpointed-verification";
