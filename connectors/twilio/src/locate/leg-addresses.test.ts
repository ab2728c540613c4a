import { describe, expect, it } from "vitest";
import { isLeg, legAddresses } from "./leg-addresses";

describe("legAddresses", () => {
  it("searches a number as itself on calls and messages, and as a SIP URI per domain on calls", () => {
    const phone = { kind: "phone", value: "+15555550123" } as const;
    expect(legAddresses(phone, ["Acme.sip.twilio.com"]).map(({ address, listings }) => [address, listings])).toEqual([
      ["+15555550123", ["calls", "messages"]],
      ["sip:+15555550123@acme.sip.twilio.com", ["calls"]],
    ]);
  });

  it("searches a Twilio client identity as client:{identity}, given with or without the scheme", () => {
    expect(legAddresses({ kind: "native_id", system: "twilio", value: "alice" }, []).map((a) => a.address)).toEqual(["client:alice"]);
    expect(legAddresses({ kind: "native_id", system: "twilio", value: "client:alice" }, []).map((a) => a.address)).toEqual(["client:alice"]);
  });

  it("ignores another system's native id, a number not in E.164 and kinds no leg carries", () => {
    expect(legAddresses({ kind: "native_id", system: "zendesk", value: "123" }, [])).toEqual([]);
    expect(legAddresses({ kind: "phone", value: "020 7946 0958" }, ["acme.sip.twilio.com"])).toEqual([]);
    expect(legAddresses({ kind: "email", value: "ada@example.com" }, [])).toEqual([]);
  });

  it("normalises a SIP address's scheme and case", () => {
    expect(legAddresses({ kind: "sip", value: "SIP:Ada@PBX.example.com" }, []).map((a) => a.address)).toEqual(["sip:ada@pbx.example.com"]);
  });
});

describe("isLeg", () => {
  it("compares numbers exactly and SIP URIs without case", () => {
    expect(isLeg("+15555550123", "+15555550123")).toBe(true);
    expect(isLeg("+15555550124", "+15555550123")).toBe(false);
    expect(isLeg("sip:+15555550123@ACME.sip.twilio.com", "sip:+15555550123@acme.sip.twilio.com")).toBe(true);
    expect(isLeg(null, "+15555550123")).toBe(false);
  });
});
