import { VendorContractError } from "@lethe/connector-sdk";
import { salesforceClient } from "./client/salesforce-client";
import type { SalesforceContext } from "./settings";

/**
 * Logs in (the OAuth flow) and reads `GET /limits`: authenticated, free of personal data, and it
 * tells the connector how much of the daily API allocation is left. Refused credentials surface
 * as the AuthError of the token request.
 */
export async function check(ctx: SalesforceContext): Promise<void> {
  const client = await salesforceClient(ctx);
  const limits: unknown = await client.call("limits", (connection) => connection.limits());
  const daily = typeof limits === "object" && limits !== null && "DailyApiRequests" in limits ? limits.DailyApiRequests : undefined;
  if (typeof daily !== "object" || daily === null || !("Remaining" in daily) || typeof daily.Remaining !== "number") {
    throw new VendorContractError("limits answered without DailyApiRequests.Remaining", { route: "limits" });
  }
  ctx.log.info("Salesforce connection works", { dailyApiRequestsRemaining: daily.Remaining });
}
