export { runConformanceSuite, type ConformanceSuiteOptions } from "./suite/run-conformance-suite";
export { checkGroups, checkIds, conformanceCheck, conformanceChecks, type CheckGroup, type CheckId, type ConformanceCheck } from "./checks/catalog";
export { ConformanceFailure } from "./checks/findings";
export {
  createConformanceHarness,
  startConformanceHarness,
  defaultSeed,
  type ConformanceHarness,
  type ContextOverrides,
  type HarnessOptions,
} from "./harness/conformance-harness";
export { createConnectorContext, type ConnectorContextOptions } from "./context/create-connector-context";
export { personalDataService } from "@lethe/redaction";
export { createMemoryCheckpointStore, type MemoryCheckpointStore } from "./context/memory-checkpoint-store";
export { createSpyLogger, type LogLine, type SpyLogger } from "./context/spy-logger";
export { createOracleClient, type OracleClient } from "./oracle/oracle-client";
