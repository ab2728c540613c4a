import type { RecorderContext } from "../settings";
import { readRecord } from "./read-vendor-json";
import { consentRecord, type ConsentRecord } from "./records";
import { callVendor, expectStatus, pathId } from "./vendor-request";

/** `GET /v1/recordings/{id}/consent` (API.md): the consent events, or undefined once the call is purged (404). */
export async function readConsent(ctx: RecorderContext, id: string): Promise<ConsentRecord | undefined> {
  const route = "recordings.consent";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(id)}/consent`, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  return readRecord(response, consentRecord, { route, recordType: "consent" });
}
