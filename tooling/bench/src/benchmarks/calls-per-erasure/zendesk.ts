import zendeskConnector from "@lethe/connector-zendesk";
import { startZendeskSandbox } from "@lethe/connector-zendesk/sandbox";
import type { ConnectorCallsSpec } from "./calls-per-erasure";
import { subjectPhone, tenantPhone } from "./tenant-phones";

/** Tickets per page of the requested-tickets list and per bulk call (the API's maxima). */
const perPage = 100;

/**
 * Zendesk: the subject is an end user (an e-mail and a phone identity) who requested `records`
 * tickets; the tenant, other end users with ten tickets each. Minimum (tooling/bench/README.md,
 * "calls-per-erasure"): to locate, a user search per given identifier, the user's identities, a
 * page of requested tickets per 100, the `ccd` page and a comment search per given identifier for
 * mentions, then the user by the id found on it (a later round); to erase, tickets soft- and
 * permanently deleted in bulk (≤ 100 per call, each a job read once) and the user deleted, then
 * permanently deleted; to prove it, the user and deleted user read by id, each identity, the
 * tickets by id in batches of 100, and one page of deleted tickets.
 */
export const zendeskCalls: ConnectorCallsSpec = {
  connector: zendeskConnector,
  startSandbox: async (world) => startZendeskSandbox({ world, rateLimitPerMinute: 1_000_000_000, scrubDelayMs: 0 }),
  world(records, tenant) {
    const email = "ada.quill@example.com";
    const others = Array.from({ length: Math.ceil(tenant / 10) }, (_, index) => ({ name: `Tenant Person ${index}`, email: `tenant.${index}@example.org`, phone: tenantPhone(index) }));
    const ticket = (requester: string, index: number) => ({ subject: `Order ${index}`, comment: { body: "Where is my parcel?" }, requester: { email: requester } });
    return {
      world: {
        people: [{ id: "subject", role: "subject", identifiers: [{ kind: "email", value: email }, { kind: "phone", value: subjectPhone }] }],
        users: [{ name: "Ada Quill", email, phone: subjectPhone }, ...others],
        tickets: [
          ...Array.from({ length: records }, (_, index) => ticket(email, index)),
          ...others.flatMap((other) => Array.from({ length: 9 }, (_, index) => ticket(other.email, index))),
        ],
      },
      identifiers: [
        { kind: "email", value: email },
        { kind: "phone", value: subjectPhone },
      ],
    };
  },
  // The user, its two identities and the tickets.
  verified: (records) => records + 3,
  minimum(records) {
    const pages = Math.max(1, Math.ceil(records / perPage));
    const locate = 2 + 1 + pages + 1 + 2 + 1;
    const erase = 4 * pages + 2;
    const verify = 2 + 2 + pages + 1;
    return { calls: locate + erase + verify, why: `locate ${locate}, erase ${erase} (2 bulk deletions + 2 job reads per 100 tickets, user deleted twice), verify ${verify}` };
  },
};
