import { malformRecords, type FaultStyle } from "@lethe/sandbox-kit";
import type { SandboxState } from "../sandbox-state";
import { sendVendorError, vendorErrorCodeFor } from "./vendor-error";

/**
 * How injected faults look at Reference CRM: a `status` fault answers with the vendor's error
 * envelope and the code API.md gives that status; a `malformed` body's records (under `data` in a
 * list) lose `createdAt` and get a number for their first string field after `id`; a `truncated`
 * body is the kit's default, its first half.
 */
export function faultStyle(state: SandboxState): FaultStyle {
  return {
    faults: state.faults,
    stats: state.stats,
    sendStatus: (res, status) => sendVendorError(res, status, vendorErrorCodeFor(status), `Injected fault: ${status}.`),
    malform: malformRecords({ listKeys: ["data"], requiredField: "createdAt", keptFields: ["id"] }),
  };
}
