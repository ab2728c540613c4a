import { describe, expect, it } from "vitest";
import { detectPii } from "./detect-pii";
import { redactText } from "./redact-text";

const typesIn = (text: string, options?: Parameters<typeof detectPii>[1]) => detectPii(text, options).map((span) => [span.type, span.text]);

describe("detectPii", () => {
  it("finds phone numbers in national and international formats of several regions", () => {
    for (const phone of ["020 7946 0958", "+44 20 7946 0958", "(415) 555-0132", "+1-415-555-0132", "030 12345678", "+49 30 12345678", "01 23 45 67 89", "+33 1 23 45 67 89", "07700 900123", "+46 (0)8 928 571 38", "555-0132 x12"]) {
      expect(typesIn(`Please call me on ${phone} today.`)).toEqual([["phone", phone]]);
    }
  });

  it("reads a national number in the configured region", () => {
    expect(typesIn("Bel mij op 020 123 4567", { regions: ["NL"] })).toEqual([["phone", "020 123 4567"]]);
  });

  it("does not take dates, times, IP addresses or social security numbers for phone numbers", () => {
    expect(detectPii("On 2021-03-04 12:30:00 from 192.168.10.200, SSN 123-45-6789, order 12/05/2024.", { types: ["phone"] })).toEqual([]);
  });

  it("finds Luhn-valid card numbers with spaces or dashes and ignores the same digits with a wrong check digit", () => {
    expect(typesIn("card 4111 1111 1111 1111 exp 12/27")).toEqual([["card", "4111 1111 1111 1111"]]);
    expect(typesIn("amex 3782-822463-10005.")).toEqual([["card", "3782-822463-10005"]]);
    expect(detectPii("card 4111 1111 1111 1112", { types: ["card"] })).toEqual([]);
  });

  it("finds a card number read out digit by digit in a transcript", () => {
    expect(typesIn("it is 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 thanks")).toEqual([["card", "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"]]);
  });

  it("finds a card number and the subject's phone number read out as words, also as 'double' and 'oh'", () => {
    const text = "sure it's four one one one, one one one one, one one one one, one one one one and my number is oh seven seven double oh nine oh oh one two three";
    const subject = { identifiers: [{ kind: "phone" as const, value: "+447700900123" }] };
    expect(detectPii(text, { subject }).map((span) => [span.type, span.text, span.subject ?? false])).toEqual([
      ["card", "four one one one, one one one one, one one one one, one one one one", false],
      ["phone", "oh seven seven double oh nine oh oh one two three", true],
    ]);
    expect(detectPii("one or two of them, three times", { spokenDigits: true })).toEqual([]);
  });

  it("finds IBANs printed in groups or lower case, checks MOD 97 and stops at the country's length", () => {
    expect(typesIn("IBAN GB82 WEST 1234 5698 7654 32 AND more")).toEqual([["iban", "GB82 WEST 1234 5698 7654 32"]]);
    expect(typesIn("pay to de89370400440532013000 please")).toEqual([["iban", "de89370400440532013000"]]);
    expect(detectPii("IBAN GB82 WEST 1234 5698 7654 33", { types: ["iban"] })).toEqual([]);
  });

  it("finds e-mail addresses, also internationalised ones, without a sentence's full stop", () => {
    expect(typesIn("Write to jane.doe+claims@example.co.uk. Or to zoë@exämple.de")).toEqual([
      ["email", "jane.doe+claims@example.co.uk"],
      ["email", "zoë@exämple.de"],
    ]);
  });

  it("finds the subject's name in any case, with or without diacritics, family name first, and as initial + family name", () => {
    const subject = { names: ["Janka M. Szász"] };
    for (const written of ["janka szasz", "JANKA M SZÁSZ", "Szász, Janka", "J. Szasz", "Ms Szász"]) {
      const spans = detectPii(`Note from ${written} today`, { subject, types: ["person"] });
      expect(spans.map((span) => [span.text, span.subject])).toEqual([[written, true]]);
    }
  });

  it("finds the subject's phone number however it is written, also digit by digit, and their other identifiers", () => {
    const subject = {
      identifiers: [
        { kind: "phone" as const, value: "+447700900123" },
        { kind: "email" as const, value: "jane@example.com" },
        { kind: "customer_id" as const, value: "CUST-00042" },
      ],
    };
    const text = "Caller 0 7 7 0 0 9 0 0 1 2 3, or +44 (0)7700-900-123, mail JANE@example.com, account cust-00042.";
    expect(detectPii(text, { subject }).map((span) => [span.type, span.text, span.subject])).toEqual([
      ["phone", "0 7 7 0 0 9 0 0 1 2 3", true],
      ["phone", "+44 (0)7700-900-123", true],
      ["email", "JANE@example.com", true],
      ["identifier", "cust-00042", true],
    ]);
  });

  it("finds names after a cue and street addresses, best effort", () => {
    expect(typesIn("Hello, my name is Krisztián Szöllösy and I live at 221B Baker Street, Apt. 4.")).toEqual([
      ["person", "Krisztián Szöllösy"],
      ["address", "221B Baker Street, Apt. 4"],
    ]);
  });

  it("leaves the matched text out when asked", () => {
    expect(detectPii("mail jane@example.com", { includeText: false })[0]).not.toHaveProperty("text");
  });
});

describe("redactText", () => {
  it("replaces each span with its type and merges overlapping spans", () => {
    const text = "Call 020 7946 0958 or mail jane@example.com.";
    expect(redactText(text, detectPii(text))).toBe("Call [REDACTED:phone] or mail [REDACTED:email].");
    expect(redactText("abcdefgh", [{ type: "card", start: 1, end: 4 }, { type: "phone", start: 3, end: 6 }])).toBe("a[REDACTED:card]gh");
  });
});
