import { malformRecords, type FaultStyle } from "@lethe/sandbox-kit";
import type { SandboxState } from "../sandbox-state";
import { sendVendorError, vendorErrorCodeFor } from "./vendor-error";

/**
 * How injected faults look at the recorder: a `status` fault answers with the vendor's ErrorBody
 * and the code API.md gives that status; a `malformed` body's records (under `entities` in a
 * search page, or the record itself) lose `startTime` and get a number for their first string
 * field after `id`, and an empty page's `entities` is not a list; a `truncated` body (JSON or WAV)
 * is the kit's default, its first half.
 */
export function faultStyle(state: SandboxState): FaultStyle {
  return {
    faults: state.faults,
    stats: state.stats,
    sendStatus: (res, status) => sendVendorError(res, status, vendorErrorCodeFor(status), `Injected fault: ${status}.`),
    malform: malformRecords({ listKeys: ["entities"], requiredField: "startTime", keptFields: ["id"] }),
  };
}
