import referenceConnector from "@lethe/connector-reference";
import { VendorContractError, type AnyConnector, type ExportItem } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf } from "../test/reference-world";
import { runToEnd } from "../test/run-to-end";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { createConnectorInstance } from "./connector-instances";
import { createConnectorRegistry } from "./connector-registry";
import { verifyBundle } from "./export";
import { fileRequest } from "./file-request";
import { getRequestDetail } from "./request-detail";
import { attestIdentity } from "./verification";

/** The reference connector under another id, whose export breaks off with a malformed record. */
const malformedExport: AnyConnector = {
  ...referenceConnector,
  id: "reference-malformed-export",
  async *export(ctx, refs): AsyncIterable<ExportItem> {
    const first = refs[0];
    if (first) yield { kind: "record", ref: first, data: { id: first.id } };
    throw new VendorContractError("note payload without a body", { route: "notes.show", recordType: "note" });
  },
};

let world: ReferenceWorldWithWorker;
let brokenId: string;
let registry: ReturnType<typeof createConnectorRegistry>;

beforeAll(async () => {
  registry = createConnectorRegistry([referenceConnector, malformedExport]);
  world = await openReferenceWorldWithWorker({ worker: { registry, concurrency: 2 } });
  brokenId = (
    await createConnectorInstance(
      world.database,
      { registry, secretBox: world.secretBox },
      {
        connectorId: malformedExport.id,
        name: "Mirror with a broken export",
        settings: world.running.settings,
        secrets: world.running.credentials,
      },
    )
  ).id;
});
afterAll(async () => {
  await world?.close();
});

describe("an access request where one system's export fails for good", () => {
  it("writes the bundle from the other systems and ends partially completed, naming the failed one", async () => {
    const subject = (await world.oracle.people()).find((person) => person.role === "subject");
    if (!subject) throw new Error("no subject");
    const records = await world.oracle.records(subject.id);

    const { id } = await fileRequest(world.database, {
      type: "portability",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
      timeZone: "Europe/Paris",
      defaultRegion: "FR",
      actor: "test",
    });
    await attestIdentity(world.database, { requestId: id, note: "identity checked by call-back", actor: "test" });
    // The mirror instance finds the same people again through discovered identifiers; those weak
    // matches are excluded in review so that the export runs.
    await runToEnd({ database: world.database, registry, secretBox: world.secretBox }, [id], { timeoutMs: 30_000 });

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("partially_completed");
    expect(detail?.tasks.filter((task) => task.phase === "export").map((task) => [task.instanceId, task.status])).toEqual(
      expect.arrayContaining([
        [world.instanceId, "done"],
        [brokenId, "failed"],
      ]),
    );
    expect(detail?.tasks.find((task) => task.instanceId === brokenId && task.phase === "export")?.lastError).toMatch(
      /^VendorContractError: note payload without a body/,
    );
    const bundle = await verifyBundle(detail?.exportPath ?? "", { sha256: detail?.request.exportSha256 ?? "" });
    expect(bundle).toMatchObject({ ok: true, archive: { matches: true } });
    expect(bundle.manifest.systems.map((system) => system.instanceId)).toEqual([world.instanceId]);
    expect(detail?.receipts.filter((receipt) => receipt.phase === "export")).toHaveLength(records.length);
    expect(detail?.history.at(-1)?.reason).toMatch(/export on "Mirror with a broken export" failed/);
  });
});
