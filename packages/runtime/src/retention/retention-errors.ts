/** A schedule's definition that cannot run: unknown instance, record type the connector cannot find by age. */
export class InvalidRetentionScheduleError extends Error {
  readonly code = "invalid_retention_schedule";
  constructor(message: string) {
    super(message);
    this.name = "InvalidRetentionScheduleError";
  }
}

export class RetentionScheduleNotFoundError extends Error {
  readonly code = "retention_schedule_not_found";
  constructor(readonly scheduleId: string) {
    super(`no retention schedule ${scheduleId}`);
    this.name = "RetentionScheduleNotFoundError";
  }
}

/** The file wins: a schedule from lethe.retention.json changes only by changing the file. */
export class RetentionScheduleFromFileError extends Error {
  readonly code = "retention_schedule_from_file";
  constructor(readonly scheduleName: string) {
    super(`retention schedule "${scheduleName}" comes from the retention file; change it there`);
    this.name = "RetentionScheduleFromFileError";
  }
}

export class DuplicateRetentionScheduleError extends Error {
  readonly code = "duplicate_retention_schedule";
  constructor(readonly scheduleName: string) {
    super(`a retention schedule named "${scheduleName}" already exists`);
    this.name = "DuplicateRetentionScheduleError";
  }
}

/** Approval needs a preview of the schedule's current terms: approving unseen terms is refused. */
export class RetentionPreviewMismatchError extends Error {
  readonly code = "retention_preview_mismatch";
  constructor(message: string) {
    super(message);
    this.name = "RetentionPreviewMismatchError";
  }
}

/** A sweep of a schedule whose current terms nobody approved. */
export class RetentionNotApprovedError extends Error {
  readonly code = "retention_not_approved";
  constructor(readonly scheduleName: string) {
    super(`retention schedule "${scheduleName}" has changed or is new: preview it and approve its terms first`);
    this.name = "RetentionNotApprovedError";
  }
}

export class RetentionRunNotFoundError extends Error {
  readonly code = "retention_run_not_found";
  constructor(readonly runId: string) {
    super(`no retention run ${runId}`);
    this.name = "RetentionRunNotFoundError";
  }
}
