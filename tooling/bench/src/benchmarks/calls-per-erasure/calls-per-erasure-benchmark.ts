import { callsPerErasure } from "./calls-per-erasure";
import { recorderCalls } from "./recorder";
import { zendeskCalls } from "./zendesk";
import { referenceCalls } from "./reference";
import { salesforceCalls } from "./salesforce";

/** `pnpm bench calls-per-erasure [--connector <id>] [--records 1,10,100] [--tenant 100,10000]`. */
export const callsPerErasureBenchmark = callsPerErasure("calls-per-erasure", [referenceCalls, recorderCalls, zendeskCalls, salesforceCalls]);
