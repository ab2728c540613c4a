import type { RequestHandler } from "express";
import { z } from "zod";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";

const holdBody = z.object({
  recordingIds: z.array(z.string().min(1)).min(1).max(100),
  holdId: z.string().min(1).optional(),
  basis: z.string().optional(),
});

/**
 * `PUT /v1/legal-holds?protect=true|false {recordingIds ≤100, holdId?, basis?}` → 204 (Genesys
 * Cloud's deletion protection, vendor-apis.md §3.3 G12). A protected recording is refused by
 * deletion jobs; lifting protection makes it deletable again. Unknown ids answer 404.
 */
export function putLegalHolds(state: SandboxState): RequestHandler {
  return (req, res) => {
    const protect = req.query.protect;
    const parsed = holdBody.safeParse(req.body);
    if ((protect !== "true" && protect !== "false") || !parsed.success) {
      sendVendorError(res, 400, "bad.request", "Send protect=true|false and { recordingIds: [1..100 ids] }.");
      return;
    }
    const missing = parsed.data.recordingIds.filter((id) => !state.store.recordings.has(id));
    if (missing.length > 0) {
      sendVendorError(res, 404, "not.found", "Some recordings were not found.", missing);
      return;
    }
    const now = state.clock.now().toISOString();
    for (const id of parsed.data.recordingIds) {
      const recording = state.store.recordings.get(id);
      if (!recording) continue;
      recording.legalHold =
        protect === "true"
          ? { holdId: parsed.data.holdId ?? `LH-${now.slice(0, 10)}`, basis: parsed.data.basis ?? "Deletion protection", placedAt: now }
          : null;
    }
    res.status(204).end();
  };
}
