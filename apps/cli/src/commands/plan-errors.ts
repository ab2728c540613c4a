import { PlanConflictError, PlanRequestNotFoundError } from "@lethe/runtime";
import { UsageError } from "../report-failure";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requestIdOf(id: string): string {
  if (!uuid.test(id)) throw new UsageError(`"${id}" is not a request id (a UUID)`);
  return id;
}

/** The engine's refusals ("3 records still await review") are the user's to fix, not crashes. */
export function asUsage(error: unknown): never {
  if (error instanceof PlanConflictError || error instanceof PlanRequestNotFoundError) throw new UsageError(error.message);
  throw error;
}
