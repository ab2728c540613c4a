import { chmod, mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortRun, startLethe, type StartedLethe } from "./lethe-process";
import { runInShell } from "./run-in-shell";

/*
 * The README's demo, run verbatim: the commands between `<!-- demo:start -->` and
 * `<!-- demo:end -->` in README.md, each in a shell from the repository root, with the people
 * `lethe start` printed in place of `<clean e-mail>` and `<review e-mail>`. Each command's comment
 * says how it ends (`→ completed`, `→ review`) and with which exit code; an access request's
 * export must be a zip. README and behaviour cannot drift apart without this failing.
 */
const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

interface DemoCommand {
  command: string;
  ends: string | undefined;
  exitCode: number;
}

async function readmeDemoCommands(): Promise<DemoCommand[]> {
  const readme = await readFile(path.join(repositoryRoot, "README.md"), "utf8");
  const block = /<!-- demo:start -->([\s\S]*?)<!-- demo:end -->/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no <!-- demo:start --> … <!-- demo:end --> block");
  return block
    .split("\n")
    .filter((line) => line.startsWith("pnpm lethe "))
    .map((line) => {
      const [command = "", comment = ""] = line.split(/\s+#\s+/, 2);
      const exitCode = /exit (\d+)/.exec(comment)?.[1];
      if (exitCode === undefined) throw new Error(`README demo command without "exit N" in its comment: ${line}`);
      return { command: command.trim(), ends: /→ (\w+)/.exec(comment)?.[1], exitCode: Number(exitCode) };
    });
}

describe("the README's demo, verbatim, against lethe start", () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let lethe: StartedLethe;
  let dropTestDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), "lethe-readme-demo-"));
    // mkdtemp makes it private (0700); the embedded server runs as another user when we are root.
    await chmod(home, 0o755);
    env = { ...process.env, LETHE_HOME: home, LETHE_PORT: String(await freePortRun(6)), LETHE_LOG_LEVEL: "warn" };
    delete env.DATABASE_URL;
    if (process.env.DATABASE_URL) {
      const testDatabase = await createTestDatabase();
      env.DATABASE_URL = testDatabase.url;
      dropTestDatabase = () => testDatabase.close();
    }
    // The ports were free a moment ago; on a shared machine another process may take one first.
    for (let attempt = 1; ; attempt += 1) {
      try {
        lethe = await startLethe(env, 180_000);
        break;
      } catch (error) {
        if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
        env.LETHE_PORT = String(await freePortRun(6));
      }
    }
  });

  afterAll(async () => {
    const code = await lethe?.stop();
    await dropTestDatabase?.();
    await rm(home, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it("ends each documented command as the README says", async () => {
    const welcome = lethe.output();
    // The welcome's "Try" lines: erasure and access of the clean person, erasure of the review one.
    const tried = [...welcome.matchAll(/pnpm lethe request create --type \w+ --email (\S+)/g)].map((match) => match[1]);
    const [clean, , review] = tried;
    if (!clean || !review) throw new Error(`lethe start printed no demo people:\n${welcome}`);
    // The printed commands carry the environment that reaches this Lethe.
    expect(welcome).toContain(`LETHE_HOME=${home} LETHE_PORT=${env.LETHE_PORT} pnpm lethe request create --type erasure --email ${clean} --wait`);

    const commands = await readmeDemoCommands();
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const { command, ends, exitCode } of commands) {
      const run = await runInShell(command.replaceAll("<clean e-mail>", clean).replaceAll("<review e-mail>", review), { cwd: repositoryRoot, env });
      expect(run.code, `${command}\n${run.output}`).toBe(exitCode);
      if (ends === "completed") expect(run.output).toMatch(/^request [0-9a-f-]{36} completed/m);
      if (ends === "review") expect(run.output).toMatch(/^request [0-9a-f-]{36} waits in review/m);
      const exportPath = /^export: (\S+)$/m.exec(run.output)?.[1];
      if (command.includes("--type access")) {
        expect(exportPath, run.output).toBeDefined();
        const file = await open(exportPath ?? "", "r");
        const head = Buffer.alloc(4);
        await file.read(head, 0, 4, 0);
        await file.close();
        // A zip's local file header.
        expect(head.toString("hex")).toBe("504b0304");
      }
    }
  }, 600_000);
});
