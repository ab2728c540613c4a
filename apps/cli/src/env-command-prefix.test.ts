import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnvironment } from "./env";

describe("readEnvironment: the prefix of commands printed for the user", () => {
  it("is empty with the default home and port", () => {
    expect(readEnvironment({}).commandPrefix).toBe("");
    expect(readEnvironment({ LETHE_HOME: ".lethe", LETHE_PORT: "4400" }).commandPrefix).toBe("");
  });

  it("names LETHE_HOME (absolute) and LETHE_PORT when they are not the defaults", () => {
    expect(readEnvironment({ LETHE_HOME: "/tmp/demo", LETHE_PORT: "4600" }).commandPrefix).toBe("LETHE_HOME=/tmp/demo LETHE_PORT=4600 ");
    expect(readEnvironment({ LETHE_HOME: "demo-home" }).commandPrefix).toBe(`LETHE_HOME=${path.resolve("demo-home")} `);
  });

  it("quotes a home the shell would split, and never prints DATABASE_URL", () => {
    const env = readEnvironment({ LETHE_HOME: "/tmp/my lethe's home", DATABASE_URL: "postgres://u:secret@db/lethe" });
    expect(env.commandPrefix).toBe(`LETHE_HOME='/tmp/my lethe'\\''s home' `);
    expect(env.usesDatabaseUrl).toBe(true);
  });
});
