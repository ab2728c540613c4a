export { isDatabaseUnavailable } from "./database-unavailable";
export { summariseError, withholdQueryParameters } from "./error-summary";
