import { AuthError } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zendeskContext } from "../test/zendesk-context";
import { check } from "./check";
import { startZendeskSandbox, type RunningZendeskSandbox } from "./sandbox/index";

let sandbox: RunningZendeskSandbox;
beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 1 });
});
afterAll(() => sandbox.stop());

describe("check", () => {
  it("passes with an API token and with an OAuth access token", async () => {
    await expect(check(zendeskContext(sandbox))).resolves.toBeUndefined();
    await expect(check(zendeskContext(sandbox, { secrets: { oauthAccessToken: sandbox.admin.oauthAccessToken } }))).resolves.toBeUndefined();
  });

  it("fails with AuthError for a refused OAuth token", async () => {
    await expect(check(zendeskContext(sandbox, { secrets: { oauthAccessToken: "expired" } }))).rejects.toBeInstanceOf(AuthError);
  });
});
