import { callsPerErasure } from "./calls-per-erasure";
import { referenceCalls } from "./reference";

/** `pnpm bench calls-per-erasure [--connector <id>] [--records 1,10,100] [--tenant 100,10000]`. */
export const callsPerErasureBenchmark = callsPerErasure("calls-per-erasure", [referenceCalls]);
