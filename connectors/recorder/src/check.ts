import type { RecorderContext } from "./settings";
import { readRecord } from "./vendor/read-vendor-json";
import { organizationRecord } from "./vendor/records";
import { callVendor, expectStatus } from "./vendor/vendor-request";

/**
 * A token grant and `GET /v1/organization` (API.md): authenticated, cheap, free of personal data.
 * Refused client credentials surface as the AuthError `ctx.http` raises for the 401.
 */
export async function check(ctx: RecorderContext): Promise<void> {
  const route = "organization.show";
  const response = await callVendor(ctx, { method: "GET", path: "/v1/organization", route });
  expectStatus(response, [200], route);
  await readRecord(response, organizationRecord, { route, recordType: "organization" });
}
