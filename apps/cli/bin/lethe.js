#!/usr/bin/env node
// The built CLI (`pnpm build` writes apps/cli/dist; `pnpm install` runs it). Imported, not
// spawned, so signals sent to this process reach the program itself.
import process from "node:process";

try {
  await import("../dist/bin.js");
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bin.js")) {
    process.stderr.write("lethe is not built yet: run `pnpm build` in the repository (pnpm install does it too).\n");
    process.exitCode = 1;
  } else {
    throw error;
  }
}
