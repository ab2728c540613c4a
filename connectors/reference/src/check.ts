import type { ReferenceContext } from "./settings";
import { readRecord } from "./vendor/read-vendor-json";
import { accountRecord } from "./vendor/records";
import { callVendor, expectStatus } from "./vendor/vendor-request";

/**
 * `GET /api/me` (API.md, "Account"): authenticated, cheap, and free of personal data. A refused
 * token surfaces as the AuthError `ctx.http` raises for the 401.
 */
export async function check(ctx: ReferenceContext): Promise<void> {
  const route = "me.show";
  const response = await callVendor(ctx, { method: "GET", path: "/api/me", route });
  expectStatus(response, [200], route);
  await readRecord(response, accountRecord, { route, recordType: "account" });
}
