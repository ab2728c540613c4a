import { AuthError } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { describeError, expectError } from "./expected-error";
import { fail } from "./findings";

/* Group 2: the connection check tells good credentials from bad ones. */

export async function checkPassesWithGoodCredentials(h: ConformanceHarness): Promise<void> {
  await h.reset();
  try {
    await h.connector.check(h.context());
  } catch (error) {
    fail(`check() failed with the sandbox's good credentials: ${describeError(error)}`);
  }
}

export async function badCredentialsGiveAuthError(h: ConformanceHarness): Promise<void> {
  await h.reset();
  await expectError(() => h.connector.check(h.context({ secrets: h.sandbox.badCredentials })), AuthError, "check() with bad credentials");
}
