export {
  consoleDistDirectory,
  describeConsoleBuildProblem,
  inspectConsoleBuild,
  judgeConsoleBuild,
  requireConsoleBuild,
  ConsoleBuildError,
  type ConsoleBuildVerdict,
} from "./console-build";
export { buildStampPath, fingerprintConsoleSources } from "./source-fingerprint";
