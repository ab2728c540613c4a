import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startZendeskSandbox, type RunningZendeskSandbox } from "./index";

/* The sandbox against vendor-apis.md §2, call by call, with plain fetch. */

let sandbox: RunningZendeskSandbox;
let oracle: OracleClient;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 2, rateLimitPerMinute: 100_000, heavyTickets: 1_050 });
  oracle = createOracleClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => oracle.reset());

const basic = () => `Basic ${Buffer.from(`${sandbox.admin.email}/token:${sandbox.admin.apiToken}`).toString("base64")}`;
const api = (path: string, init: RequestInit = {}, authorization = basic()) =>
  fetch(`${sandbox.url}/api/v2${path}`, { ...init, headers: { authorization, "content-type": "application/json", ...init.headers } });
const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

async function subject() {
  const person = (await oracle.people()).find((p) => p.role === "subject");
  if (!person) throw new Error("no subject");
  return { id: Number(person.id), email: person.identifiers.find((i) => i.kind === "email")?.value ?? "" };
}

describe("the Zendesk sandbox", () => {
  it("takes both auth styles and answers anything else with Zendesk's 401 body", async () => {
    expect((await api("/users/me.json")).status).toBe(200);
    expect((await api("/users/me", {}, `Bearer ${sandbox.admin.oauthAccessToken}`)).status).toBe(200);
    const password = `Basic ${Buffer.from(`${sandbox.admin.email}:${sandbox.admin.apiToken}`).toString("base64")}`;
    for (const authorization of [password, "Bearer nope", `Basic ${Buffer.from(`nobody@example.com/token:${sandbox.admin.apiToken}`).toString("base64")}`, ""]) {
      const refused = await api("/users/me", {}, authorization);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: "Couldn't authenticate you" });
    }
  });

  it("answers the same with and without the .json suffix, and RecordNotFound for what is not there", async () => {
    const { id } = await subject();
    expect(await json(await api(`/users/${id}.json`))).toEqual(await json(await api(`/users/${id}`)));
    const missing = await api("/users/1");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "RecordNotFound", description: "Not found" });
  });

  it("pages search by offset, 100 at most, and refuses page 11 with 422 and page[size] with 400", async () => {
    const { id } = await subject();
    const query = encodeURIComponent(`type:ticket requester:${id}`);
    const page10 = await json(await api(`/search.json?query=${query}&page=10`));
    expect(page10).toMatchObject({ count: 1_053, next_page: null });
    expect(page10.results).toHaveLength(100);
    const page11 = await api(`/search.json?query=${query}&page=11`);
    expect(page11.status).toBe(422);
    expect(await page11.json()).toMatchObject({ error: "RecordInvalid" });
    const cursor = await api(`/search.json?query=${query}&page[size]=100`);
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toMatchObject({ error: { title: "Invalid attribute" } });
  });

  it("exports search results past 1,000 with cursors that expire after an hour, and refuses type: in the query", async () => {
    const { id } = await subject();
    const first = await json(await api(`/search/export?query=requester:${id}&filter[type]=ticket&page[size]=1000`));
    expect(first).toMatchObject({ meta: { has_more: true, before_cursor: null }, links: { prev: null } });
    const next = String((first.links as { next: string }).next);
    const second = await json(await fetch(next, { headers: { authorization: basic() } }));
    expect((second.results as unknown[]).length).toBe(53);
    expect(second).toMatchObject({ meta: { has_more: false, after_cursor: null }, links: { next: null } });
    expect("count" in second).toBe(false);
    await oracle.moveClock({ advanceMs: 61 * 60 * 1000 });
    expect((await fetch(next, { headers: { authorization: basic() } })).status).toBe(400);
    expect((await api(`/search/export?query=${encodeURIComponent(`type:ticket requester:${id}`)}&filter[type]=ticket`)).status).toBe(400);
    expect((await api(`/search/export?query=requester:${id}`)).status).toBe(400);
  });

  it("switches lists to cursor pagination with page[size], and refuses offsets past 10,000 records", async () => {
    const { id } = await subject();
    const cursor = await json(await api(`/users/${id}/tickets/requested?page[size]=100`));
    expect(cursor).toMatchObject({ meta: { has_more: true } });
    expect(String((cursor.links as { next: string }).next)).toContain("page%5Bafter%5D=");
    const offset = await json(await api(`/users/${id}/tickets/requested.json`));
    expect(offset).toMatchObject({ count: 1_053, previous_page: null });
    expect(String(offset.next_page)).toContain("page=2");
    expect((await api(`/users/${id}/tickets/requested?page=101`)).status).toBe(400);
  });

  it("deletes users in two steps: permanent deletion needs the soft one, and the scrub comes later", async () => {
    const { id, email } = await subject();
    expect((await api(`/deleted_users/${id}`, { method: "DELETE" })).status).toBe(422);
    expect(await json(await api(`/users/${id}`, { method: "DELETE" }))).toMatchObject({ user: { id, active: false } });
    expect(await json(await api(`/users/${id}`))).toMatchObject({ user: { active: false } });
    expect(await json(await api(`/deleted_users/${id}`, { method: "DELETE" }))).toMatchObject({ deleted_user: { id, email } });
    expect((await api(`/users/${id}`)).status).toBe(404);
    expect(await json(await api(`/deleted_users/${id}`))).toMatchObject({ deleted_user: { email } });
    await oracle.moveClock({ advanceMs: 60_000 });
    expect(await json(await api(`/deleted_users/${id}`))).toMatchObject({ deleted_user: { name: "Permanently Deleted User", email: null, phone: null } });
    expect((await api(`/deleted_users/${id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("deletes tickets in two steps, the permanent one a job moving queued → working → completed, kept a day", async () => {
    const { id } = await subject();
    const ticketId = ((await json(await api(`/users/${id}/tickets/requested`))).tickets as { id: number }[])[0]?.id ?? 0;
    expect((await api(`/deleted_tickets/${ticketId}`, { method: "DELETE" })).status).toBe(404);
    expect((await api(`/tickets/${ticketId}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/tickets/${ticketId}`)).status).toBe(404);
    const listed = await json(await api("/deleted_tickets"));
    expect(listed.deleted_tickets).toEqual([expect.objectContaining({ id: ticketId, previous_state: expect.any(String) })]);
    const { job_status: job } = (await json(await api(`/deleted_tickets/${ticketId}`, { method: "DELETE" }))) as { job_status: { id: string; status: string } };
    expect(job.status).toBe("queued");
    const poll = async () => ((await json(await api(`/job_statuses/${job.id}`))).job_status as { status: string; results: unknown }).status;
    expect(await poll()).toBe("working");
    expect(await poll()).toBe("completed");
    expect((await json(await api("/deleted_tickets"))).deleted_tickets).toEqual([]);
    expect((await oracle.stats()).deletions).toEqual({ [`ticket/${ticketId}`]: 1 });
    await oracle.moveClock({ advanceMs: 25 * 60 * 60 * 1000 });
    expect((await api(`/job_statuses/${job.id}`)).status).toBe(404);
  });

  it("soft-deletes and permanently deletes up to 100 tickets per job with the destroy_many endpoints", async () => {
    const { id } = await subject();
    const ids = ((await json(await api(`/users/${id}/tickets/requested`))).tickets as { id: number }[]).slice(0, 2).map((t) => t.id);
    expect(((await json(await api(`/tickets/show_many?ids=${[...ids, 1].join(",")}`))).tickets as { id: number }[]).map((t) => t.id)).toEqual(ids);
    const { job_status: soft } = (await json(await api(`/tickets/destroy_many?ids=${ids.join(",")}`, { method: "DELETE" }))) as { job_status: { id: string; status: string } };
    expect(soft.status).toBe("queued");
    expect((await api(`/tickets/${ids[0] ?? 0}`)).status).toBe(200);
    await api(`/job_statuses/${soft.id}`);
    await api(`/job_statuses/${soft.id}`);
    expect((await api(`/tickets/${ids[0] ?? 0}`)).status).toBe(404);
    expect((await api(`/deleted_tickets/destroy_many?ids=${Array.from({ length: 101 }, (_, n) => n + 1).join(",")}`, { method: "DELETE" })).status).toBe(400);
    expect((await api("/deleted_tickets/destroy_many?ids=1", { method: "DELETE" })).status).toBe(404);
    const { job_status: job } = (await json(await api(`/deleted_tickets/destroy_many.json?ids=${[...ids, 1].join(",")}`, { method: "DELETE" }))) as { job_status: { id: string } };
    await api(`/job_statuses/${job.id}`);
    expect(((await json(await api(`/job_statuses/${job.id}`))).job_status as { status: string }).status).toBe("completed");
    expect((await oracle.stats()).deletions).toEqual(Object.fromEntries(ids.map((ticketId) => [`ticket/${ticketId}`, 1])));
  });

  it("redacts comments of closed tickets with comment_redactions, while the legacy endpoint refuses them", async () => {
    const { id } = await subject();
    const closed = ((await json(await api(`/users/${id}/tickets/requested`))).tickets as { id: number; status: string }[]).find((t) => t.status === "closed");
    if (!closed) throw new Error("no closed ticket");
    const [comment] = (await json(await api(`/tickets/${closed.id}/comments`))).comments as { id: number; body: string; html_body: string }[];
    if (!comment) throw new Error("no comment");
    const word = comment.body.split(" ")[0] ?? "";
    const legacy = await api(`/tickets/${closed.id}/comments/${comment.id}/redact`, { method: "PUT", body: JSON.stringify({ text: word }) });
    expect(legacy.status).toBe(422);
    const html = comment.html_body.replace(`<p>${word}`, `<p><redact>${word}</redact>`);
    const redacted = await json(await api(`/comment_redactions/${comment.id}`, { method: "PUT", body: JSON.stringify({ ticket_id: closed.id, html_body: html }) }));
    expect((redacted.comment as { body: string }).body).toBe("\u2587".repeat(word.length) + comment.body.slice(word.length));
    const mismatch = await api(`/comment_redactions/${comment.id}`, { method: "PUT", body: JSON.stringify({ ticket_id: closed.id, html_body: "<p><redact>else</redact></p>" }) });
    expect(mismatch.status).toBe(422);
  });

  it("throttles past the account limit with 429, Retry-After and X-Rate-Limit headers, until the minute ends", async () => {
    const limited = await startZendeskSandbox({ seed: 2, rateLimitPerMinute: 3 });
    try {
      const call = () => fetch(`${limited.url}/api/v2/users/me`, { headers: { authorization: `Bearer ${limited.admin.oauthAccessToken}` } });
      const first = await call();
      expect(first.headers.get("x-rate-limit")).toBe("3");
      expect(first.headers.get("x-rate-limit-remaining")).toBe("2");
      await call();
      await call();
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.text()).toBe("Number of allowed API requests per minute exceeded");
      await createOracleClient(limited.url).moveClock({ advanceMs: 60_000 });
      expect((await call()).status).toBe(200);
      expect((await createOracleClient(limited.url).stats()).throttled).toBe(1);
    } finally {
      await limited.stop();
    }
  });
});

describe("the Zendesk sandbox's counts", () => {
  it("answers tickets/count and users/count as {count: {value, refreshed_at}}, soft-deleted tickets and users left out", async () => {
    const count = async (path: string) => (await json(await api(path))) as { count: { value: number; refreshed_at: string } };
    const tickets = await count("/tickets/count.json");
    expect(tickets).toEqual({ count: { value: expect.any(Number), refreshed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) } });
    const users = await count("/users/count");
    expect(users.count.value).toBeGreaterThan(0);
    const { id } = await subject();
    const requested = (await json(await api(`/users/${id}/tickets/requested`))) as { tickets: { id: number }[] };
    const ticket = requested.tickets[0];
    if (!ticket) throw new Error("the subject requested no ticket");
    expect((await api(`/tickets/${ticket.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/users/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await count("/tickets/count")).count.value).toBe(tickets.count.value - 1);
    expect((await count("/users/count")).count.value).toBe(users.count.value - 1);
  });
});
