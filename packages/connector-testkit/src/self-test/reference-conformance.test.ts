import referenceConnector from "@lethe/connector-reference";
import referenceSandbox from "@lethe/connector-reference/sandbox";
import { runConformanceSuite } from "../suite/run-conformance-suite";

// The reference connector is the executable example of the contract: it must pass every check.
runConformanceSuite({ connector: referenceConnector, sandbox: referenceSandbox, seed: 3 });
