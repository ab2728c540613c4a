import { runConformanceSuite } from "@lethe/connector-testkit";
import salesforceConnector from "./index";
import salesforceSandbox from "./sandbox/index";

// Every check, none skipped.
runConformanceSuite({ connector: salesforceConnector, sandbox: salesforceSandbox });
