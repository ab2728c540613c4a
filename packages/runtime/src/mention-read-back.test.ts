import zendeskConnector from "@lethe/connector-zendesk";
import { startZendeskSandbox, type RunningZendeskSandbox } from "@lethe/connector-zendesk/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { pollUntil } from "../test/poll";
import { identifierOf, oracleOf } from "../test/reference-world";
import { openSandboxWorld, type SandboxWorld } from "../test/sandbox-world";
import { waitForStatus } from "../test/wait-for-status";
import { fileRequest } from "./file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "./plan";
import { getRequestDetail } from "./request-detail";
import { waitForRequests } from "./wait-for-requests";

/*
 * Issue 12, "erasure that holds up on data nobody here chose": a Zendesk comment another person
 * wrote that mentions the subject's e-mail address is planned `redact`, redacted through the
 * comment-redaction API, and read back by id with the subject's identifiers. The request is
 * `completed` only when that read-back finds the comment kept and the address gone; a vendor that
 * acknowledges the redaction and does nothing leaves the request `partially_completed`, naming
 * the records and what to do next.
 */

let world: SandboxWorld<RunningZendeskSandbox> | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** `scrubDelayMs` 0: the deleted user is scrubbed at once, so confirm settles on its first round. */
async function openZendeskWorld(scrubDelayMs = 0): Promise<SandboxWorld<RunningZendeskSandbox>> {
  world = await openSandboxWorld({
    connectors: [zendeskConnector],
    startSandbox: () => startZendeskSandbox({ seed: 1, rateLimitPerMinute: 1_000_000, scrubDelayMs }),
    instance: { connectorId: "zendesk", name: "Zendesk Support", rateLimitPerMinute: 100_000 },
    worker: { concurrency: 2, confirmDelaysMs: [50, 100, 200] },
  });
  return world;
}

const commentsBody = z.object({ comments: z.array(z.object({ id: z.number(), body: z.string() }).loose()) }).loose();

async function commentText(running: RunningZendeskSandbox, ticketId: string, commentId: string): Promise<string | undefined> {
  const response = await fetch(`${running.url}/api/v2/tickets/${ticketId}/comments`, { headers: { authorization: `Bearer ${running.admin.oauthAccessToken}` } });
  const { comments } = commentsBody.parse(await response.json());
  return comments.find((comment) => String(comment.id) === commentId)?.body;
}

async function zendesk(running: RunningZendeskSandbox, method: "DELETE", path: string): Promise<number> {
  const response = await fetch(`${running.url}/api/v2${path}`, { method, headers: { authorization: `Bearer ${running.admin.oauthAccessToken}` } });
  await response.arrayBuffer();
  return response.status;
}

async function sandboxPost(running: RunningZendeskSandbox, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${running.url}/__sandbox/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`the sandbox's ${path} answered ${response.status}`);
}

/**
 * Erases the first subject by e-mail: strong matches run at once, the weak ones (the household's)
 * are excluded in review. `whileConfirming` runs once the erase task is done and confirm waits on
 * the user's scrub (with a scrub delay), before verification.
 */
async function eraseFirstSubject(current: SandboxWorld<RunningZendeskSandbox>, whileConfirming?: (requestId: string) => Promise<void>) {
  const subject = (await oracleOf(current.running).people()).find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject seeded");
  const address = identifierOf(subject, "email");
  const { id } = await fileRequest(current.database, {
    type: "erasure",
    regime: "gdpr",
    identifiers: [{ kind: "email", value: address }],
    timeZone: "Europe/Berlin",
    defaultRegion: "DE",
    actor: "test",
  });
  if (whileConfirming) {
    await pollUntil("the erase task done and confirm waiting", async () => await getRequestDetail(current.database, id), {
      until: (detail) => detail?.tasks.some((task) => task.phase === "confirm") ?? false,
      timeoutMs: 60_000,
      intervalMs: 50,
    });
    await whileConfirming(id);
  }
  await waitForStatus(current.database, id, "review", { intervalMs: 50, timeoutMs: 60_000 });
  const plan = (await getRequestPlan(current.database, id))?.items ?? [];
  const pending = plan.filter((item) => item.review === "pending");
  await reviewPlan(current, { requestId: id, actor: "test", decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })) });
  await approvePlan(current, { requestId: id, actor: "test" });
  await waitForRequests(current.database, [id], { timeoutMs: 60_000 });
  const detail = await getRequestDetail(current.database, id);
  if (!detail) throw new Error("request vanished");
  // The mention of the subject's address in a comment someone else wrote, approved without review.
  const mention = plan.find((item) => item.type === "comment_mention" && item.review === "none");
  if (!mention) throw new Error("the first subject's address is mentioned in no other person's comment");
  return { id, address, detail, mention };
}

describe("another person's Zendesk comment that mentions the subject", () => {
  it("is redacted, read back by id kept and free of the subject, and only then is the request completed", { timeout: 120_000 }, async () => {
    const current = await openZendeskWorld();
    const { address, detail, mention } = await eraseFirstSubject(current);
    const [ticketId = "", commentId = ""] = mention.recordId.split(":");

    expect(mention).toMatchObject({ action: "redact", approvedAction: "redact" });
    expect(mention.reason).toMatch(/another person's record that mentions the subject/);
    const receiptsOf = (phase: string) => detail.receipts.filter((receipt) => receipt.type === "comment_mention" && receipt.id === mention.recordId && receipt.phase === phase);
    expect(receiptsOf("erase").map((receipt) => receipt.outcome)).toEqual(["redacted"]);
    expect(receiptsOf("verify")).toEqual([expect.objectContaining({ outcome: "verified", detail: "read back by id: kept, the subject's identifiers removed" })]);
    expect(detail.request.status).toBe("completed");
    expect(detail.receipts.filter((receipt) => receipt.phase === "verify" && receipt.outcome !== "verified")).toEqual([]);

    // The comment is still the other person's, with the address ▇ and the rest kept.
    const text = await commentText(current.running, ticketId, commentId);
    expect(text).toBeDefined();
    expect(text?.toLowerCase()).not.toContain(address.toLowerCase());
    expect(text).toContain("\u2587".repeat(address.length));
  });

  it("is not called completed when Zendesk acknowledges the redactions and changes nothing: the records are named, with the next step", { timeout: 120_000 }, async () => {
    const current = await openZendeskWorld();
    const armed = await fetch(`${current.running.url}/__sandbox/redactions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ignoreNext: 100 }),
    });
    expect(armed.status).toBe(200);
    const { address, detail, mention } = await eraseFirstSubject(current);
    const [ticketId = "", commentId = ""] = mention.recordId.split(":");

    // Zendesk answered 200 to every redaction: the connector believed it.
    expect(detail.receipts.find((receipt) => receipt.id === mention.recordId && receipt.phase === "erase")?.outcome).toBe("redacted");
    expect(await commentText(current.running, ticketId, commentId)).toContain(address);

    expect(detail.request.status).toBe("partially_completed");
    const unproven = detail.receipts.filter((receipt) => receipt.phase === "verify" && receipt.outcome === "still-present");
    const named = unproven.map((receipt) => `${receipt.type}/${receipt.id}`);
    expect(named).toContain(`comment_mention/${mention.recordId}`);
    // Comments the subject wrote in other people's tickets were "erased" by redaction too: only
    // reading them back by id shows them whole (the user is gone, so no search finds them).
    const authored = detail.receipts.filter((receipt) => receipt.type === "comment" && receipt.phase === "erase" && receipt.outcome === "erased");
    expect(authored.length).toBeGreaterThan(0);
    for (const receipt of authored) {
      expect(unproven).toContainEqual(expect.objectContaining({ type: "comment", id: receipt.id, detail: expect.stringMatching(/^read back by id after the vendor reported it "erased"/) }));
    }
    const reason = detail.history.at(-1)?.reason ?? "";
    expect(reason).toMatch(new RegExp(`${unproven.length} record\\(s\\) were still present after erasure`));
    for (const ref of named) expect(reason).toContain(ref);
    expect(reason).toContain("next: have the vendor delete");
    expect(detail.request.outcome).toMatchObject({
      stillPresent: unproven.length,
      stillPresentRecords: expect.arrayContaining([expect.objectContaining({ type: "comment_mention", id: mention.recordId, outcome: "still-present" })]),
    });
  });

  it("is not called completed when the other person's ticket is deleted before verification: the record the plan kept is named lost, with the next step", { timeout: 120_000 }, async () => {
    // The user's scrub takes 30 s of sandbox time: confirm waits, and the ticket goes meanwhile.
    const current = await openZendeskWorld(30_000);
    let ticketId = "";
    const { detail, mention } = await eraseFirstSubject(current, async (requestId) => {
      const redacted = (await getRequestDetail(current.database, requestId))?.receipts.find((receipt) => receipt.type === "comment_mention" && receipt.phase === "erase");
      expect(redacted?.outcome).toBe("redacted");
      ticketId = redacted?.id.split(":")[0] ?? "";
      // Someone deletes the other person's ticket for good (soft, then permanent; the job runs as the clock moves).
      expect(await zendesk(current.running, "DELETE", `/tickets/${ticketId}`)).toBe(204);
      expect(await zendesk(current.running, "DELETE", `/deleted_tickets/${ticketId}`)).toBe(200);
      await sandboxPost(current.running, "clock", { advanceMs: 60_000 });
    });
    expect(mention.recordId.startsWith(`${ticketId}:`)).toBe(true);

    expect(detail.request.status).toBe("partially_completed");
    const lost = detail.receipts.filter((receipt) => receipt.phase === "verify" && receipt.outcome === "lost");
    expect(lost).toEqual([
      expect.objectContaining({ type: "comment_mention", id: mention.recordId, detail: "read back by id: another person's record the plan only redacted is gone from the vendor" }),
    ]);
    const reason = detail.history.at(-1)?.reason ?? "";
    expect(reason).toContain(`1 record(s) the plan kept and only redacted are gone from the vendor: comment_mention/${mention.recordId} on "Zendesk Support"`);
    expect(reason).toMatch(/next: find out who or what deleted it/);
    expect(detail.request.outcome).toMatchObject({ lost: 1, lostRecords: [expect.objectContaining({ type: "comment_mention", id: mention.recordId, outcome: "lost" })] });
  });
});
