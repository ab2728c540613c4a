export { consoleDistDirectory, ensureConsoleBuilt, ConsoleBuildError, type ConsoleBuild } from "./console-build";
