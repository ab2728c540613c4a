import type { z } from "zod";

/**
 * A fixture world (`lethe sandbox start <id> --world <file.json>`) that does not fit the sandbox's
 * documented shape: every problem, each naming its place in the file (`users[3].email: …`).
 */
export class SandboxWorldError extends Error {
  constructor(readonly problems: string[]) {
    super(`The world file is not valid:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "SandboxWorldError";
  }
}

/** `["users", 3, "email"]` → `users[3].email`; the root is `(world)`. */
export function worldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(world)";
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`)).join("");
}

/** The world as the schema reads it, or a SandboxWorldError naming every bad path. */
export function readFixtureWorld<T extends z.ZodType>(schema: T, json: unknown): z.output<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new SandboxWorldError(parsed.error.issues.map((issue) => `${worldPath(issue.path)}: ${issue.message}`));
}
