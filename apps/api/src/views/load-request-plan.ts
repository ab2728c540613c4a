import { requestPlanSchema, type RequestPlan } from "@lethe/contracts";
import { getRequestPlan, PlanConflictError, PlanRequestNotFoundError } from "@lethe/runtime";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";

/** The plan as the contract shapes it; 404 when there is no such request. */
export async function loadRequestPlan(context: ApiContext, id: string): Promise<RequestPlan> {
  const plan = await getRequestPlan(context.db, id);
  if (!plan) throw new ApiError(404, "not_found", `no request with id ${id}`);
  return requestPlanSchema.parse(plan);
}

/** The engine's plan refusals in HTTP terms: 404 for an unknown request, 409 with its reason otherwise. */
export function planError(error: unknown): unknown {
  if (error instanceof PlanRequestNotFoundError) return new ApiError(404, "not_found", error.message);
  if (error instanceof PlanConflictError) return new ApiError(409, "conflict", error.message);
  return error;
}
