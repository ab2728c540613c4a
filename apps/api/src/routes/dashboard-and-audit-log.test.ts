import { auditLogPageSchema, createdRequestSchema, dashboardMetricsSchema } from "@lethe/contracts";
import { weekStartOf } from "@lethe/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

function get(path: string, auth: { cookie: string } | string | undefined): Promise<Response> {
  return fetch(`${api.url}/api/v1${path}`, { headers: jsonHeaders(auth) });
}

const day = 24 * 60 * 60 * 1000;

describe("GET /api/v1/dashboard/metrics", () => {
  it("counts received, closed, on-time and overdue requests per week, and open ones by status", async () => {
    const current = weekStartOf(new Date()).getTime();
    const at = (offsetDays: number, hours = 0) => new Date(current + offsetDays * day + hours * 60 * 60 * 1000);
    const insert = (status: string, receivedAt: Date, dueAt: Date, closedAt: Date | null) => api.database.sql`
      insert into requests (type, regime, status, received_at, due_at, time_zone, closed_at)
      values ('erasure', 'gdpr', ${status}, ${receivedAt.toISOString()}, ${dueAt.toISOString()}, 'UTC', ${closedAt?.toISOString() ?? null})`;
    // Closed on time in week -1; closed late in week -1 (due in week -2); open and overdue since week -2.
    await insert("completed", at(-13), at(20), at(-7, 1));
    await insert("completed", at(-20), at(-12), at(-7, 2));
    await insert("executing", at(-34), at(-11), null);

    const metrics = await readBody(await get("/dashboard/metrics?weeks=4", api.credentials.viewer), dashboardMetricsSchema);
    expect(metrics.weeks.map((week) => week.weekStart)).toEqual([at(-21), at(-14), at(-7), at(0)].map((date) => date.toISOString()));
    expect(metrics.weeks.map((week) => week.received)).toEqual([1, 1, 0, 0]);
    expect(metrics.weeks.map((week) => week.closed)).toEqual([0, 0, 2, 0]);
    expect(metrics.weeks.map((week) => week.onTimeRate)).toEqual([null, null, 0.5, null]);
    expect(metrics.weeks.map((week) => week.overdue)).toEqual([0, 2, 1, 1]);
    expect(metrics.openByStatus).toEqual([{ status: "executing", count: 1 }]);
    expect(metrics.openBySystem).toEqual([]);
  });

  it("refuses a report of no weeks with a 400", async () => {
    const response = await get("/dashboard/metrics?weeks=0", api.credentials.viewer);
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("validation_failed");
  });
});

describe("GET /api/v1/audit", () => {
  it("lists one request's entries newest first, pages with a cursor, and names the actions", async () => {
    const filed = await fetch(`${api.url}/api/v1/requests`, {
      method: "POST",
      headers: jsonHeaders(api.credentials.compliance),
      body: JSON.stringify({ type: "access", regime: "gdpr", identifiers: [{ kind: "email", value: "audit.page@example.com" }] }),
    });
    const { request } = await readBody(filed, createdRequestSchema);

    const page = await readBody(await get(`/audit?requestId=${request.id}`, api.credentials.viewer), auditLogPageSchema);
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((entry) => entry.requestId === request.id)).toBe(true);
    expect(page.entries.map((entry) => entry.id)).toEqual([...page.entries.map((entry) => entry.id)].sort((a, b) => b - a));
    expect(page.actions).toContain(page.entries[0]?.action);
    expect(JSON.stringify(page).toLowerCase()).not.toContain("audit.page@example.com");

    const first = await readBody(await get(`/audit?limit=1`, api.credentials.viewer), auditLogPageSchema);
    expect(first.entries).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await readBody(await get(`/audit?limit=1&cursor=${first.nextCursor}`, api.credentials.viewer), auditLogPageSchema);
    expect(second.entries[0]?.id).toBeLessThan(first.entries[0]?.id ?? 0);

    const byAction = await readBody(await get(`/audit?action=${encodeURIComponent(first.entries[0]?.action ?? "")}`, api.credentials.viewer), auditLogPageSchema);
    expect(byAction.entries.every((entry) => entry.action === first.entries[0]?.action)).toBe(true);
  });

  it("answers a forged cursor with a 400", async () => {
    const response = await get("/audit?cursor=abc", api.credentials.viewer);
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("validation_failed");
  });
});
