import { regimes as coreRegimes, requestStatuses as coreStatuses, requestTypes as coreTypes, terminalStatuses } from "@lethe/core";
import { describe, expect, it } from "vitest";
import { regimes, requestStatuses, requestTypes, terminalRequestStatuses } from "./requests";

describe("the contracts' request vocabulary", () => {
  it("lists exactly the request types, regimes and statuses the engine knows", () => {
    expect([...requestTypes]).toEqual([...coreTypes]);
    expect([...regimes]).toEqual([...coreRegimes]);
    expect([...requestStatuses]).toEqual([...coreStatuses]);
    expect([...terminalRequestStatuses].sort()).toEqual([...terminalStatuses].sort());
  });
});
