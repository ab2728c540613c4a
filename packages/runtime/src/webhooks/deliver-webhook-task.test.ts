import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSecretBox, insertWebhookDelivery } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectorRegistry } from "../connector-registry";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { deliverWebhookTask } from "./deliver-webhook-task";
import { addWebhookEndpoint } from "./webhook-endpoint-admin";

let database: TestDatabase;
let server: Server;
let url: string;
const secretBox = createSecretBox(randomBytes(32));

beforeAll(async () => {
  database = await createTestDatabase();
  server = createServer((_request, response) => {
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

describe("a webhook delivery to a receiver that keeps failing", () => {
  it("records each attempt and throws for a retry, then is marked failed on the last attempt without throwing", async () => {
    const deps: RuntimeDependencies = {
      database,
      registry: createConnectorRegistry([]),
      secretBox,
      exportDirectory: "/nonexistent",
      log: () => undefined,
      logLevel: "info",
    };
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
