import { runConformanceSuite } from "@lethe/connector-testkit";
import recorderConnector from "./index";
import recorderSandbox from "./sandbox/index";

// Every check, none skipped: erase is judged after the testkit confirms the pending deletion jobs.
runConformanceSuite({ connector: recorderConnector, sandbox: recorderSandbox });
