import { malformRecords, type FaultStyle, type RateLimitPolicy } from "@lethe/sandbox-kit";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendTwilioError, twilioCodeFor } from "./twilio-error";

/** HTTP Basic as `AccountSid:AuthToken` or `ApiKeySid:ApiKeySecret`; anything else is Twilio's 401, code 20003. */
export function authenticate(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const match = /^Basic\s+(\S+)$/i.exec(req.get("authorization") ?? "");
    const decoded = match?.[1] ? Buffer.from(match[1], "base64").toString("utf8") : "";
    if (decoded === `${state.accountSid}:${state.config.authToken}` || decoded === `${state.config.apiKey.sid}:${state.config.apiKey.secret}`) {
      next();
      return;
    }
    state.stats.refuse();
    res.set("WWW-Authenticate", 'Basic realm="Twilio API"');
    sendTwilioError(res, 401, 20003, "Authenticate");
  };
}

/** Over the window: 429 with code 20429 ("too many concurrent requests") and the kit's Retry-After. */
export function rateLimitPolicy(state: SandboxState): RateLimitPolicy {
  return {
    stats: state.stats,
    decide: () => state.limiter.take(state.accountSid, state.clock.now()),
    headers: () => ({}),
    sendThrottled: (res) => sendTwilioError(res, 429, 20429, "Too Many Requests"),
  };
}

/** Injected statuses use Twilio's envelope; a malformed list loses `account_sid` on each item. */
export function faultStyle(state: SandboxState): FaultStyle {
  return {
    faults: state.faults,
    stats: state.stats,
    sendStatus: (res, status) => sendTwilioError(res, status, twilioCodeFor(status), `Injected fault: ${status}`),
    malform: malformRecords({ listKeys: ["calls", "recordings", "transcriptions", "messages", "media_list"], requiredField: "account_sid", keptFields: ["sid"] }),
  };
}
