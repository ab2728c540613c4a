import { z } from "zod";

/*
 * The baseline: the HTTP calls the reference connector makes for one erasure request, made
 * directly with fetch — no jobs, no database, no checkpoints, no rate limiter, no audit log. It
 * mirrors connectors/reference (locate/find-people.ts, locate/person-records.ts,
 * erase-records.ts) and the runtime's verify task; the benchmark compares the sandbox's call
 * counts of both runs, so a drift between the two shows up in the table.
 */

const pageSize = 50;

const page = z.object({
  data: z.array(z.looseObject({ id: z.string(), email: z.string().optional(), phone: z.string().optional() })),
  next_cursor: z.string().nullable(),
});
type Listed = z.infer<typeof page>["data"][number];

export interface PlainApi {
  baseUrl: string;
  apiToken: string;
}

export interface Subject {
  email: string;
  phone: string;
}

/** Locate (searches and listings), erase (delete, then purge from the trash), verify (locate again). */
export async function erasePlainly(api: PlainApi, subject: Subject): Promise<void> {
  const people = await findPeople(api, subject);
  const records: Array<{ collection: string; id: string }> = [];
  for (const person of people) {
    records.push({ collection: "people", id: person.id });
    for (const note of await listAll(api, `/api/people/${encodeURIComponent(person.id)}/notes`, {})) {
      records.push({ collection: "notes", id: note.id });
    }
    for (const attachment of await listAll(api, `/api/people/${encodeURIComponent(person.id)}/attachments`, {})) {
      records.push({ collection: "attachments", id: attachment.id });
    }
  }
  for (const record of records) {
    const id = encodeURIComponent(record.id);
    await call(api, "DELETE", `/api/${record.collection}/${id}`, {}, [204, 404]);
    await call(api, "DELETE", `/api/trash/${record.collection}/${id}`, {}, [204, 404]);
  }
  const remaining = await findPeople(api, subject);
  if (remaining.length > 0) throw new Error(`baseline: ${remaining.length} person record(s) survived erasure`);
}

async function findPeople(api: PlainApi, subject: Subject): Promise<Listed[]> {
  const found = new Map<string, Listed>();
  const byEmail = await listAll(api, "/api/people", { email: subject.email });
  for (const person of byEmail) {
    if (person.email?.toLowerCase() === subject.email.toLowerCase()) found.set(person.id, person);
  }
  const byPhone = await listAll(api, "/api/people", { phone: subject.phone });
  for (const person of byPhone) {
    if (person.phone === subject.phone) found.set(person.id, person);
  }
  return [...found.values()];
}

async function listAll(api: PlainApi, path: string, query: Record<string, string>): Promise<Listed[]> {
  const items: Listed[] = [];
  let cursor: string | null = null;
  do {
    const response = await call(
      api,
      "GET",
      path,
      { ...query, limit: String(pageSize), ...(cursor ? { cursor } : {}) },
      [200, 404],
    );
    if (response.status === 404) return items;
    const parsed = page.parse(await response.json());
    items.push(...parsed.data);
    cursor = parsed.next_cursor;
  } while (cursor !== null);
  return items;
}

async function call(
  api: PlainApi,
  method: "GET" | "DELETE",
  path: string,
  query: Record<string, string>,
  expected: number[],
): Promise<Response> {
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
