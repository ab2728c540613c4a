import { describe, expect, it } from "vitest";
import { detailOf } from "../test/request-detail-fixture";
import { waitExitCodes, waitOutcome } from "./wait-outcome";

const plain = { prefix: "", usesDatabaseUrl: false };
const elsewhere = { prefix: "LETHE_HOME=/tmp/demo LETHE_PORT=4600 ", usesDatabaseUrl: false };
const id = "0b7f6c1e-8d61-4a6f-9a55-6f1c2c8a9e10";

describe("waitOutcome", () => {
  it("a completed erasure: exit 0, what was erased where, and where to see the receipts", () => {
    const outcome = waitOutcome(
      detailOf({ status: "completed", located: [{ instance: "demo-reference", id: "n1" }], receipts: [{ instance: "demo-reference", id: "n1", outcome: "verified" }] }),
      { style: plain },
    );
    expect(outcome.exitCode).toBe(waitExitCodes.completed);
    expect(outcome.lines).toEqual([`request ${id} completed: 1 record(s) located (demo-reference 1); 1 erased`, "details:", `  pnpm lethe request show ${id}`]);
  });

  it("a completed access request names the export", () => {
    const outcome = waitOutcome(detailOf({ status: "completed", type: "access", exportPath: "/tmp/x.zip" }), { style: plain });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.lines).toContain("export: /tmp/x.zip");
  });

  it("review: exit 3 and the exact commands, with the environment they need", () => {
    const outcome = waitOutcome(detailOf({ status: "review", located: [{ instance: "demo-zendesk", id: "t1", strength: "weak" }] }), { style: elsewhere });
    expect(outcome.exitCode).toBe(waitExitCodes.waitsForAPerson);
    expect(outcome.lines[0]).toContain("1 weak match(es)");
    expect(outcome.lines).toContain(`  LETHE_HOME=/tmp/demo LETHE_PORT=4600 pnpm lethe request review ${id} --include-all   (or --exclude-all)`);
    expect(outcome.lines).toContain(`  LETHE_HOME=/tmp/demo LETHE_PORT=4600 pnpm lethe request approve ${id}`);
  });

  it("verifying: exit 3 and the verify command", () => {
    const outcome = waitOutcome(detailOf({ status: "verifying", type: "access" }), { style: { prefix: "", usesDatabaseUrl: true } });
    expect(outcome.exitCode).toBe(3);
    expect(outcome.lines).toContain(`  pnpm lethe request verify ${id} --attest "how you checked their identity" --wait`);
    expect(outcome.lines).toContain("  (with the same DATABASE_URL in the environment)");
  });

  it("a timeout while still running: exit 4 and how to follow it", () => {
    const outcome = waitOutcome(detailOf({ status: "executing" }), { style: plain, timedOutAfterSeconds: 300 });
    expect(outcome.exitCode).toBe(waitExitCodes.timedOut);
    expect(outcome.lines).toEqual([`request ${id} is still executing after 300 s; follow it with:`, `  pnpm lethe request show ${id}`]);
  });

  it("ended otherwise (partially completed): exit 1", () => {
    expect(waitOutcome(detailOf({ status: "partially_completed" }), { style: plain }).exitCode).toBe(waitExitCodes.endedOtherwise);
  });
});
