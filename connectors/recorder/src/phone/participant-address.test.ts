import { describe, expect, it } from "vitest";
import { addressPhone, normaliseSipAddress, toE164 } from "./participant-address";

describe("participant addresses", () => {
  it("reads the same number from tel:, sip:+…;user=phone and national-digit sip: forms", () => {
    expect(addressPhone("tel:+12015550123", "US")).toBe("+12015550123");
    expect(addressPhone("sip:+12015550123@carrier.example.net;user=phone", "US")).toBe("+12015550123");
    expect(addressPhone("sip:2015550123@pbx.example.com", "US")).toBe("+12015550123");
    expect(addressPhone("tel:(201)%20555-0123", "US")).toBe("+12015550123");
    expect(addressPhone("sip:02079460958@pbx.example.co.uk", "GB")).toBe("+442079460958");
  });

  it("keeps the country of a number written with one, whatever the default region", () => {
    expect(addressPhone("tel:+442015550123", "US")).toBe("+442015550123");
    expect(toE164("+44 20 7946 0958", "US")).toBe("+442079460958");
  });

  it("sees no phone number in a named SIP user", () => {
    expect(addressPhone("sip:agent.1042@cc.example.com", "US")).toBeUndefined();
    expect(addressPhone("mailto:someone@example.com", "US")).toBeUndefined();
  });

  it("normalises SIP addresses for comparison and rejects other schemes", () => {
    expect(normaliseSipAddress("Jane <sips:jane.doe@VOIP.Example.NET;transport=tls>")).toBe("sip:jane.doe@voip.example.net");
    expect(normaliseSipAddress("tel:+12015550123")).toBeUndefined();
  });
});
