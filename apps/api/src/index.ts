export { createApiApp, bodyLimitBytes, type ApiDependencies } from "./app";
export type { ApiLog } from "./dependencies";
export { startApiServer, type RunningApiServer } from "./server";
export { ApiError } from "./api-error";
export type { ErrorEnvelope } from "@lethe/contracts";
export type { UnexpectedErrorReporter } from "./middleware/error-envelope";
export { buildOpenApiDocument } from "./openapi/build-openapi-document";
export { hashPassword, verifyPassword, defaultPasswordHashCost, type PasswordHashCost } from "./auth/password-hashing";
export { createLocalUser, createApiTokenFor, hasAnyUser } from "./auth/bootstrap";
