import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSecretBox, insertWebhookDelivery } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectorRegistry } from "../connector-registry";
import { loopbackAllowList } from "../outbound/outbound-allow-list";
import { createOutboundGuard } from "../outbound/outbound-guard";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { deliverWebhookTask } from "./deliver-webhook-task";
import { addWebhookEndpoint } from "./webhook-endpoint-admin";

let database: TestDatabase;
let server: Server;
let url: string;
let received = 0;
const secretBox = createSecretBox(randomBytes(32));

beforeAll(async () => {
  database = await createTestDatabase();
  server = createServer((_request, response) => {
    received += 1;
    response.statusCode = 503;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/down`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

/** graphile-worker's view of the job: which attempt this is, of how many. */
function attempt(attempts: number, maxAttempts: number): JobHelpers {
  return { job: { attempts, max_attempts: maxAttempts } } as unknown as JobHelpers;
}

function depsWith(allow: readonly string[]): RuntimeDependencies {
  return {
    database,
    registry: createConnectorRegistry([]),
    secretBox,
    exportDirectory: "/nonexistent",
    log: () => undefined,
    logLevel: "info",
    outbound: createOutboundGuard({ allow }),
  };
}

describe("a webhook delivery to a receiver that keeps failing", () => {
  it("records each attempt and throws for a retry, then is marked failed on the last attempt without throwing", async () => {
    // The receiver is on loopback: this world allows it explicitly, as an on-premises receiver would be.
    const deps = depsWith(loopbackAllowList);
    const { endpoint } = await addWebhookEndpoint(database, secretBox, { url, events: ["deadline.overdue"], actor: "test" });
    const delivery = await insertWebhookDelivery(database.db, { endpointId: endpoint.id, event: "deadline.overdue", payload: { event: "deadline.overdue" } });
    const task = deliverWebhookTask(deps);
    const read = async () =>
      (await database.sql<Array<{ status: string; attempts: number; last_status_code: number; last_error: string }>>`
        select status, attempts, last_status_code, last_error from webhook_deliveries where id = ${delivery.id}`)[0];

    await expect(task({ deliveryId: delivery.id }, attempt(1, 3))).rejects.toThrow(/receiver answered 503/);
    expect(await read()).toEqual({ status: "pending", attempts: 1, last_status_code: 503, last_error: "receiver answered 503" });
    await expect(task({ deliveryId: delivery.id }, attempt(2, 3))).rejects.toThrow();
    await expect(task({ deliveryId: delivery.id }, attempt(3, 3))).resolves.toBeUndefined();
    expect(await read()).toEqual({ status: "failed", attempts: 3, last_status_code: 503, last_error: "receiver answered 503" });
    // A failed delivery is not tried again.
    await expect(task({ deliveryId: delivery.id }, attempt(4, 4))).resolves.toBeUndefined();
    expect((await read())?.attempts).toBe(3);
  });
});

describe("a webhook receiver the outbound policy refuses", () => {
  it("is refused when the endpoint is added, naming the field, and nothing is stored", async () => {
    const guard = createOutboundGuard();
    for (const refused of ["http://169.254.169.254/latest/meta-data/", "http://127.1:8080/", "http://[::ffff:10.0.0.1]/", "http://0x7f.1/", "http://localhost./hook"]) {
      await expect(addWebhookEndpoint(database, secretBox, { url: refused, events: ["deadline.overdue"], actor: "test" }, guard)).rejects.toMatchObject({
        name: "RefusedWebhookUrlError",
        field: "url",
      });
    }
    const rows = await database.sql<Array<{ count: number }>>`select count(*)::int as count from webhook_endpoints where url like '%169.254%' or url like '%127.1%'`;
    expect(rows[0]?.count).toBe(0);
  });

  it("is never sent a delivery stored before the policy applied: the attempt fails without a request reaching it", async () => {
    const before = received;
    const { endpoint } = await addWebhookEndpoint(database, secretBox, { url, events: ["deadline.overdue"], actor: "test" });
    const delivery = await insertWebhookDelivery(database.db, { endpointId: endpoint.id, event: "deadline.overdue", payload: { event: "deadline.overdue" } });
    await expect(deliverWebhookTask(depsWith([]))({ deliveryId: delivery.id }, attempt(1, 3))).rejects.toThrow(/refused \(loopback\)/);
    expect(received).toBe(before);
    const [row] = await database.sql<Array<{ last_status_code: number | null; last_error: string }>>`
      select last_status_code, last_error from webhook_deliveries where id = ${delivery.id}`;
    expect(row).toMatchObject({ last_status_code: null, last_error: expect.stringMatching(/OutboundRequestRefusedError: outbound requests to 127\.0\.0\.1 are refused \(loopback\)/) });
  });
});
