import { describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `request create --attest` is refused, before anything is opened or stored, where it cannot apply. */
describe("lethe request create --attest", () => {
  const env = { ...process.env, LETHE_HOME: "/nonexistent/lethe-attest-test" };

  it("refuses it for a request type that does not wait for an identity check", async () => {
    const run = await runLethe(["request", "create", "--type", "erasure", "--email", "a@example.com", "--attest", "passport seen"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--attest: erasure requests do not wait for an identity check here");
  });

  it("refuses an empty note", async () => {
    const run = await runLethe(["request", "create", "--type", "access", "--email", "a@example.com", "--attest", "  "], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--attest needs a note");
  });
});
