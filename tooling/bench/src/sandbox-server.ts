/**
 * Child-process entry: starts the reference sandbox, prints one JSON line
 * `{"url":…,"settings":…,"credentials":…}`, and serves until its stdin closes or it gets SIGTERM.
 * The benchmark runs the sandbox here so that the sandbox's CPU never counts as the engine's.
 * (`lethe sandbox start` will do the same for people; this keeps the bench independent of the CLI.)
 */
import { startReferenceSandbox } from "@lethe/connector-reference/sandbox";
import { parseBenchArguments } from "./bench-arguments";

const { flags } = parseBenchArguments(process.argv.slice(2));
const sandbox = await startReferenceSandbox({
  seed: flags.number("seed", 1),
  people: flags.number("people", 200),
  rateLimitPerMinute: flags.number("rate-limit", 1_000_000_000),
});
process.stdout.write(`${JSON.stringify({ url: sandbox.url, settings: sandbox.settings, credentials: sandbox.credentials })}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await sandbox.stop();
  process.exit(0);
}
process.stdin.on("end", () => void stop());
process.stdin.resume();
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
