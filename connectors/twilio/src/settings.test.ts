import { describe, expect, it } from "vitest";
import { twilioSecrets, twilioSettings } from "./settings";

const accountSid = "AC0123456789abcdef0123456789abcdef";

describe("Twilio settings and secrets", () => {
  it("defaults the base URL to Twilio's API and the SIP domains to none", () => {
    expect(twilioSettings.parse({ accountSid })).toEqual({ accountSid, baseUrl: "https://api.twilio.com", sipDomains: [] });
  });

  it("refuses an Account SID that is not AC and 32 hex digits, naming the field", () => {
    const parsed = twilioSettings.safeParse({ accountSid: "AC123" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["accountSid"]);
  });

  it("takes an Auth Token, or an API key SID with its secret, but not both and not half a key", () => {
    expect(twilioSecrets.safeParse({ authToken: "0123456789abcdef0123456789abcdef" }).success).toBe(true);
    expect(twilioSecrets.safeParse({ apiKeySid: `SK${"a".repeat(32)}`, apiKeySecret: "secret" }).success).toBe(true);
    expect(twilioSecrets.safeParse({ authToken: "t", apiKeySid: `SK${"a".repeat(32)}`, apiKeySecret: "secret" }).success).toBe(false);
    expect(twilioSecrets.safeParse({ apiKeySid: `SK${"a".repeat(32)}` }).success).toBe(false);
    expect(twilioSecrets.safeParse({}).success).toBe(false);
  });
});
