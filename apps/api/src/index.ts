export { createApiApp, type ApiDependencies } from "./app";
export { startApiServer, type RunningApiServer } from "./server";
export { ApiError, type ErrorEnvelope } from "./api-error";
export type { UnexpectedErrorReporter } from "./middleware/error-envelope";
export type { HealthBody } from "./routes/getHealth";
