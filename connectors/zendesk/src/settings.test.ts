import { z } from "zod";
import { describe, expect, it } from "vitest";
import { zendeskSecrets } from "./settings";

describe("the Zendesk secrets", () => {
  it("take an API token with its owner's e-mail, or an OAuth token, and nothing incomplete or doubled", () => {
    expect(zendeskSecrets.safeParse({ email: "admin@example.com", apiToken: "t" }).success).toBe(true);
    expect(zendeskSecrets.safeParse({ oauthAccessToken: "o" }).success).toBe(true);
    expect(zendeskSecrets.safeParse({ apiToken: "t" }).success).toBe(false);
    expect(zendeskSecrets.safeParse({ email: "admin@example.com", apiToken: "t", oauthAccessToken: "o" }).success).toBe(false);
    expect(zendeskSecrets.safeParse({}).success).toBe(false);
  });

  it("have one flat JSON Schema with every field, so the console renders one form", () => {
    const schema = z.toJSONSchema(zendeskSecrets, { io: "input" });
    expect(Object.keys(schema.properties ?? {})).toEqual(["email", "apiToken", "oauthAccessToken"]);
  });
});
