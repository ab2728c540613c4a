import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createProgram } from "./program";

/** Every command a user can run, as `lethe request review`, with its long options. */
function leafCommands(command: Command, path: string[] = []): Array<{ path: string; options: string[] }> {
  if (command.commands.length === 0) {
    return [{ path: ["lethe", ...path].join(" "), options: command.options.map((option) => option.long ?? "").filter((long) => long !== "" && long !== "--help") }];
  }
  return command.commands.flatMap((sub) => leafCommands(sub, [...path, sub.name()]));
}

/** The first cells of the README's CLI table (under "## The CLI"), one per row. */
function readmeCommandCells(): string[] {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const section = readme.split(/^## The CLI$/m)[1]?.split(/^#{2,3} /m)[0] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `lethe "))
    .map((line) => line.split(/(?<!\\)\|/)[1] ?? "");
}

describe("the README's CLI table", () => {
  const cells = readmeCommandCells();
  const commands = leafCommands(createProgram());

  it("has a row for every command, naming each of its options (so the table cannot drift from the code)", () => {
    expect(commands.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const command of commands) {
      const row = cells.find((cell) => new RegExp(`\`${command.path}(?=[\\s\`])`).test(cell));
      if (!row) {
        missing.push(`${command.path}: no row`);
        continue;
      }
      for (const option of command.options) if (!new RegExp(`${option}(?![\\w-])`).test(row)) missing.push(`${command.path}: ${option}`);
    }
    expect(missing).toEqual([]);
  });

  it("lists no command that does not exist", () => {
    const known = new Set(commands.map((command) => command.path));
    const listed = cells.flatMap((cell) => [...cell.matchAll(/`(lethe(?: [a-z][a-z-]*)+)/g)].map((match) => match[1] ?? ""));
    expect(listed.filter((path) => !known.has(path))).toEqual([]);
  });
});
