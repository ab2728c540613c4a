export { approvePlan, relocateRequest, reviewPlan, PlanConflictError, PlanRequestNotFoundError } from "./plan-decisions";
export { getProvenance, getRequestPlan, type ProvenanceGraph, type RequestPlan } from "./plan-view";
export { defaultEnginePolicy, enginePolicy, parseEnginePolicy, type EnginePolicy } from "./engine-policy";
