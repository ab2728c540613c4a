export * from "./retention-errors";
export * from "./retention-schedules";
export * from "./retention-file";
export * from "./preview-retention";
export * from "./approve-retention";
export * from "./start-retention-sweep";
export * from "./retention-run-view";
export { retentionDailyCron } from "./retention-daily-task";
