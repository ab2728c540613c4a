export { createUser, type NewUser } from "./create-user";
export { changeUser, type UserChange } from "./change-user";
export { createApiToken, type NewApiToken } from "./create-api-token";
export { revokeApiToken } from "./revoke-api-token";
export { authenticateApiToken } from "./authenticate-api-token";
export { recordExportDownload } from "./record-export-download";
export { signIn } from "./sign-in";
export { signOut } from "./sign-out";
export { accountRule, addressRule, forgetLoginFailures, takeLoginAttempt, type LoginAttempt, type LoginKeys } from "./login-throttle";
