import type { SubjectIdentifierRow } from "@lethe/db";
import { describe, expect, it } from "vitest";
import { locateQueryFor } from "./locate-query";

const row = (kind: string, value: string, round: number): SubjectIdentifierRow =>
  ({ kind, value, system: "", round, strength: "weak", provenance: round === 0 ? "given" : "discovered" }) as unknown as SubjectIdentifierRow;

const email = { kind: "email" as const, value: "ada@example.com" };
const phone = { kind: "phone" as const, value: "+12015550147" };
const customer = { kind: "customer_id" as const, value: "C-1" };
const rows = [row("email", "ada@example.com", 0), row("phone", "+12015550147", 1), row("customer_id", "C-1", 2)];

describe("the identifiers a locate round searches with", () => {
  it("round 0 searches with every identifier the request holds (a re-locate too)", () => {
    expect(locateQueryFor(0, [email, phone, customer], rows)).toEqual({ identifiers: [email, phone, customer] });
  });

  it("a later round searches only with the identifiers new in it, and passes the others as known", () => {
    expect(locateQueryFor(1, [email, phone, customer], rows)).toEqual({ identifiers: [phone], known: [email, customer] });
    expect(locateQueryFor(2, [email, phone, customer], rows)).toEqual({ identifiers: [customer], known: [email, phone] });
  });

  it("searches nothing when no identifier new in the round is of the connector's kinds", () => {
    expect(locateQueryFor(1, [email], rows)).toEqual({ identifiers: [], known: [email] });
  });
});
