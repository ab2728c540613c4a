import { runConformanceSuite } from "@lethe/connector-testkit";
import zendeskConnector from "./index";
import zendeskSandbox from "./sandbox/index";

// Every check, none skipped.
runConformanceSuite({ connector: zendeskConnector, sandbox: zendeskSandbox });
