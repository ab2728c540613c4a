import { malformRecords, type FaultStyle } from "@lethe/sandbox-kit";
import type { SandboxState } from "../sandbox-state";
import { errorCodeForStatus, sendOAuthError, sendSalesforceError } from "./salesforce-error";

/*
 * How injected faults look at Salesforce, which has two error bodies: the REST API's error array
 * and the token endpoint's OAuth object (vendor-apis.md §1.9 trap 3). A malformed record loses
 * `attributes` (every record documents it) and gets a number where a string is documented; `Id`
 * is kept, so that a client can say which record it could not read.
 */
const malform = malformRecords({ listKeys: ["records", "searchRecords", "fields"], requiredField: "attributes", keptFields: ["Id"] });

/** Faults on `/services/data/…`: Salesforce's `[{message, errorCode}]` for the status. */
export function restFaultStyle(state: SandboxState): FaultStyle {
  return {
    faults: state.faults,
    stats: state.stats,
    sendStatus: (res, status) => sendSalesforceError(res, status, errorCodeForStatus(status), `Injected fault: ${status}.`),
    malform,
  };
}

/** Faults on the token endpoint: OAuth's `{error, error_description}`. */
export function oauthFaultStyle(state: SandboxState): FaultStyle {
  return {
    faults: state.faults,
    stats: state.stats,
    sendStatus: (res, status) => sendOAuthError(res, status, status === 401 ? "invalid_client" : "server_error", `Injected fault: ${status}.`),
    malform,
  };
}
