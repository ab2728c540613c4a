import type { ZendeskContext } from "./settings";
import { readEnvelope } from "./vendor/read-zendesk-json";
import { zendeskUser } from "./vendor/records";
import { callZendesk, expectStatus } from "./vendor/zendesk-request";

/**
 * `GET /api/v2/users/me`: authenticated and cheap. A refused credential surfaces as the AuthError
 * `ctx.http` raises for the 401.
 */
export async function check(ctx: ZendeskContext): Promise<void> {
  const route = "users.me";
  const response = await callZendesk(ctx, { method: "GET", path: "/users/me", route });
  expectStatus(response, [200], route);
  await readEnvelope(response, "user", zendeskUser, { route, recordType: "user" });
}
