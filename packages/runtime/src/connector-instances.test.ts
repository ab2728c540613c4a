import { randomBytes } from "node:crypto";
import referenceConnector from "@lethe/connector-reference";
import { createSecretBox, getConnectorInstance, getInstanceSecrets, listConnectorInstances } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createConnectorInstance,
  InvalidInstanceConfigurationError,
  UnknownConnectorInstanceError,
  updateConnectorInstance,
} from "./connector-instances";
import { createConnectorRegistry, UnknownConnectorError } from "./connector-registry";

let database: TestDatabase;
const secretBox = createSecretBox(randomBytes(32));
const registry = createConnectorRegistry([referenceConnector]);
const token = "rcrm_0123456789abcdef0123456789abcdef";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const instanceRows = async () =>
  (await database.sql<Array<{ n: number }>>`select count(*)::int as n from connector_instances`)[0]?.n;

describe("createConnectorInstance", () => {
  it("refuses settings and secrets the connector's schemas reject, naming each field, and stores nothing", async () => {
    const error = await createConnectorInstance(
      database,
      { registry, secretBox },
      { connectorId: "reference", name: "Broken", settings: { baseUrl: "not a url" }, secrets: {} },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInstanceConfigurationError);
    const fields = (error as InvalidInstanceConfigurationError).issues.map((issue) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(["settings.baseUrl", "secrets.apiToken"]));
    expect(await instanceRows()).toBe(0);
    await expect(
      createConnectorInstance(database, { registry, secretBox }, { connectorId: "nope", name: "x", settings: {}, secrets: {} }),
    ).rejects.toBeInstanceOf(UnknownConnectorError);
  });

  it("stores the secrets sealed, hands them back only through getInstanceSecrets, and audits the creation", async () => {
    const { id } = await createConnectorInstance(
      database,
      { registry, secretBox },
      {
        connectorId: "reference",
        name: "Reference CRM",
        settings: { baseUrl: "https://acme.reference-crm.example" },
        secrets: { apiToken: token },
        rateLimitPerMinute: 120,
      },
    );
    const [raw] = await database.sql<Array<{ secrets_ciphertext: string; settings: unknown }>>`
      select secrets_ciphertext, settings from connector_instances where id = ${id}`;
    expect(raw?.secrets_ciphertext).not.toContain(token);
    expect(JSON.stringify(await getConnectorInstance(database.db, id))).not.toContain(token);
    expect(JSON.stringify(await listConnectorInstances(database.db))).not.toContain(token);
    expect(await getInstanceSecrets(database.db, secretBox, id)).toEqual({ apiToken: token });
    const audit = await database.sql<Array<{ action: string; payload: string }>>`
      select action, payload::text from audit_log`;
    expect(audit.map((row) => row.action)).toEqual(["connector_instance.created"]);
    expect(audit[0]?.payload).not.toContain(token);
  });

  it("changes settings and secrets only when they parse, re-sealing the secrets", async () => {
    const { id } = await createConnectorInstance(
      database,
      { registry, secretBox },
      { connectorId: "reference", name: "To move", settings: { baseUrl: "https://a.example" }, secrets: { apiToken: token } },
    );
    await expect(
      updateConnectorInstance(database, { registry, secretBox }, id, { settings: { baseUrl: "nope" } }),
    ).rejects.toBeInstanceOf(InvalidInstanceConfigurationError);
    expect((await getConnectorInstance(database.db, id))?.settings).toEqual({ baseUrl: "https://a.example" });

    const newToken = "rcrm_fedcba9876543210fedcba9876543210";
    await updateConnectorInstance(database, { registry, secretBox }, id, {
      settings: { baseUrl: "https://b.example" },
      secrets: { apiToken: newToken },
    });
    expect((await getConnectorInstance(database.db, id))?.settings).toEqual({ baseUrl: "https://b.example" });
    expect(await getInstanceSecrets(database.db, secretBox, id)).toEqual({ apiToken: newToken });
    await expect(
      updateConnectorInstance(database, { registry, secretBox }, "00000000-0000-4000-8000-000000000000", {}),
    ).rejects.toBeInstanceOf(UnknownConnectorInstanceError);
  });
});
