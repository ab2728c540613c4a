import { createInterface } from "node:readline";
import type { Command } from "commander";
import { passwordSchema, roleSchema } from "@lethe/contracts";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";

/** Reads a password: all of stdin with --password-stdin (scripts), else a prompt that does not echo. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  }
  const readline = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = readline as unknown as { _writeToOutput: (text: string) => void };
  let prompting = true;
  const write = muted._writeToOutput.bind(readline);
  muted._writeToOutput = (text) => {
    if (!prompting) write(text);
  };
  process.stdout.write("Password (at least 12 characters): ");
  const answer = await new Promise<string>((resolve) => readline.question("", resolve));
  prompting = false;
  readline.close();
  process.stdout.write("\n");
  return answer;
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("Console users");
  user
    .command("create")
    .description("Create a user who signs in to the console (the first admin on a new install)")
    .requiredOption("--email <email>", "the user's e-mail address (their sign-in name)")
    .option("--role <role>", "admin | compliance | viewer", "viewer")
    .option("--password-stdin", "read the password from stdin instead of prompting")
    .action(async (options: { email: string; role: string; passwordStdin?: boolean }) => {
      const role = roleSchema.parse(options.role);
      const password = passwordSchema.parse(await readPassword(options.passwordStdin === true));
      const lethe = await openLethe(readEnvironment());
      try {
        // Imported here: the API package (express and its routes) would slow every other command's start.
        const { createLocalUser } = await import("@lethe/api");
        const created = await createLocalUser(lethe.database, { email: options.email, role, password, actor: "cli" });
        console.log(`created ${created.role} ${created.email} (${created.id})`);
      } finally {
        await lethe.close();
      }
    });

  const token = program.command("token").description("API tokens for automation");
  token
    .command("create")
    .description("Create an API token; it is printed once and stored only as a hash")
    .requiredOption("--name <name>", "what the token is for")
    .option("--role <role>", "admin | compliance | viewer", "viewer")
    .option("--expires-in-days <days>", "expire after this many days")
    .action(async (options: { name: string; role: string; expiresInDays?: string }) => {
      const role = roleSchema.parse(options.role);
      const expiresAt = options.expiresInDays ? new Date(Date.now() + Number(options.expiresInDays) * 86_400_000) : null;
      const lethe = await openLethe(readEnvironment());
      try {
        const { createApiTokenFor } = await import("@lethe/api");
        const created = await createApiTokenFor(lethe.database, { name: options.name, role, expiresAt, actor: "cli" });
        console.log(created.token);
        console.error(`(token ${created.id}, role ${role}; shown once — send it as Authorization: Bearer <token>)`);
      } finally {
        await lethe.close();
      }
    });
}
