import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readFixtureWorld, SandboxWorldError, worldPath } from "./fixture-world";

const schema = z.strictObject({ users: z.array(z.strictObject({ name: z.string().min(1), email: z.email() })) });

describe("fixture worlds", () => {
  it("reads a world that fits the schema", () => {
    expect(readFixtureWorld(schema, { users: [{ name: "Ada", email: "ada@example.com" }] }).users).toHaveLength(1);
  });

  it("names every bad path in the file", () => {
    let thrown: unknown;
    try {
      readFixtureWorld(schema, { users: [{ name: "Ada", email: "ada@example.com" }, { name: "", email: "nope" }], extra: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SandboxWorldError);
    const problems = (thrown as SandboxWorldError).problems;
    expect(problems.some((p) => p.startsWith("users[1].name: "))).toBe(true);
    expect(problems.some((p) => p.startsWith("users[1].email: "))).toBe(true);
    expect(problems.some((p) => p.startsWith("(world): ") && p.includes("extra"))).toBe(true);
  });

  it("writes paths as a reader of the JSON would", () => {
    expect(worldPath(["tickets", 3, "comment", "body"])).toBe("tickets[3].comment.body");
    expect(worldPath([])).toBe("(world)");
  });
});
