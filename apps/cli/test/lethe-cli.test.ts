import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { openDatabase, type Database } from "@lethe/db";
import { createTestDatabase } from "@lethe/db/testing";
import { readBundleManifest, verifyBundle, waitForRequests, type RequestDetail, type RequestPlan } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortPair, runLethe, startLethe, type StartedLethe } from "./lethe-process";

/*
 * The foundation's acceptance checks, run as a new user would: the real `lethe` binary in child
 * processes. Without DATABASE_URL it uses its embedded PostgreSQL in a fresh LETHE_HOME (the
 * README's default path); with DATABASE_URL (CI's second run) it uses an isolated database there.
 */
describe("the lethe CLI, end to end", () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let lethe: StartedLethe;
  let database: Database;
  let dropTestDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), "lethe-cli-"));
    // mkdtemp makes it private (0700); a checkout usually is not, and the embedded server's user must reach it.
    await chmod(home, 0o755);
    env = { ...process.env, LETHE_HOME: home, LETHE_PORT: String(await freePortPair()), LETHE_LOG_LEVEL: "warn" };
    delete env.DATABASE_URL;
    if (process.env.DATABASE_URL) {
      const testDatabase = await createTestDatabase();
      env.DATABASE_URL = testDatabase.url;
      dropTestDatabase = () => testDatabase.close();
    }
    lethe = await startLethe(env);
    // Joins the server `lethe start` owns (embedded) or the test database, to look behind the CLI.
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDirectory: path.join(home, "pg") });
  });

  afterAll(async () => {
    await database?.close();
    const code = await lethe?.stop();
    await dropTestDatabase?.();
    await rm(home, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  async function people(): Promise<OraclePerson[]> {
    const response = await fetch(`${lethe.sandboxUrl}/__sandbox/people`);
    return ((await response.json()) as { people: OraclePerson[] }).people;
  }

  async function recordsOf(personId: string): Promise<OracleRecord[]> {
    const response = await fetch(`${lethe.sandboxUrl}/__sandbox/people/${personId}/records`);
    return ((await response.json()) as { records: OracleRecord[] }).records;
  }

  function emailOf(person: OraclePerson): string {
    const email = person.identifiers.find((identifier) => identifier.kind === "email")?.value;
    if (!email) throw new Error(`seeded person ${person.id} has no e-mail`);
    return email;
  }

  it("serves its health endpoint once started", async () => {
    const response = await fetch(`${lethe.apiUrl}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("prints its version, and a mistyped option on a line of its own with the command's usage, not the whole help", async () => {
    const manifest = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    const version = await runLethe(["--version"], env);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(manifest.version);

    const mistyped = await runLethe(["request", "list", "--frob"], env);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr.split("\n").slice(0, 3)).toEqual([
      "lethe: unknown option '--frob'",
      "usage: lethe request list [options]",
      "(see `pnpm lethe request list --help`)",
    ]);
    expect(mistyped.stderr).not.toContain("Options:");
  });

  it("warns when LETHE_HOME holds no database yet, and not for the home in use", async () => {
    const used = await runLethe(["request", "list"], env);
    expect(used.code, used.stderr).toBe(0);
    expect(used.stderr).not.toContain("warning:");

    const typo = path.join(home, "typo-home");
    const fresh: NodeJS.ProcessEnv = { ...env, LETHE_HOME: typo };
    delete fresh.DATABASE_URL;
    const listed = await runLethe(["request", "list"], fresh);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stderr).toContain(`warning: LETHE_HOME=${typo} holds no Lethe database yet; starting a new empty one (is the path right?)`);
    expect(listed.stdout.trim()).toBe("no requests");
  });

  it("refuses an invalid e-mail address or phone number with the reason, storing nothing", async () => {
    const badEmail = await runLethe(["request", "create", "--type", "erasure", "--email", "someone.example.com"], env);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/e-mail/i);
    const badPhone = await runLethe(["request", "create", "--type", "erasure", "--phone", "12"], env);
    expect(badPhone.code).toBe(2);
    expect(badPhone.stderr).toMatch(/phone/i);

    const [{ count }] = await database.sql<[{ count: number }]>`select count(*)::int as count from requests`;
    expect(count).toBe(0);
    const [{ identifiers }] = await database.sql<[{ identifiers: number }]>`select count(*)::int as identifiers from subject_identifiers`;
    expect(identifiers).toBe(0);
  });

  it("files a rectification from --change field=value (normalised) and a restriction with --lift, and refuses a bad change by its position", async () => {
    const bad = await runLethe(["request", "create", "--type", "rectification", "--email", "someone@example.com", "--change", "name=Ada", "--change", "phone=12"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--change #2.value is not a valid phone number");
    const malformed = await runLethe(["request", "create", "--type", "rectification", "--email", "someone@example.com", "--change", "nameAda"], env);
    expect(malformed.code).toBe(2);

    const filed = await runLethe(["request", "create", "--type", "rectification", "--email", "someone@example.com", "--change", "email=Ada.King@Example.com"], env);
    expect(filed.code).toBe(0);
    const lifted = await runLethe(["request", "create", "--type", "restriction", "--email", "someone@example.com", "--lift"], env);
    expect(lifted.code).toBe(0);
    const rows = await database.sql<Array<{ type: string; parameters: unknown }>>`select type, parameters from requests where type in ('rectification', 'restriction') order by created_at`;
    expect(rows).toEqual([
      { type: "rectification", parameters: { changes: [{ field: "email", value: "ada.king@example.com" }] } },
      { type: "restriction", parameters: { lift: true } },
    ]);
  });

  // These scenarios run the review from the terminal: six more `lethe` processes each.
  const reviewedScenarioTimeoutMs = 180_000;

  /** `lethe request plan/review/approve`: refused while records await review, then excluded and approved. */
  async function excludeAwaitingReviewAndApprove(id: string): Promise<void> {
    const shown = await runLethe(["request", "plan", id], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/pending\s+[1-9]\d* awaiting review/);
    const plan = JSON.parse((await runLethe(["request", "plan", id, "--json"], env)).stdout) as RequestPlan;
    const pending = plan.items.filter((item) => item.review === "pending");
    expect(pending.length).toBeGreaterThan(0);
    const early = await runLethe(["request", "approve", id], env);
    expect(early.code).not.toBe(0);
    expect(early.stderr).toMatch(/still await a review decision/);
    // One named by its record id, the rest of its system in bulk, then everything left.
    const [first] = pending;
    if (!first) throw new Error("no record awaits review");
    const named = await runLethe(["request", "review", id, "--exclude", first.id], env);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain(`1 record(s) decided (0 included, 1 excluded); ${pending.length - 1} still await review`);
    const ofSystem = pending.filter((item) => item.instanceName === first.instanceName && item.id !== first.id).length;
    const bySystem = await runLethe(["request", "review", id, "--exclude-all", "--system", first.instanceName], env);
    if (ofSystem === 0) expect(bySystem.code).toBe(2);
    else expect(bySystem.stdout).toContain(`${ofSystem} record(s) decided (0 included, ${ofSystem} excluded)`);
    if (pending.length - 1 - ofSystem > 0) {
      const rest = await runLethe(["request", "review", id, "--exclude-all"], env);
      expect(rest.code, rest.stderr).toBe(0);
      expect(rest.stdout).toContain("0 still await review");
      expect(rest.stdout).toContain(`Next: approve the plan: pnpm lethe request approve ${id}`.replace("pnpm", `LETHE_HOME=${home} LETHE_PORT=${env.LETHE_PORT} pnpm`));
    }
    const approved = await runLethe(["request", "approve", id], env);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`${pending.length} excluded in review: left alone`);
  }

  it("erases a seeded subject everywhere, leaves every bystander untouched, and lists the receipts", async () => {
    const everyone = await people();
    const subject = everyone.find((person) => person.role === "subject");
    if (!subject) throw new Error("the demo sandbox seeded no subject");
    const bystanders = everyone.filter((person) => person.bystanderOf === subject.id);
    expect(bystanders.length).toBeGreaterThan(0);
    const bystandersBefore = await Promise.all(bystanders.map((person) => recordsOf(person.id)));
    expect((await recordsOf(subject.id)).length).toBeGreaterThan(0);

    const created = await runLethe(
      ["request", "create", "--type", "erasure", "--email", emailOf(subject), "--wait", "--json"],
      env,
    );
    // --wait exits 3 when the request waits for a person (README, "The CLI").
    expect(created.code).toBe(3);
    const filed = JSON.parse(created.stdout) as RequestDetail;
    // The phone on the subject's person record finds the household member in locate round 1:
    // the subject is erased at once, the household's records wait for a person's review.
    expect(filed.request.status).toBe("review");
    expect(created.stderr).toContain(`lethe request plan ${filed.request.id}`);
    expect(await recordsOf(subject.id)).toEqual([]);
    await excludeAwaitingReviewAndApprove(filed.request.id);
    await waitForRequests(database, [filed.request.id], { timeoutMs: 60_000 });
    const detail = JSON.parse((await runLethe(["request", "show", filed.request.id, "--json"], env)).stdout) as RequestDetail;
    expect(detail.request.status).toBe("completed");

    expect(await recordsOf(subject.id)).toEqual([]);
    expect(await Promise.all(bystanders.map((person) => recordsOf(person.id)))).toEqual(bystandersBefore);

    const shown = await runLethe(["request", "show", detail.request.id], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`receipts: ${detail.receipts.length}`);
    expect(detail.receipts.length).toBeGreaterThan(0);
    // By default counts per system, phase and outcome; --verbose lists each receipt.
    expect(shown.stdout).toMatch(/demo-reference\s+erase\s+erased\s+\d+/);
    expect(shown.stdout).not.toMatch(/erase\s+erased\s+person\//);
    const listed = await runLethe(["request", "show", detail.request.id, "--verbose"], env);
    expect(listed.stdout).toMatch(/erase\s+erased\s+person\//);
  }, reviewedScenarioTimeoutMs);

  it("answers an access request with a zip whose manifest checksums match and which holds every record of the subject", async () => {
    const subject = (await people()).filter((person) => person.role === "subject")[1];
    if (!subject) throw new Error("the demo sandbox seeded fewer than two subjects");
    const seeded = await recordsOf(subject.id);

    // Art. 12(6): an access request waits for identity verification, even with --wait.
    const created = await runLethe(["request", "create", "--type", "access", "--email", emailOf(subject), "--wait", "--json"], env);
    expect(created.code).toBe(3);
    expect(created.stderr).toContain(`lethe request verify ${(JSON.parse(created.stdout) as RequestDetail).request.id} --attest`);
    const filed = JSON.parse(created.stdout) as RequestDetail;
    expect(filed.request.status).toBe("verifying");
    expect(filed.tasks).toEqual([]);

    const verified = await runLethe(["request", "verify", filed.request.id, "--attest", "passport checked at the desk", "--wait", "--json"], env);
    expect(verified.code).toBe(3);
    expect((JSON.parse(verified.stdout) as RequestDetail).request.status).toBe("review");
    await excludeAwaitingReviewAndApprove(filed.request.id);
    await waitForRequests(database, [filed.request.id], { timeoutMs: 60_000 });
    const detail = JSON.parse((await runLethe(["request", "show", filed.request.id, "--json"], env)).stdout) as RequestDetail;
    expect(detail.request.status).toBe("completed");
    expect(detail.history.map((entry) => entry.to).slice(0, 3)).toEqual(["received", "verifying", "verified"]);
    expect(detail.exportPath).toBeTruthy();
    const bundlePath = detail.exportPath ?? "";

    const verification = await verifyBundle(bundlePath);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);

    const manifest = await readBundleManifest(bundlePath);
    const exportedCounts = manifest.systems[0]?.records ?? {};
    const seededCounts: Record<string, number> = {};
    for (const record of seeded) seededCounts[record.ref.type] = (seededCounts[record.ref.type] ?? 0) + 1;
    expect(exportedCounts).toEqual(seededCounts);
    // Nothing was deleted by an access request.
    expect(await recordsOf(subject.id)).toHaveLength(seeded.length);
  }, reviewedScenarioTimeoutMs);

  it("adds a webhook showing its secret once, lists it without the secret, refuses a bad URL, and removes it", async () => {
    const added = await runLethe(["webhook", "add", "https://hooks.example.com/lethe", "--event", "deadline.overdue"], env);
    expect(added.code).toBe(0);
    const id = /added webhook ([0-9a-f-]{36})/.exec(added.stdout)?.[1] ?? "";
    const secret = /signing secret \(shown once\): (whsec_\S+)/.exec(added.stdout)?.[1] ?? "";
    expect(id).not.toBe("");
    expect(secret).not.toBe("");

    const listed = await runLethe(["webhook", "list", "--json"], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(secret);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id, url: "https://hooks.example.com/lethe", events: ["deadline.overdue"] })]);

    const bad = await runLethe(["webhook", "add", "ftp://hooks.example.com"], env);
    expect(bad.code).toBe(2);
    // The cloud metadata service and loopback in any notation are refused (issue 13, SSRF); nothing is stored.
    for (const refused of ["http://169.254.169.254/latest/meta-data/", "http://0x7f.1:5432/"]) {
      const answer = await runLethe(["webhook", "add", refused], env);
      expect(answer.code).toBe(2);
      expect(answer.stderr).toMatch(/url: webhooks to this address are refused/);
    }
    expect((await runLethe(["webhook", "add", "https://h.example.com", "--event", "request.filed"], env)).code).toBe(2);

    expect((await runLethe(["webhook", "remove", id], env)).code).toBe(0);
    expect(JSON.parse((await runLethe(["webhook", "list", "--json"], env)).stdout)).toEqual([]);
    expect((await runLethe(["webhook", "remove", id], env)).code).toBe(2);
    // Eleven `lethe` processes one after another: a minute is not enough on a loaded 2-core machine.
  }, 180_000);

  it("verifies the audit chain, and fails once any audit row is altered in the database", async () => {
    const intact = await runLethe(["audit", "verify"], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/audit chain intact: \d+ entries/);

    await database.sql`update audit_log set payload = '{"altered": true}'::jsonb where seq = (select min(seq) + 1 from audit_log)`;
    const broken = await runLethe(["audit", "verify"], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/audit chain BROKEN at entry \d+: hash_mismatch/);
  });
});
