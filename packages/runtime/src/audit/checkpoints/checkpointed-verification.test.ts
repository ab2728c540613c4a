import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "../append-audit";
import { checkpointKeyFileName, loadCheckpointKey, type CheckpointKey } from "./checkpoint-key";
import { checkpointFileName, fileCheckpointStore } from "./checkpoint-store";
import { verifyAuditTrail, writeAuditCheckpoint, type AuditCheckpointing } from "./checkpointed-verification";

let database: TestDatabase;
let home: string;
let key: CheckpointKey;
let checkpointing: AuditCheckpointing;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.sql`truncate audit_log`;
  home = await mkdtemp(join(tmpdir(), "lethe-checkpoints-"));
  key = await loadCheckpointKey({ directory: home });
  checkpointing = { store: fileCheckpointStore({ directory: home }), key };
  for (let index = 0; index < 6; index += 1) {
    await appendAudit(database.db, { actor: "test", action: "test.event", payload: { index } });
  }
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe("audit checkpoints", () => {
  it("creates the signing key once, with mode 0600, and keeps it", async () => {
    const path = join(home, checkpointKeyFileName);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await loadCheckpointKey({ directory: home });
    expect(again.publicKey.equals(key.publicKey)).toBe(true);
  });

  it("verifies an intact chain against its checkpoint, and checkpoints new entries", async () => {
    const first = await writeAuditCheckpoint(database, checkpointing);
    expect(first.written?.count).toBe(6);
    await appendAudit(database.db, { actor: "test", action: "test.event", payload: { index: 6 } });
    expect(await verifyAuditTrail(database, checkpointing)).toMatchObject({ ok: true, count: 7, checkpoint: { count: 6 } });
    const second = await writeAuditCheckpoint(database, checkpointing);
    expect(second.written?.count).toBe(7);
    const lines = (await readFile(join(home, checkpointFileName), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(2);
  });

  it("detects a truncated log", async () => {
    await writeAuditCheckpoint(database, checkpointing);
    await database.sql`truncate audit_log`;
    const result = await verifyAuditTrail(database, checkpointing);
    expect(result).toMatchObject({ ok: false, reason: "entries_missing" });
    expect(!result.ok && result.message).toMatch(/^tampered: 6 entries missing since checkpoint at \d{4}-/);
    // And a failed trail is never made the new baseline.
    expect((await writeAuditCheckpoint(database, checkpointing)).written).toBeNull();
  });

  it("detects rows deleted from the tail", async () => {
    await writeAuditCheckpoint(database, checkpointing);
    await database.sql`delete from audit_log where seq > 4`;
    const result = await verifyAuditTrail(database, checkpointing);
    expect(result).toMatchObject({ ok: false, reason: "entries_missing", seq: 5 });
    expect(!result.ok && result.message).toMatch(/tampered: 2 entries missing since checkpoint at/);
  });

  it("detects a rewritten history that still hashes, by the hash at the checkpointed position", async () => {
    await writeAuditCheckpoint(database, checkpointing);
    // Rebuild the log with different entries of the same length: a valid chain, but not the one checkpointed.
    await database.sql`truncate audit_log`;
    for (let index = 0; index < 6; index += 1) {
      await appendAudit(database.db, { actor: "forger", action: "test.event", payload: { index } });
    }
    expect(await verifyAuditTrail(database, checkpointing)).toMatchObject({ ok: false, reason: "checkpoint_mismatch", seq: 6 });
  });

  it("refuses a checkpoint file whose latest line was edited", async () => {
    await writeAuditCheckpoint(database, checkpointing);
    const path = join(home, checkpointFileName);
    const line = JSON.parse((await readFile(path, "utf8")).trim()) as { count: number };
    await writeFile(path, `${JSON.stringify({ ...line, count: 2 })}\n`);
    expect(await verifyAuditTrail(database, checkpointing)).toMatchObject({ ok: false, reason: "checkpoint_signature_invalid" });
  });

  it("posts each checkpoint to the webhook when one is configured", async () => {
    const received: unknown[] = [];
    const store = fileCheckpointStore({
      directory: home,
      webhookUrl: "https://audit.example.com/checkpoints",
      fetch: async (_url, init) => {
        received.push(JSON.parse(typeof init?.body === "string" ? init.body : "null"));
        return new Response(null, { status: 204 });
      },
    });
    await writeAuditCheckpoint(database, { store, key });
    expect(received).toMatchObject([{ event: "audit.checkpoint", checkpoint: { count: 6 } }]);
  });
});
