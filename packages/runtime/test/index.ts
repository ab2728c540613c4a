// `@lethe/runtime/testing`: the runtime's test support that needs nothing beyond the runtime's
// own dependencies, for tests of the packages built on it (as `@lethe/db/testing` is for the
// database). The reference-world helpers stay in this folder: they need the reference connector.
export { PollTimeoutError, pollUntil, type PollOptions } from "./poll";
export { openSandboxWorld, type SandboxWorld, type SandboxWorldOptions } from "./sandbox-world";
export { startTestWorker, type TestWorkerOptions, type WorkerWorld } from "./start-test-worker";
export { waitForStatus } from "./wait-for-status";
export { unzipAll } from "../src/export/bundle-test-support";
