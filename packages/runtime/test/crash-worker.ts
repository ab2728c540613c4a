/*
 * A worker process for the crash test (../src/crash-recovery.test.ts): opens the test's database
 * and runs the engine over the reference connector until it is killed. Prints `ready` once it
 * takes jobs. Configured through the environment by the test, never by a user.
 */
import referenceConnector from "@lethe/connector-reference";
import { createSecretBox, openDatabase } from "@lethe/db";
import { createConnectorRegistry, loopbackAllowList, startWorker } from "../src/index";

const databaseUrl = process.env.LETHE_CRASH_DATABASE_URL;
const secretKey = process.env.LETHE_CRASH_SECRET_KEY;
const exportDirectory = process.env.LETHE_CRASH_EXPORT_DIRECTORY;
if (!databaseUrl || !secretKey || !exportDirectory) {
  console.error("crash-worker needs LETHE_CRASH_DATABASE_URL, LETHE_CRASH_SECRET_KEY and LETHE_CRASH_EXPORT_DIRECTORY");
  process.exit(2);
}

const database = await openDatabase({ databaseUrl, migrate: false });
const worker = await startWorker({
  db: database,
  registry: createConnectorRegistry([referenceConnector]),
  secretBox: createSecretBox(Buffer.from(secretKey, "hex")),
  exportDirectory,
  concurrency: Number(process.env.LETHE_CRASH_CONCURRENCY ?? 8),
  pollIntervalMs: 200,
  // The reference sandbox of the crash test listens on loopback.
  outboundAllow: loopbackAllowList,
  log: (level, message, fields) => {
    if (level === "warn" || level === "error") console.error(JSON.stringify({ level, message, ...fields }));
  },
});
console.log("ready");

process.on("SIGTERM", () => {
  void worker
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
