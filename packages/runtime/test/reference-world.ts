import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import referenceConnector from "@lethe/connector-reference";
import { sandbox } from "@lethe/connector-reference/sandbox";
import { identifierKinds, type RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox, type SecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { z } from "zod";
import { createConnectorInstance } from "../src/connector-instances";
import { createConnectorRegistry, type ConnectorRegistry } from "../src/connector-registry";

/*
 * Test support: a fresh database, the reference sandbox, a connector instance pointing at it,
 * and the sandbox's oracle (parsed with the SDK's wire shapes) to check effects on the "vendor".
 */

const oraclePerson = z.object({
  id: z.string(),
  role: z.enum(["subject", "bystander"]),
  bystanderOf: z.string().optional(),
  /** The seeded demo people (`clean`: identifiers nobody else holds); tests of generated people leave them out. */
  demo: z.enum(["clean", "review"]).optional(),
  identifiers: z.array(z.object({ kind: z.enum(identifierKinds), value: z.string(), system: z.string().optional() })),
});
const oracleRecord = z.object({
  ref: z.object({ type: z.string(), id: z.string() }),
  store: z.string(),
  personalData: z.record(z.string(), z.unknown()),
  anonymised: z.boolean(),
});
const oracleStats = z.object({
  calls: z.record(z.string(), z.number()),
  deletions: z.record(z.string(), z.number()),
  throttled: z.number(),
  unauthorised: z.number(),
});
export type OraclePerson = z.infer<typeof oraclePerson>;

export function oracleOf(running: RunningSandbox) {
  const read = async <T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> => {
    const response = await fetch(`${running.url}/__sandbox${path}`);
    if (!response.ok) throw new Error(`oracle answered ${response.status} for ${path}`);
    return schema.parse(await response.json());
  };
  return {
    people: async () => (await read("/people", z.object({ people: z.array(oraclePerson) }))).people,
    records: async (personId: string) =>
      (await read(`/people/${personId}/records`, z.object({ records: z.array(oracleRecord) }))).records,
    stats: () => read("/stats", oracleStats),
  };
}

export type Oracle = ReturnType<typeof oracleOf>;

export interface ReferenceWorld {
  database: TestDatabase;
  running: RunningSandbox;
  oracle: Oracle;
  registry: ConnectorRegistry;
  secretBox: SecretBox;
  secretKeyHex: string;
  instanceId: string;
  exportDirectory: string;
  close(): Promise<void>;
}

export async function openReferenceWorld(options: { people?: number; rateLimitPerMinute?: number } = {}): Promise<ReferenceWorld> {
  const rate = options.rateLimitPerMinute ?? 60_000;
  const database = await createTestDatabase();
  const running = await sandbox.start({ seed: 1, rateLimitPerMinute: rate, people: options.people ?? 0 });
  const key = randomBytes(32);
  const secretBox = createSecretBox(key);
  const registry = createConnectorRegistry([referenceConnector]);
  const { id: instanceId } = await createConnectorInstance(
    database,
    { registry, secretBox },
    {
      connectorId: "reference",
      name: "Reference CRM",
      settings: running.settings,
      secrets: running.credentials,
      rateLimitPerMinute: rate,
    },
  );
  const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-exports-"));
  return {
    database,
    running,
    oracle: oracleOf(running),
    registry,
    secretBox,
    secretKeyHex: key.toString("hex"),
    instanceId,
    exportDirectory,
    async close() {
      await running.stop();
      await database.close();
      await rm(exportDirectory, { recursive: true, force: true });
    },
  };
}

/** The subject's identifier of one kind, as the oracle lists it. */
export function identifierOf(person: OraclePerson, kind: "email" | "phone"): string {
  const found = person.identifiers.find((identifier) => identifier.kind === kind);
  if (!found) throw new Error(`person ${person.id} has no ${kind}`);
  return found.value;
}
