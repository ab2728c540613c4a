import type { RequestHandler } from "express";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { RecordType } from "../world/world";

const collections: Record<string, RecordType> = { people: "person", notes: "note", attachments: "attachment", calls: "call" };

/** `GET /api/counts/:collection` (API.md, "Count records"): active records of a kind, the trash not included. */
export function getCount(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const collection = (req.params as Record<string, string | undefined>).collection ?? "";
    const type = Object.hasOwn(collections, collection) ? collections[collection] : undefined;
    if (!type) {
      sendVendorError(res, 404, "not_found", "No such collection.");
      return;
    }
    res.status(200).json({ collection, count: state.store.countActive(type) });
  };
}
