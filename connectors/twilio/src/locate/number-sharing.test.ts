import { describe, expect, it } from "vitest";
import type { CallRecord } from "../vendor/records";
import { legAddresses } from "./leg-addresses";
import { callerNames, matchOf } from "./number-sharing";

const number = "+15555550123";
const identifier = { kind: "phone", value: number } as const;
const addresses = legAddresses(identifier, []);

function call(from: string, to: string, callerName: string | null): CallRecord {
  return {
    sid: `CA${"0".repeat(32)}`,
    account_sid: `AC${"0".repeat(32)}`,
    parent_call_sid: null,
    to,
    from,
    caller_name: callerName,
    forwarded_from: null,
    status: "completed",
    direction: "inbound",
    start_time: null,
    end_time: null,
    duration: "12",
    uri: null,
  };
}

describe("number sharing", () => {
  it("is strong while every call from the number carries one caller name (case and spaces folded)", () => {
    const names = callerNames([call(number, "+15005550006", "Ada King"), call(number, "+15005550006", " ada  KING"), call(number, "+15005550006", null)], addresses);
    expect(matchOf(identifier, "from", names).strength).toBe("strong");
  });

  it("is weak, with the reason, once calls from the number carry two caller names", () => {
    const names = callerNames([call(number, "+15005550006", "Ada King"), call(number, "+15005550006", "Ben King")], addresses);
    const match = matchOf(identifier, "from", names);
    expect(match).toMatchObject({ strength: "weak", reason: "shared: calls from this number carry 2 different caller names" });
  });

  it("ignores the caller name of calls placed to the number (that is the caller's, not the line's)", () => {
    const names = callerNames([call("+15005550006", number, "Acme Support"), call(number, "+15005550006", "Ada King")], addresses);
    expect([...names]).toEqual(["ada king"]);
  });
});
