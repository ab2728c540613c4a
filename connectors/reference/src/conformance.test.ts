import { runConformanceSuite } from "@lethe/connector-testkit";
import referenceConnector from "./index";
import referenceSandbox from "./sandbox/index";

// The reference connector is the example every connector copies: it passes every check, none skipped.
runConformanceSuite({ connector: referenceConnector, sandbox: referenceSandbox });
