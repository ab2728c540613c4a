import type { RequestHandler } from "express";
import { sendPage } from "../http/pagination";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { byCreation, noteJson } from "./vendor-json";

/**
 * `GET /api/notes?contains=&limit=&cursor=`: active notes of anyone whose text contains the
 * given text (case-insensitive, at least 3 characters), oldest first — how a client finds the
 * notes about other people that mention an address.
 */
export function getNotes(state: SandboxState): RequestHandler {
  return (req, res) => {
    const contains = typeof req.query.contains === "string" ? req.query.contains.trim() : "";
    if (contains.length < 3) {
      sendVendorError(res, 400, "invalid_request", "contains must be at least 3 characters.", [{ field: "contains", message: "must be at least 3 characters" }]);
      return;
    }
    sendPage(req, res, state.store.notesContaining(contains), byCreation, noteJson);
  };
}
