import referenceConnector from "@lethe/connector-reference";
import type { AnyConnector, ErasureReceipt } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf } from "../test/reference-world";
import { finishExcludingWeakMatches } from "../test/review-support";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { createConnectorRegistry } from "./connector-registry";
import { fileRequest } from "./file-request";
import { parseEnginePolicy } from "@lethe/core";
import { getRequestDetail } from "./request-detail";

/** The reference connector with an erase that reports success and deletes nothing. */
const boastfulConnector: AnyConnector = {
  ...referenceConnector,
  async *erase(_ctx, refs): AsyncIterable<ErasureReceipt> {
    for (const ref of refs) yield { ref, outcome: "erased", detail: "trust me" };
  },
};
const registry = createConnectorRegistry([boastfulConnector]);

let world: ReferenceWorldWithWorker;

beforeAll(async () => {
  world = await openReferenceWorldWithWorker({ worker: { registry, concurrency: 2, policy: parseEnginePolicy({ verifySearch: "always" }) } });
});
afterAll(async () => {
  await world?.close();
});

describe("verification with the policy verifySearch: always", () => {
  it("locates the subject again besides reading back by id, and names each record found again once", async () => {
    const subject = (await world.oracle.people()).filter((person) => person.role === "subject")[4];
    if (!subject) throw new Error("no fifth subject");
    const before = await world.oracle.records(subject.id);
    const { id } = await fileRequest(world.database, {
      type: "erasure",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
      timeZone: "Europe/London",
      defaultRegion: "GB",
      actor: "test",
    });
    await finishExcludingWeakMatches({ database: world.database, registry }, id, 30_000);

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("partially_completed");
    const verify = detail?.receipts.filter((receipt) => receipt.phase === "verify") ?? [];
    const own = verify.filter((receipt) => before.some((record) => record.ref.type === receipt.type && record.ref.id === receipt.id));
    // The search found each of them first; the read-back does not read a receipted record twice.
    expect(own.map((receipt) => `${receipt.type}/${receipt.id}`).sort()).toEqual(before.map((record) => `${record.ref.type}/${record.ref.id}`).sort());
    expect(own.every((receipt) => receipt.outcome === "still-present" && /found again after its erase receipt said "erased"/.test(receipt.detail ?? ""))).toBe(true);
  });
});
