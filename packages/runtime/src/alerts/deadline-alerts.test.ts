import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../../test/poll";
import { startTestWorker } from "../../test/start-test-worker";
import { createConnectorRegistry } from "../connector-registry";
import { fileRequest } from "../file-request";
import { cancelRequest } from "../request-actions";
import { addWebhookEndpoint } from "../webhooks/webhook-endpoint-admin";
import type { RunningWorker } from "../worker";
import { prepareWorkerSchema } from "../worker-schema";
import { raiseDeadlineAlerts } from "./raise-deadline-alerts";

interface Received {
  path: string;
  body: string;
  signature: string | undefined;
}

/** A webhook receiver: answers with the next planned status per path (200 once the plan is used up). */
async function startReceiver(plan: Record<string, number[]>): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const header = request.headers["lethe-signature"];
      received.push({ path, body: Buffer.concat(chunks).toString("utf8"), signature: Array.isArray(header) ? header[0] : header });
      response.statusCode = plan[path]?.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** The receiver's side of the scheme, written out independently of Lethe's signing code. */
function signatureIsValid(secret: string, header: string | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const [, t = "", v1 = ""] = match;
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

const day = 24 * 60 * 60 * 1000;
let database: TestDatabase;
let worker: RunningWorker;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const secretBox = createSecretBox(randomBytes(32));

beforeAll(async () => {
  database = await createTestDatabase();
  await prepareWorkerSchema(database);
  // The second delivery to /flaky fails once, so it is retried by the queue.
  receiver = await startReceiver({ "/flaky": [500] });
});
afterAll(async () => {
  await worker?.stop();
  await new Promise((resolve) => receiver?.server.close(resolve));
  await database?.close();
});

/** Access requests wait in `verifying` with no job, so they stay open for the sweep. */
async function openRequest(receivedAt: Date, email: string): Promise<string> {
  const { id } = await fileRequest(database, {
    type: "access",
    regime: "gdpr",
    identifiers: [{ kind: "email", value: email }],
    timeZone: "UTC",
    defaultRegion: "GB",
    actor: "test",
    receivedAt,
  });
  return id;
}

describe("deadline alerts", () => {
  it("raise due-soon and overdue once across two sweeps and deliver them signed, retrying a failed delivery", async () => {
    const now = new Date();
    const dueSoon = await openRequest(new Date(now.getTime() - 27 * day), "soon@example.com");
    const overdue = await openRequest(new Date(now.getTime() - 40 * day), "late@example.com");
    const notYet = await openRequest(now, "fresh@example.com");
    const closed = await openRequest(new Date(now.getTime() - 40 * day), "closed@example.com");
    await cancelRequest(database, { requestId: closed, reason: "withdrawn", actor: "test" });

    const all = await addWebhookEndpoint(database, secretBox, { url: `${receiver.url}/all`, events: ["deadline.due_soon", "deadline.overdue"], actor: "test" });
    const flaky = await addWebhookEndpoint(database, secretBox, { url: `${receiver.url}/flaky`, events: ["deadline.overdue"], actor: "test" });
    const off = await addWebhookEndpoint(database, secretBox, { url: `${receiver.url}/off`, events: ["deadline.overdue"], actor: "test" });
    await database.sql`update webhook_endpoints set enabled = false where id = ${off.endpoint.id}`;

    const first = await raiseDeadlineAlerts(database, { now, dueSoonDays: 7 });
    const second = await raiseDeadlineAlerts(database, { now: new Date(now.getTime() + 60_000), dueSoonDays: 7 });
    expect(first.map((alert) => [alert.requestId, alert.kind, alert.deliveries]).sort()).toEqual(
      [
        [dueSoon, "due_soon", 1],
        [overdue, "overdue", 2],
      ].sort(),
    );
    expect(second).toEqual([]);
    const alerts = await database.sql<Array<{ request_id: string; kind: string }>>`select request_id, kind from deadline_alerts`;
    expect(alerts).toHaveLength(2);
    expect(alerts.map((alert) => alert.request_id)).not.toContain(notYet);
    expect(alerts.map((alert) => alert.request_id)).not.toContain(closed);

    worker = await startTestWorker({ database, registry: createConnectorRegistry([]), secretBox, exportDirectory: "/nonexistent" });
    const deliveries = await pollUntil(
      "three delivered webhooks",
      () => database.sql<Array<{ endpoint_id: string; event: string; status: string; attempts: number; last_status_code: number | null }>>`
        select endpoint_id, event, status, attempts, last_status_code from webhook_deliveries order by id`,
      { until: (rows) => rows.length === 3 && rows.every((row) => row.status === "delivered"), timeoutMs: 20_000 },
    );
    expect(deliveries.map((row) => [row.endpoint_id, row.event, row.status, row.attempts, row.last_status_code]).sort()).toEqual(
      [
        [all.endpoint.id, "deadline.due_soon", "delivered", 1, 200],
        [all.endpoint.id, "deadline.overdue", "delivered", 1, 200],
        [flaky.endpoint.id, "deadline.overdue", "delivered", 2, 200],
      ].sort(),
    );

    // The flaky receiver saw the same signed body twice; the disabled one saw nothing.
    expect(receiver.received.filter((hit) => hit.path === "/flaky")).toHaveLength(2);
    expect(receiver.received.filter((hit) => hit.path === "/off")).toHaveLength(0);
    for (const hit of receiver.received) {
      const secret = hit.path === "/all" ? all.secret : flaky.secret;
      expect(signatureIsValid(secret, hit.signature, hit.body)).toBe(true);
      expect(signatureIsValid(secret, hit.signature, hit.body.replace("gdpr", "ccpa"))).toBe(false);
      expect(hit.body).not.toMatch(/@example\.com/);
    }
    const bodies = receiver.received.filter((hit) => hit.path === "/all").map((hit) => JSON.parse(hit.body) as Record<string, unknown>);
    expect(bodies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: "deadline.due_soon", requestId: dueSoon, type: "access", regime: "gdpr", daysLeft: expect.any(Number) }),
        expect.objectContaining({ event: "deadline.overdue", requestId: overdue, type: "access", regime: "gdpr" }),
      ]),
    );
    const soonBody = bodies.find((body) => body.requestId === dueSoon);
    expect(soonBody?.daysLeft).toBeGreaterThanOrEqual(0);
    expect(soonBody?.daysLeft).toBeLessThanOrEqual(7);
    expect(Object.keys(soonBody ?? {}).sort()).toEqual(["daysLeft", "dueAt", "event", "raisedAt", "regime", "requestId", "type"]);

    // The worker schedules the sweep itself: graphile-worker's cron knows the item.
    const crontabs = await database.sql<Array<{ identifier: string }>>`select identifier from graphile_worker._private_known_crontabs`;
    expect(crontabs.map((row) => row.identifier)).toContain("deadline-alerts");
  }, 60_000);
});
