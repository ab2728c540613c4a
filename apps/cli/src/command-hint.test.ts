import { describe, expect, it } from "vitest";
import { commandHint } from "./command-hint";
import { readEnvironment } from "./env";

describe("commandHint", () => {
  it("is the plain pnpm command with the default home and port", () => {
    expect(commandHint({ commandPrefix: "" }, "request", "approve", "0b6f")).toBe("pnpm lethe request approve 0b6f");
  });

  it("repeats a non-default LETHE_HOME and LETHE_PORT, quoted for the shell when needed", () => {
    const env = readEnvironment({ LETHE_HOME: "/srv/my lethe", LETHE_PORT: "4500" });
    expect(commandHint(env, "request", "review", "0b6f", "--reason", "matched by phone", "<record>")).toBe(
      "LETHE_HOME='/srv/my lethe' LETHE_PORT=4500 pnpm lethe request review 0b6f --reason 'matched by phone' <record>",
    );
  });
});
