import { identifierKinds, type OracleFault, type RunningSandbox } from "@lethe/connector-sdk";
import { z } from "zod";

/*
 * Test support: the sandbox's oracle over HTTP. Responses are parsed with the `Oracle*` wire
 * shapes of @lethe/connector-sdk, so every test that reads the oracle also checks its shapes.
 */

const oraclePerson = z.strictObject({
  id: z.string(),
  role: z.enum(["subject", "bystander"]),
  bystanderOf: z.string().optional(),
  demo: z.enum(["clean", "review"]).optional(),
  identifiers: z.array(z.strictObject({ kind: z.enum(identifierKinds), value: z.string(), system: z.string().optional() })),
});

const oracleRecord = z.strictObject({
  ref: z.strictObject({ type: z.enum(["person", "note", "attachment", "call"]), id: z.string() }),
  store: z.enum(["active", "soft-deleted", "recycle-bin", "archived"]),
  personalData: z.record(z.string(), z.unknown()),
  anonymised: z.boolean(),
  restricted: z.boolean(),
});

/* Reference CRM's own oracle route: `GET /__sandbox/people/:id/restrictions`. */
const restrictionState = z.strictObject({
  ref: z.strictObject({ type: z.enum(["person", "note", "attachment", "call"]), id: z.string() }),
  store: z.enum(["active", "soft-deleted"]),
  restricted: z.boolean(),
});

const oracleStats = z.strictObject({
  calls: z.record(z.string(), z.number()),
  deletions: z.record(z.string(), z.number()),
  throttled: z.number(),
  unauthorised: z.number(),
});

export function oracleOf(sandbox: RunningSandbox) {
  const call = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const read = async <T extends z.ZodType>(method: string, path: string, schema: T, body?: unknown) => {
    const response = await call(method, path, body);
    if (!response.ok) throw new Error(`oracle answered ${response.status}: ${await response.text()}`);
    return schema.parse(await response.json());
  };
  return {
    people: async () => (await read("GET", "/people", z.strictObject({ people: z.array(oraclePerson) }))).people,
    records: async (id: string) =>
      (await read("GET", `/people/${id}/records`, z.strictObject({ records: z.array(oracleRecord) }))).records,
    restrictions: async (id: string) =>
      (await read("GET", `/people/${id}/restrictions`, z.strictObject({ records: z.array(restrictionState) }))).records,
    stats: () => read("GET", "/stats", oracleStats),
    recordCounts: async () => (await read("GET", "/record-counts", z.strictObject({ counts: z.record(z.string(), z.int()) }))).counts,
    injectFault: async (fault: OracleFault) => void (await read("POST", "/faults", z.unknown(), fault)),
    clearFaults: async () => void (await call("DELETE", "/faults")),
    moveClock: (change: { advanceMs?: number; set?: string }) =>
      read("POST", "/clock", z.object({ now: z.iso.datetime() }), change),
    reset: async (seed?: number) => void (await read("POST", "/reset", z.unknown(), seed === undefined ? {} : { seed })),
    call,
  };
}

export type Oracle = ReturnType<typeof oracleOf>;

/** A request to the vendor API with the sandbox's token, and its JSON read through a schema. */
export function vendorOf(sandbox: RunningSandbox) {
  const token = String(sandbox.credentials.apiToken);
  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  return Object.assign(request, {
    json: async <T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> =>
      schema.parse(await (await request(path)).json()),
    page: async <T extends z.ZodType>(path: string, item: T) =>
      z.strictObject({ data: z.array(item), next_cursor: z.string().nullable() }).parse(await (await request(path)).json()),
  });
}

export type Vendor = ReturnType<typeof vendorOf>;

/** Anything JSON-shaped, for bodies a test inspects field by field (malformed faults). */
export const anyRecord = z.record(z.string(), z.unknown());
export const errorBody = z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string() }) });
/** A 400 for a body that failed validation: the envelope plus the bad fields. */
export const validationErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.literal("invalid_request"),
    message: z.string(),
    fields: z.array(z.strictObject({ field: z.string(), message: z.string() })),
  }),
});

/**
 * The world's first subject: seeded with 55 notes (three pages at the default size, two at the
 * maximum) and 2 attachments, so tests of paging and files can rely on it.
 */
export async function firstSubject(oracle: Oracle) {
  const subject = (await oracle.people()).find((person) => person.role === "subject");
  if (!subject) throw new Error("the world has no subject");
  const value = (kind: string) => subject.identifiers.find((identifier) => identifier.kind === kind)?.value ?? "";
  return { ...subject, email: value("email"), phone: value("phone"), customerId: value("customer_id") };
}
