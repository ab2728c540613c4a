import { describe, expect, it } from "vitest";
import { auditQueryOf, describeVerification, emptyAuditFilter, filterFromRouteQuery, payloadText, routeQueryOf } from "./audit-view-model";

const requestId = "0b6d2c3e-5f7a-4b8c-9d0e-1f2a3b4c5d6e";

describe("audit page filters", () => {
  it("sends only the filters filled in, trimmed, with whole UTC days", () => {
    const { query, problems } = auditQueryOf({ requestId: ` ${requestId} `, actor: "", action: "request.filed", fromDay: "2026-12-01", toDay: "2026-12-07" });
    expect(problems).toEqual({});
    expect(query).toEqual({ requestId, action: "request.filed", from: "2026-12-01T00:00:00.000Z", to: "2026-12-07T23:59:59.999Z" });
    expect(auditQueryOf(emptyAuditFilter()).query).toEqual({});
  });

  it("names the field at fault instead of sending a request id that is not one, or a backwards range", () => {
    const { query, problems } = auditQueryOf({ ...emptyAuditFilter(), requestId: "0b6d2c3e", fromDay: "2026-12-08", toDay: "2026-12-01" });
    expect(Object.keys(problems).sort()).toEqual(["requestId", "toDay"]);
    expect(query).not.toHaveProperty("requestId");
  });

  it("round-trips the form through the page's URL query, leaving blanks out", () => {
    const form = { ...emptyAuditFilter(), requestId, fromDay: "2026-12-01" };
    expect(routeQueryOf(form)).toEqual({ requestId, from: "2026-12-01" });
    expect(filterFromRouteQuery(routeQueryOf(form))).toEqual(form);
    expect(filterFromRouteQuery({ requestId: ["a", "b"] })).toEqual(emptyAuditFilter());
  });
});

describe("audit page display", () => {
  it("says whether the chain is intact, and where it breaks", () => {
    expect(describeVerification({ ok: true, count: 12, headHash: "h" })).toEqual({ tone: "success", text: "Chain intact: 12 sealed entries re-hashed." });
    expect(describeVerification({ ok: false, seq: 4, reason: "hash_mismatch" })).toEqual({ tone: "error", text: "Chain broken at entry 4: hash mismatch." });
  });

  it("shows payloads as stored and empty ones as nothing", () => {
    expect(payloadText({ count: 2, instanceId: "i" })).toBe('{"count":2,"instanceId":"i"}');
    expect(payloadText({})).toBe("");
    expect(payloadText(null)).toBe("");
  });
});
