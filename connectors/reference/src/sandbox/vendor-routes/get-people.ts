import type { RequestHandler } from "express";
import { sendPage } from "../http/pagination";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { PersonField } from "../world/vendor-store";
import { byCreation, personJson } from "./vendor-json";

const filters: readonly PersonField[] = ["email", "phone", "customerId"];

/**
 * `GET /api/people?email=|phone=|customerId=`: a search, not a listing. Exactly one filter;
 * e-mail matches case-insensitively, phone and customerId exactly (phones are stored in E.164).
 */
export function getPeople(state: SandboxState): RequestHandler {
  return (req, res) => {
    const given = filters.filter((field) => req.query[field] !== undefined);
    const field = given[0];
    const value = field === undefined ? undefined : req.query[field];
    if (given.length !== 1 || field === undefined || typeof value !== "string" || value === "") {
      sendVendorError(res, 400, "invalid_request", "Give exactly one of email, phone or customerId.");
      return;
    }
    sendPage(req, res, state.store.searchPeople(field, value), byCreation, personJson);
  };
}
