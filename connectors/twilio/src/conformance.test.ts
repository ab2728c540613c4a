import { runConformanceSuite } from "@lethe/connector-testkit";
import twilioConnector from "./index";
import twilioSandbox from "./sandbox/index";

// Every check runs: the connector declares export, hard erase, recording audio and read-back.
runConformanceSuite({ connector: twilioConnector, sandbox: twilioSandbox });
