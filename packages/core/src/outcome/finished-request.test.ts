import { describe, expect, it } from "vitest";
import { finishedRequestVerdict, retainedWithoutBasis, type FinishedRequest } from "./finished-request";
import type { PlanItemFact, TaskFact } from "./request-outcome";
import type { ReceiptFact } from "./settled-erasure";

const crm = "inst-crm";
const recorder = "inst-rec";
const tasks: TaskFact[] = [
  { instanceId: crm, instanceName: "CRM", connectorId: "crm", phase: "erase", status: "done", lastError: null },
  { instanceId: recorder, instanceName: "Recorder", connectorId: "recorder", phase: "erase", status: "done", lastError: null },
];

function receipt(instanceId: string, recordId: string, phase: string, outcome: string, extra: Partial<ReceiptFact> = {}): ReceiptFact {
  return { instanceId, recordType: "contact", recordId, phase, outcome, detail: null, pendingJobId: null, hold: null, ...extra };
}

function planItem(instanceId: string, recordId: string, item: Partial<PlanItemFact["item"]> = {}, hold: unknown = null): PlanItemFact {
  return { item: { review: "none", action: "erase", reason: "erase", ...item }, record: { instanceId, recordType: "contact", recordId }, hold };
}

function erasure(overrides: Partial<FinishedRequest> = {}): FinishedRequest {
  return {
    type: "erasure",
    tasks,
    located: [{ instanceId: crm, strength: "strong", count: 2 }],
    receipts: [
      receipt(crm, "1", "erase", "erased"),
      receipt(crm, "2", "erase", "already-absent"),
      receipt(crm, "1", "verify", "verified"),
      receipt(crm, "2", "verify", "verified"),
    ],
    plan: [planItem(crm, "1"), planItem(crm, "2")],
    exportPath: null,
    ...overrides,
  };
}

describe("the verdict on a finished request", () => {
  it("completes an erasure whose every record was erased and proven", () => {
    const verdict = finishedRequestVerdict(erasure());
    expect(verdict).toMatchObject({ status: "completed", complete: true, reasons: [], reason: "every located record was dealt with" });
    expect(verdict.details).toMatchObject({ located: { strong: 2, weak: 0 }, erase: { erased: 1, alreadyAbsent: 1, pending: 0 }, stillPresent: 0 });
  });

  it.each<{ case: string; change: Partial<FinishedRequest>; reason: RegExp }>([
    {
      case: "a failed task",
      change: { tasks: [...tasks, { instanceId: recorder, instanceName: "Recorder", connectorId: "recorder", phase: "verify", status: "failed", lastError: "HTTP 500" }] },
      reason: /^verify on "Recorder" failed: HTTP 500$/,
    },
    {
      case: "a record still present after erasure",
      change: { receipts: [receipt(crm, "1", "erase", "erased"), receipt(crm, "1", "verify", "still-present", { detail: "found again" })] },
      reason: /1 record\(s\) were still present after erasure: contact\/1 on "CRM" \(found again\); next: have the vendor delete it/,
    },
    {
      case: "a redacted record lost",
      change: { receipts: [receipt(crm, "1", "erase", "redacted"), receipt(crm, "1", "verify", "lost")] },
      reason: /the plan kept and only redacted are gone from the vendor/,
    },
    {
      case: "a verify outcome a later version adds",
      change: { receipts: [receipt(crm, "1", "erase", "erased"), receipt(crm, "1", "verify", "garbled")] },
      reason: /were not proven by verification \("garbled"\)/,
    },
    {
      case: "an erasure still pending at the vendor",
      change: { receipts: [receipt(recorder, "9", "erase", "pending", { pendingJobId: "job-4" })] },
      reason: /^1 erasure\(s\) still pending at the vendor: contact\/9 on "Recorder" \(job job-4\)$/,
    },
    {
      case: "a record retained with no basis",
      change: { receipts: [receipt(crm, "1", "erase", "retained")] },
      reason: /^1 record\(s\) retained by the system without a legal basis on record$/,
    },
    {
      case: "a record skipped because the system cannot act on it",
      change: { plan: [planItem(crm, "1", { action: "skip", reason: 'connector "crm" cannot erase' })] },
      reason: /^1 record\(s\) skipped: connector "crm" cannot erase$/,
    },
    {
      case: "a weak match nobody decided on",
      change: { plan: [planItem(crm, "1", { review: "pending" })] },
      reason: /^1 weakly matched record\(s\) await review and were not acted on$/,
    },
  ])("is partially completed with the reason for $case", ({ change, reason }) => {
    const verdict = finishedRequestVerdict(erasure(change));
    expect(verdict.status).toBe("partially_completed");
    expect(verdict.complete).toBe(false);
    expect(verdict.reasons.some((line) => reason.test(line))).toBe(true);
    expect(verdict.reason).toBe(verdict.reasons.join("; "));
  });

  it("counts a deletion the vendor confirmed later as erased, not pending", () => {
    const verdict = finishedRequestVerdict(
      erasure({ receipts: [receipt(recorder, "9", "erase", "pending", { pendingJobId: "job-4" }), receipt(recorder, "9", "confirm", "erased")] }),
    );
    expect(verdict.status).toBe("completed");
    expect(verdict.details.erase).toMatchObject({ erased: 1, pending: 0 });
  });

  it("reports records excluded in review and not-applicable items without making the request partial", () => {
    const plan = [
      planItem(crm, "1"),
      planItem(crm, "3", { review: "exclude", action: "skip", reason: "excluded in review" }),
      planItem(crm, "4", { action: "skip", reason: "not applicable: none of the requested fields is on a note record" }),
    ];
    const verdict = finishedRequestVerdict(erasure({ plan }));
    expect(verdict.status).toBe("completed");
    expect(verdict.details).toMatchObject({ excludedInReview: 1, notApplicable: 1, skipped: {} });
  });

  it("keeps identifiers and error lines out of the audit payload: ids and phases only", () => {
    const failed = { instanceId: crm, instanceName: "CRM", connectorId: "crm", phase: "erase", status: "failed", lastError: "ada@example.com not found" };
    const verdict = finishedRequestVerdict(erasure({ tasks: [failed] }));
    expect(verdict.auditPayload.failures).toEqual([{ instanceId: crm, phase: "erase" }]);
  });

  it("an access request needs its bundle when it found strong matches", () => {
    const access = { type: "access", receipts: [receipt(crm, "1", "export", "exported")], plan: [planItem(crm, "1", { action: "export" })] };
    expect(finishedRequestVerdict(erasure({ ...access, exportPath: "/exports/r.zip" })).status).toBe("completed");
    expect(finishedRequestVerdict(erasure({ ...access, exportPath: null })).reasons).toEqual(["no export bundle was written"]);
    expect(finishedRequestVerdict(erasure({ ...access, located: [], exportPath: null })).status).toBe("completed");
  });

  it("a rectification is complete only when the read-back showed every change", () => {
    const rectified = [receipt(crm, "1", "rectify", "rectified")];
    const type = "rectification";
    expect(finishedRequestVerdict(erasure({ type, receipts: [...rectified, receipt(crm, "1", "verify", "verified")] })).status).toBe("completed");
    expect(finishedRequestVerdict(erasure({ type, receipts: [...rectified, receipt(crm, "1", "verify", "not-applied")] })).reasons).toEqual([
      "1 record(s) did not show the change when read back",
    ]);
  });
});

describe("records retained without a legal basis", () => {
  it("a Lethe hold on the plan item or the system's own basis on the receipt accounts for a retention", () => {
    const receipts = [
      receipt(crm, "1", "erase", "retained"),
      receipt(recorder, "2", "erase", "retained", { hold: { basis: "MiFID II" } }),
      receipt(recorder, "3", "erase", "retained", { hold: { basis: "  " } }),
      receipt(crm, "4", "erase", "retained"),
    ];
    const plan = [planItem(crm, "1", { action: "retain" }, { id: "h1", title: "Dispute", basis: "Art. 17(3)(e)" })];
    expect(retainedWithoutBasis(receipts, plan)).toBe(2);
  });

  it("a hold on another instance's record of the same id does not count", () => {
    const plan = [planItem(recorder, "1", { action: "retain" }, { id: "h1" })];
    expect(retainedWithoutBasis([receipt(crm, "1", "erase", "retained")], plan)).toBe(1);
  });
});
