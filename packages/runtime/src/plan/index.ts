export { approvePlan, relocateRequest, reviewPlan, PlanConflictError, PlanRequestNotFoundError } from "./plan-decisions";
export { getProvenance, getRequestPlan, type ProvenanceGraph, type RequestPlan } from "./plan-view";
export { defaultEnginePolicy, parseEnginePolicy, type EnginePolicy } from "@lethe/core";
export { enginePolicy } from "./engine-policy";
