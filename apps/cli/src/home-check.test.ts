import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { homeWasUsed, newHomeWarning } from "./home-check";

describe("the warning for a LETHE_HOME without a database", () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const directory of made) await rm(directory, { recursive: true, force: true });
  });

  it("counts a home as used once it holds the cluster or a key Lethe writes", () => {
    expect(homeWasUsed([])).toBe(false);
    expect(homeWasUsed(["notes.txt", "exports"])).toBe(false);
    expect(homeWasUsed(["pg"])).toBe(true);
    expect(homeWasUsed(["secret.key"])).toBe(true);
  });

  it("warns for a missing or unused home, naming it, and not for a used one or with DATABASE_URL", async () => {
    const parent = await mkdtemp(path.join(tmpdir(), "lethe-home-check-"));
    made.push(parent);
    const typo = path.join(parent, ".lthe");
    expect(await newHomeWarning({ home: typo, databaseUrl: undefined, homeIsDefault: false })).toBe(
      `warning: LETHE_HOME=${typo} holds no Lethe database yet; starting a new empty one (is the path right?)`,
    );
    expect(await newHomeWarning({ home: typo, databaseUrl: undefined, homeIsDefault: true })).toContain("(the default LETHE_HOME)");
    expect(await newHomeWarning({ home: typo, databaseUrl: "postgres://db/lethe", homeIsDefault: false })).toBeUndefined();
    await mkdir(path.join(typo, "pg"), { recursive: true });
    await writeFile(path.join(typo, "secret.key"), "");
    expect(await newHomeWarning({ home: typo, databaseUrl: undefined, homeIsDefault: false })).toBeUndefined();
  });
});
