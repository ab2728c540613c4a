import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, InvalidAuditEntryError, chainAuditEntry, computeAuditHash, type AuditEntry } from "./audit-chain";
import { verifyAuditChain } from "./verify-audit-chain";

const requestId = "2f1c7a64-0b7e-4c52-9d53-6c1f0c3e8a10";

function buildChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let index = 0; index < length; index += 1) {
    entries.push(
      chainAuditEntry(entries.at(-1) ?? null, {
        at: new Date(Date.UTC(2025, 0, 1, 12, 0, index)),
        actor: index % 2 === 0 ? "system" : "user:ada",
        action: `request.step_${index}`,
        requestId: index === 0 ? null : requestId,
        payload: { step: index, connectors: ["reference"], counts: { located: index * 2 } },
      }),
    );
  }
  return entries;
}

describe("chainAuditEntry", () => {
  it("starts a chain at seq 1 on the genesis hash", () => {
    const [first] = buildChain(1);
    expect(GENESIS_HASH).toBe("0".repeat(64));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, at: "2025-01-01T12:00:00.000Z" });
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("links each entry to the hash of the one before", () => {
    const chain = buildChain(3);
    expect(chain.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
    expect(chain[2]?.prevHash).toBe(chain[1]?.hash);
  });

  it("hashes the canonical JSON of every field but the hash", () => {
    const [entry] = buildChain(1);
    if (!entry) throw new Error("no entry");
    const expected = createHash("sha256")
      .update(
        `{"action":"request.step_0","actor":"system","at":"2025-01-01T12:00:00.000Z","payload":{"connectors":["reference"],"counts":{"located":0},"step":0},"prevHash":"${GENESIS_HASH}","requestId":null,"seq":1}`,
      )
      .digest("hex");
    expect(entry.hash).toBe(expected);
  });

  it("does not depend on the order of the payload's keys", () => {
    const input = { at: "2025-01-01T00:00:00.000Z", actor: "system", action: "x", requestId: null };
    const a = chainAuditEntry(null, { ...input, payload: { first: 1, second: { x: 1, y: 2 } } });
    const b = chainAuditEntry(null, { ...input, payload: { second: { y: 2, x: 1 }, first: 1 } });
    expect(a.hash).toBe(b.hash);
  });

  it("stores the request id in the lowercase form a uuid column returns", () => {
    const entry = chainAuditEntry(null, { at: new Date(0), actor: "system", action: "x", requestId: requestId.toUpperCase(), payload: {} });
    expect(entry.requestId).toBe(requestId);
  });

  it("refuses a time not written exactly as an ISO 8601 UTC string with milliseconds", () => {
    const input = { actor: "system", action: "x", requestId: null, payload: {} };
    expect(() => chainAuditEntry(null, { ...input, at: "2025-01-01T12:00:00Z" })).toThrow(InvalidAuditEntryError);
    expect(() => chainAuditEntry(null, { ...input, at: "2025-01-01T13:00:00.000+01:00" })).toThrow(InvalidAuditEntryError);
    expect(() => chainAuditEntry(null, { ...input, at: new Date(Number.NaN) })).toThrow(InvalidAuditEntryError);
  });

  it("refuses a payload holding a Date", () => {
    expect(() =>
      chainAuditEntry(null, { at: new Date(0), actor: "system", action: "x", requestId: null, payload: { when: new Date(0) as never } }),
    ).toThrow(/ISO 8601 string/);
  });
});

describe("verifyAuditChain", () => {
  it("accepts an intact chain and reports its length and head", () => {
    const chain = buildChain(5);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, count: 5, headHash: chain[4]?.hash });
  });

  it("accepts an empty chain, whose head is the genesis hash", () => {
    expect(verifyAuditChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it("still verifies after a round trip through JSON that reorders keys", () => {
    const chain = buildChain(4).map((entry) => {
      const reordered = JSON.parse(JSON.stringify({ ...entry, payload: Object.fromEntries(Object.entries(entry.payload as object).reverse()) }));
      return reordered as AuditEntry;
    });
    expect(verifyAuditChain(chain).ok).toBe(true);
  });

  it("detects a changed payload at the entry that was changed", () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, payload: { step: 2, connectors: ["reference"], counts: { located: 999 } } };
    expect(verifyAuditChain(chain)).toEqual({ ok: false, seq: 3, reason: "hash_mismatch" });
  });

  it("detects a changed actor even when the other fields are untouched", () => {
    const chain = buildChain(3);
    chain[1] = { ...chain[1]!, actor: "user:mallory" };
    expect(verifyAuditChain(chain)).toEqual({ ok: false, seq: 2, reason: "hash_mismatch" });
  });

  it("detects a changed entry that was re-hashed, at the entry after it", () => {
    const chain = buildChain(5);
    const { hash: _, ...rest } = { ...chain[2]!, action: "request.nothing_happened" };
    chain[2] = { ...rest, hash: computeAuditHash(rest) };
    expect(verifyAuditChain(chain)).toEqual({ ok: false, seq: 4, reason: "broken_link" });
  });

  it("detects a removed entry as a gap in the sequence", () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    expect(verifyAuditChain(chain)).toEqual({ ok: false, seq: 4, reason: "sequence_gap" });
  });

  it("detects a removed entry whose successors were renumbered and re-hashed, at the first renumbered one", () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    for (let index = 2; index < chain.length; index += 1) {
      const { hash: _, ...rest } = { ...chain[index]!, seq: index + 1 };
      chain[index] = { ...rest, hash: computeAuditHash(rest) };
    }
    expect(verifyAuditChain(chain)).toEqual({ ok: false, seq: 3, reason: "broken_link" });
  });

  it("detects an inserted entry that reuses the next number", () => {
    const chain = buildChain(5);
    const forged = chainAuditEntry(chain[1]!, { at: new Date(0), actor: "user:mallory", action: "request.forged", requestId, payload: {} });
    chain.splice(2, 0, forged);
    expect(verifyAuditChain(chain)).toEqual({ ok: false, seq: 3, reason: "sequence_gap" });
  });

  it("detects an inserted entry correctly chained, with the rest renumbered, at the entry after it", () => {
    const chain = buildChain(5);
    const forged = chainAuditEntry(chain[1]!, { at: new Date(0), actor: "user:mallory", action: "request.forged", requestId, payload: {} });
    const tampered = [...chain.slice(0, 2), forged, ...chain.slice(2).map((entry) => ({ ...entry, seq: entry.seq + 1 }))];
    expect(verifyAuditChain(tampered)).toEqual({ ok: false, seq: 4, reason: "broken_link" });
  });

  it("detects a chain whose first entry was removed", () => {
    expect(verifyAuditChain(buildChain(3).slice(1))).toEqual({ ok: false, seq: 2, reason: "not_starting_at_genesis" });
  });

  it("detects a first entry that does not rest on the genesis hash", () => {
    const [first, ...rest] = buildChain(3);
    const { hash: _, ...unhashed } = { ...first!, prevHash: "f".repeat(64) };
    expect(verifyAuditChain([{ ...unhashed, hash: computeAuditHash(unhashed) }, ...rest])).toEqual({
      ok: false,
      seq: 1,
      reason: "not_starting_at_genesis",
    });
  });

  it("verifies the tail of a log from an anchor verified earlier", () => {
    const chain = buildChain(6);
    const head = verifyAuditChain(chain.slice(0, 3));
    if (!head.ok) throw new Error("head should verify");
    expect(verifyAuditChain(chain.slice(3), { seq: 3, hash: head.headHash })).toEqual({
      ok: true,
      count: 3,
      headHash: chain[5]?.hash,
    });
    expect(verifyAuditChain(chain.slice(3), { seq: 3, hash: GENESIS_HASH })).toEqual({ ok: false, seq: 4, reason: "broken_link" });
  });

  it("reads entries from any iterable, such as a generator over database pages", () => {
    const chain = buildChain(4);
    function* rows() {
      yield* chain;
    }
    expect(verifyAuditChain(rows())).toMatchObject({ ok: true, count: 4 });
  });
});
