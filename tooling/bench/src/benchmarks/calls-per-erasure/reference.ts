import referenceConnector from "@lethe/connector-reference";
import { startReferenceSandbox } from "@lethe/connector-reference/sandbox";
import type { ConnectorCallsSpec } from "./calls-per-erasure";
import { subjectPhone, tenantPhone } from "./tenant-phones";

/** Notes per page of the reference API's lists (its maximum). */
const pageSize = 50;

/**
 * Reference CRM: the subject is one person with `records - 1` notes; the tenant, people of ten
 * records each (a person and nine notes). Minimum (tooling/bench/README.md, "calls-per-
 * erasure"): one search per identifier the subject is known by — e-mail and phone given, customer
 * id and person id found on their record — one page per list of their notes, attachments and
 * calls, one notes search for mentions of their address; a delete and a purge per record (the API
 * deletes one record per call, into a trash that must be emptied); one read by id per record and
 * one trash page to prove each gone (no batch read).
 */
export const referenceCalls: ConnectorCallsSpec = {
  connector: referenceConnector,
  startSandbox: async (world) => startReferenceSandbox({ world, rateLimitPerMinute: 1_000_000_000 }),
  world(records, tenant) {
    const email = "ada.quill@example.com";
    const notes = (count: number, about: string) => Array.from({ length: count }, (_, index) => ({ body: `${about}: call back about order ${index + 1}` }));
    const others = Array.from({ length: Math.ceil(tenant / 10) }, (_, index) => ({
      person: { name: `Tenant Person ${index}`, email: `tenant.${index}@example.org`, phone: tenantPhone(index) },
      notes: notes(9, "Customer"),
    }));
    return {
      world: {
        people: [{ id: "subject", role: "subject", identifiers: [{ kind: "email", value: email }, { kind: "phone", value: subjectPhone }] }],
        crm: [{ person: { name: "Ada Quill", email, phone: subjectPhone }, notes: notes(records - 1, "Subject") }, ...others],
      },
      identifiers: [
        { kind: "email", value: email },
        { kind: "phone", value: subjectPhone },
      ],
    };
  },
  minimum(records) {
    const notePages = Math.max(1, Math.ceil((records - 1) / pageSize));
    const locate = 4 + notePages + 2 + 1;
    return { calls: locate + 2 * records + records + 1, why: `locate ${locate} (4 searches, ${notePages + 2} list pages, 1 mention search), erase 2 × ${records}, verify ${records} reads + 1 trash page` };
  },
};
