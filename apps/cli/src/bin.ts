import { readLogLevel } from "./env";
import { createProgram } from "./program";
import { reportFailure } from "./report-failure";

const program = createProgram();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error, readLogLevel());
}
