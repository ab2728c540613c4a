import referenceConnector from "@lethe/connector-reference";
import type { AnyConnector, ErasureReceipt } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf } from "../test/reference-world";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { createConnectorRegistry } from "./connector-registry";
import { fileRequest } from "./file-request";
import { getRequestDetail } from "./request-detail";
import { finishExcludingWeakMatches } from "../test/review-support";

/** The reference connector with an erase that reports success and deletes nothing. */
const boastfulConnector: AnyConnector = {
  ...referenceConnector,
  async *erase(_ctx, refs): AsyncIterable<ErasureReceipt> {
    for (const ref of refs) yield { ref, outcome: "erased", detail: "trust me" };
  },
};

let world: ReferenceWorldWithWorker;

beforeAll(async () => {
  world = await openReferenceWorldWithWorker({ worker: { registry: createConnectorRegistry([boastfulConnector]), concurrency: 2 } });
});
afterAll(async () => {
  await world?.close();
});

describe("verification after erasure", () => {
  it("reads the system again and reports every record an 'erased' receipt left in place", async () => {
    const subject = (await world.oracle.people()).filter((person) => person.role === "subject")[5];
    if (!subject) throw new Error("no sixth subject");
    const before = await world.oracle.records(subject.id);

    const { id } = await fileRequest(world.database, {
      type: "erasure",
      regime: "ccpa",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
      timeZone: "America/Los_Angeles",
      defaultRegion: "US",
      actor: "test",
    });
    await finishExcludingWeakMatches({ database: world.database, registry: createConnectorRegistry([boastfulConnector]) }, id, 30_000);

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("partially_completed");
    expect(await world.oracle.records(subject.id)).toHaveLength(before.length);
    const stillPresent = detail?.receipts.filter((receipt) => receipt.outcome === "still-present") ?? [];
    expect(stillPresent.map((receipt) => `${receipt.type}/${receipt.id}`).sort()).toEqual(
      before.map((record) => `${record.ref.type}/${record.ref.id}`).sort(),
    );
    expect(stillPresent.every((receipt) => receipt.phase === "verify")).toBe(true);
    expect(detail?.request.outcome).toMatchObject({ stillPresent: before.length, erase: { erased: before.length } });
    expect(detail?.history.at(-1)?.reason).toMatch(/still present after erasure/);
  });
});
