import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anyRecord, errorBody, firstSubject, oracleOf, vendorOf, type Oracle, type Vendor } from "../../test/oracle";
import { attachmentRecord } from "../vendor/records";
import { sandbox } from "./index";

let running: RunningSandbox;
let oracle: Oracle;
let vendor: Vendor;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1 });
  oracle = oracleOf(running);
  vendor = vendorOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

/*
 * The fault mechanics (routes, `times`, `*`, slow, truncation, the oracle's validation) are tested
 * in @lethe/sandbox-kit; these tests pin what makes the faults Reference CRM's (http/fault-style.ts).
 */
describe("fault injection", () => {
  it("answers an injected status on its route only, `times` times, with Retry-After", async () => {
    await oracle.injectFault({ route: "GET /api/me", kind: "status", status: 503, retryAfterSeconds: 7, times: 2 });
    const subject = await firstSubject(oracle);
    expect((await vendor(`/api/people/${subject.id}`)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const response = await vendor("/api/me");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(await response.json()).toEqual({ error: { code: "service_unavailable", message: expect.any(String) } });
    }
    expect((await vendor("/api/me")).status).toBe(200);
  });

  it("truncates an attachment's bytes too", async () => {
    const subject = await firstSubject(oracle);
    const [attachment] = (await vendor.page(`/api/people/${subject.id}/attachments`, attachmentRecord)).data;
    if (!attachment) throw new Error("the first subject has no attachment");
    await oracle.injectFault({ route: "GET /api/attachments/:id/content", kind: "truncated" });
    const bytes = await (await vendor(`/api/attachments/${attachment.id}/content`)).arrayBuffer();
    expect(bytes.byteLength).toBe(Math.floor(attachment.size / 2));
  });

  it("serves a malformed page whose items miss createdAt and carry a number for a string, ids kept", async () => {
    const subject = await firstSubject(oracle);
    await oracle.injectFault({ route: "GET /api/people/:id/notes", kind: "malformed" });
    const page = await vendor.page(`/api/people/${subject.id}/notes?limit=3`, anyRecord);
    expect(page.data).toHaveLength(3);
    for (const note of page.data) {
      expect(note.id).toEqual(expect.stringMatching(/^nte_/));
      expect(note).not.toHaveProperty("createdAt");
      expect(typeof note.personId).toBe("number");
    }
  });

  it("serves a malformed page without a list when there is nothing to corrupt", async () => {
    await oracle.injectFault({ route: "GET /api/people", kind: "malformed" });
    const page = await vendor.json("/api/people?email=nobody%40example.com", anyRecord);
    expect(Array.isArray(page.data)).toBe(false);
  });

  it("leaves error answers alone and forgets every fault on DELETE /__sandbox/faults", async () => {
    await oracle.injectFault({ route: "GET /api/people/:id", kind: "malformed" });
    expect(errorBody.parse(await (await vendor("/api/people/per_nobody")).json()).error.code).toBe("not_found");
    await oracle.injectFault({ route: "GET /api/me", kind: "status", status: 500, times: 5 });
    await oracle.clearFaults();
    expect((await vendor("/api/me")).status).toBe(200);
  });
});
