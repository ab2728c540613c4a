import type { Benchmark } from "../benchmark";
import { apiLatency } from "./api-latency/api-latency";
import { callsPerErasureBenchmark } from "./calls-per-erasure/calls-per-erasure-benchmark";
import { consoleBundle } from "./console-bundle";
import { erasureThroughput } from "./erasure-throughput/erasure-throughput";
import { exportBundle } from "./export-bundle/export-bundle";
import { faultTolerance } from "./fault-tolerance/fault-tolerance";
import { redactionAudio } from "./redaction-audio";
import { redactionQuality } from "./redaction-quality";
import { salesforceCalls } from "./salesforce-calls";
import { scaleOut } from "./scale-out/scale-out";
import { startup } from "./startup/startup";
import { statementsPerErasure } from "./statements-per-erasure/statements-per-erasure";
import { twilioCalls } from "./twilio-calls";
import { zendeskCalls } from "./zendesk-calls";

/** Every benchmark `pnpm bench` knows, in the order it runs them. */
export const benchmarks: readonly Benchmark[] = [erasureThroughput, redactionQuality, redactionAudio, exportBundle, consoleBundle, apiLatency, callsPerErasureBenchmark, salesforceCalls, zendeskCalls, twilioCalls, scaleOut, startup, faultTolerance, statementsPerErasure];
