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
    // A bystander's note mentions this subject: planned `redact`, receipted "erased" by the
    // boastful connector, and still mentioning them when verification re-locates it.
    const people = await world.oracle.people();
    const mentions = (
      await Promise.all(people.filter((person) => person.bystanderOf === subject.id).map((person) => world.oracle.records(person.id)))
    )
      .flat()
      .filter((record) => JSON.stringify(record.personalData).includes(identifierOf(subject, "email")));
    expect(mentions).toHaveLength(1);

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
      [...before, ...mentions].map((record) => `${record.ref.type}/${record.ref.id}`).sort(),
    );
    expect(stillPresent.every((receipt) => receipt.phase === "verify")).toBe(true);
    const mentionReceipt = stillPresent.find((receipt) => receipt.id === mentions[0]?.ref.id);
    expect(mentionReceipt?.detail).toMatch(/another person's record still mentions the subject/);
    const total = before.length + mentions.length;
    expect(detail?.request.outcome).toMatchObject({ stillPresent: total, erase: { erased: total } });
    expect(detail?.history.at(-1)?.reason).toMatch(/still present after erasure/);
  });
});
