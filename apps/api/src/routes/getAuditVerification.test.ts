import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditVerificationSchema } from "@lethe/contracts";
import { fileCheckpointStore, loadCheckpointKey, writeAuditCheckpoint, type AuditCheckpointing } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, readBody, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
let home: string;
let checkpointing: AuditCheckpointing;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), "lethe-api-audit-"));
  checkpointing = { key: await loadCheckpointKey({ directory: home }), store: fileCheckpointStore({ directory: home }) };
  api = await startApiHarness({ auditCheckpoints: checkpointing });
});
afterAll(async () => {
  await api.close();
  await rm(home, { recursive: true, force: true });
});

const verification = async () =>
  readBody(await fetch(`${api.url}/api/v1/audit/verification`, { headers: jsonHeaders(api.credentials.viewer) }), auditVerificationSchema);

describe("GET /api/v1/audit/verification with signed checkpoints", () => {
  it("is intact against the latest checkpoint, and tampered once the log is truncated", async () => {
    expect(await verification()).toMatchObject({ ok: true, checkpoint: null });
    const { written } = await writeAuditCheckpoint(api.database, checkpointing);
    expect(written?.count).toBeGreaterThan(0);
    expect(await verification()).toMatchObject({ ok: true, count: written?.count, checkpoint: { count: written?.count } });

    await api.database.sql`truncate audit_log`;
    const tampered = await verification();
    expect(tampered).toMatchObject({ ok: false, reason: "entries_missing" });
    expect(!tampered.ok && tampered.message).toMatch(new RegExp(`^tampered: ${written?.count} entries missing since checkpoint at `));
  });
});
