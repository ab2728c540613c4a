import { z } from "zod";

/*
 * The baseline: the HTTP calls the engine makes through the reference connector for one erasure
 * request, made directly with fetch — no jobs, no database, no checkpoints, no rate limiter, no
 * audit log. It mirrors connectors/reference (locate/find-people.ts, locate/person-records.ts,
 * locate/find-mentions.ts, erase-records.ts, read-back.ts) and the runtime's fixpoint (round 0
 * with the given identifiers, each later round with only the identifiers new in it, people found
 * again not walked again) and verify task (read back by id). The benchmark compares the sandbox's
 * per-route call counts of both runs and fails when they differ.
 */

const pageSize = 50;
/** The engine's default locate depth: rounds 0, 1 and 2. */
const locateDepth = 2;

const person = z.looseObject({ id: z.string(), email: z.string(), phone: z.string(), customerId: z.string() });
const note = z.looseObject({ id: z.string(), personId: z.string(), body: z.string() });
const listed = z.looseObject({ id: z.string() });
const trashEntry = z.looseObject({ type: z.string(), id: z.string() });
type Person = z.infer<typeof person>;
/** The trash names records by type, the routes by collection. */
const recordTypeOf: Record<string, string> = { people: "person", notes: "note", attachments: "attachment", calls: "call" };
type Identifier = { kind: "email" | "phone" | "customer_id" | "native_id"; value: string };

export interface PlainApi {
  baseUrl: string;
  apiToken: string;
}

export interface Subject {
  email: string;
  phone: string;
}

/** Locate to the fixpoint, erase (delete, then purge from the trash), verify (read back by id). */
export async function erasePlainly(api: PlainApi, subject: Subject): Promise<void> {
  const held = new Map<string, Identifier>();
  let fresh: Identifier[] = [
    { kind: "email", value: subject.email.toLowerCase() },
    { kind: "phone", value: subject.phone },
  ];
  const found = new Map<string, Person>();
  const records: Array<{ collection: string; id: string }> = [];
  for (let round = 0; fresh.length > 0 && round <= locateDepth; round++) {
    const known = [...held.values()];
    for (const identifier of fresh) held.set(keyOf(identifier), identifier);
    const people = await findPeople(api, fresh);
    for (const someone of people) {
      // Found in an earlier round by an identifier they carry: their records were listed then.
      if (known.some((identifier) => carries(someone, identifier))) continue;
      found.set(someone.id, someone);
      records.push({ collection: "people", id: someone.id });
      for (const stage of ["notes", "attachments", "calls"]) {
        for (const item of await listAll(api, `/api/people/${encodeURIComponent(someone.id)}/${stage}`, {}, listed)) {
          records.push({ collection: stage, id: item.id });
        }
      }
    }
    for (const identifier of fresh) {
      if (identifier.kind !== "email") continue;
      // Other people's notes mentioning the address: the bench's subjects have none; counted alike.
      await listAll(api, "/api/notes", { contains: identifier.value }, note);
    }
    fresh = discovered([...found.values()], held);
  }
  for (const record of records) {
    const id = encodeURIComponent(record.id);
    await call(api, "DELETE", `/api/${record.collection}/${id}`, {}, [204, 404]);
    await call(api, "DELETE", `/api/trash/${record.collection}/${id}`, {}, [204, 404]);
  }
  // The read-back lists the trash once, at the first record no longer among active ones.
  let trash: Set<string> | undefined;
  for (const record of records) {
    const response = await call(api, "GET", `/api/${record.collection}/${encodeURIComponent(record.id)}`, {}, [200, 404]);
    if (response.status === 200) throw new Error(`baseline: a ${record.collection} record survived erasure`);
    trash ??= new Set((await listAll(api, "/api/trash", {}, trashEntry)).map((entry) => `${entry.type}/${entry.id}`));
  }
  const trashed = records.filter((record) => trash?.has(`${recordTypeOf[record.collection]}/${record.id}`));
  if (trashed.length > 0) throw new Error(`baseline: the trash still holds ${trashed.length} record(s)`);
}

/** The identifiers the people's records reveal that the request does not hold yet. */
function discovered(people: Person[], held: ReadonlyMap<string, Identifier>): Identifier[] {
  const next = new Map<string, Identifier>();
  for (const someone of people) {
    for (const identifier of [
      { kind: "email", value: someone.email.toLowerCase() },
      { kind: "phone", value: someone.phone },
      { kind: "customer_id", value: someone.customerId },
      { kind: "native_id", value: someone.id },
    ] satisfies Identifier[]) {
      if (!held.has(keyOf(identifier))) next.set(keyOf(identifier), identifier);
    }
  }
  return [...next.values()];
}

async function findPeople(api: PlainApi, identifiers: Identifier[]): Promise<Person[]> {
  const found = new Map<string, Person>();
  for (const identifier of identifiers) {
    if (identifier.kind === "native_id") {
      const response = await call(api, "GET", `/api/people/${encodeURIComponent(identifier.value)}`, {}, [200, 404]);
      if (response.status === 200) {
        const someone = person.parse(await response.json());
        found.set(someone.id, someone);
      }
      continue;
    }
    const field = identifier.kind === "customer_id" ? "customerId" : identifier.kind;
    for (const someone of await listAll(api, "/api/people", { [field]: identifier.value }, person)) {
      if (carries(someone, identifier)) found.set(someone.id, someone);
    }
  }
  return [...found.values()];
}

function carries(someone: Person, identifier: Identifier): boolean {
  switch (identifier.kind) {
    case "email":
      return someone.email.toLowerCase() === identifier.value.toLowerCase();
    case "phone":
      return someone.phone === identifier.value;
    case "customer_id":
      return someone.customerId === identifier.value;
    case "native_id":
      return someone.id === identifier.value;
  }
}

function keyOf(identifier: Identifier): string {
  return `${identifier.kind}:${identifier.value}`;
}

async function listAll<T>(api: PlainApi, path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const response = await call(api, "GET", path, { ...query, limit: String(pageSize), ...(cursor ? { cursor } : {}) }, [200, 404]);
    if (response.status === 404) return items;
    const parsed = z.object({ data: z.array(schema), next_cursor: z.string().nullable() }).parse(await response.json());
    items.push(...parsed.data);
    cursor = parsed.next_cursor;
  } while (cursor !== null);
  return items;
}

async function call(api: PlainApi, method: "GET" | "DELETE", path: string, query: Record<string, string>, expected: number[]): Promise<Response> {
  const url = new URL(path, api.baseUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${api.apiToken}`, accept: "application/json" },
  });
  if (!expected.includes(response.status)) {
    throw new Error(`baseline: ${method} ${path} answered ${response.status}`);
  }
  if (method === "DELETE" || response.status === 404) await response.arrayBuffer();
  return response;
}
