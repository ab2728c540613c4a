import { VendorContractError } from "@lethe/connector-sdk";
import type { TwilioContext } from "./settings";
import { readRecord } from "./vendor/read-twilio-json";
import { accountRecord } from "./vendor/records";
import { callTwilio, expectStatus } from "./vendor/twilio-request";

/**
 * `GET /2010-04-01/Accounts/{AccountSid}.json`: authenticated, cheap, free of personal data.
 * Refused credentials surface as the AuthError `ctx.http` raises for Twilio's 401 (code 20003).
 */
export async function check(ctx: TwilioContext): Promise<void> {
  const route = "accounts.show";
  const response = await callTwilio(ctx, { method: "GET", path: ".json", route });
  expectStatus(response, [200], route);
  const account = await readRecord(response, accountRecord, { route, recordType: "account" });
  if (account.sid !== ctx.settings.accountSid) {
    // Twilio never answers for another account than the one in the path: this is not Twilio.
    throw new VendorContractError("Twilio answered with another account than the configured Account SID", { route, recordType: "account" });
  }
}
