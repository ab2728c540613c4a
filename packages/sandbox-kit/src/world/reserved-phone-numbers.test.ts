import { faker as sharedFaker, Faker, en } from "@faker-js/faker";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { ReservedPhoneNumbers, sameDigitsInTheUk, separablePhoneNumber } from "./reserved-phone-numbers";

function seeded(seed: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
}

function drain(pool: () => string): string[] {
  const out: string[] = [];
  try {
    for (;;) out.push(pool());
  } catch (error) {
    expect(String(error)).toMatch(/used up/);
  }
  return out;
}

describe("ReservedPhoneNumbers", () => {
  it("hands out 100 subject numbers in +1 201 555 01xx and 12,900 others, each once, then says the ranges are used up", () => {
    const phones = new ReservedPhoneNumbers(seeded(1));
    const subjects = drain(() => phones.forSubject());
    const others = drain(() => phones.forAnyoneElse());
    expect(subjects).toHaveLength(100);
    expect(others).toHaveLength(12_900);
    for (const number of subjects) expect(number).toMatch(/^\+120155501\d\d$/);
    expect(new Set([...subjects, ...others]).size).toBe(13_000);
  });

  it("gives only numbers libphonenumber accepts, UK twins of subject numbers included", () => {
    const phones = new ReservedPhoneNumbers(seeded(2));
    const numbers = [...drain(() => phones.forSubject()), ...drain(() => phones.forAnyoneElse())];
    expect(numbers.filter((number) => !isValidPhoneNumber(number))).toEqual([]);
    expect(isValidPhoneNumber(sameDigitsInTheUk("+12015550123"))).toBe(true);
  });

  it("deals the same order for the same seed and another for another seed", () => {
    const deal = (seed: number) => {
      const phones = new ReservedPhoneNumbers(seeded(seed));
      return [phones.forSubject(), phones.forSubject(), phones.forAnyoneElse(), phones.forAnyoneElse()];
    };
    expect(deal(7)).toEqual(deal(7));
    expect(deal(8)).not.toEqual(deal(7));
    expect(() => new ReservedPhoneNumbers(sharedFaker)).not.toThrow();
  });
});

describe("sameDigitsInTheUk", () => {
  it("puts a North American number's national digits under +44, and refuses other numbers", () => {
    expect(sameDigitsInTheUk("+12015550123")).toBe("+442015550123");
    expect(() => sameDigitsInTheUk("+442079460000")).toThrow(/North American/);
  });
});

describe("separablePhoneNumber", () => {
  it("gives numbers of area code 503, which no pool hands out, and refuses an index outside 0–99", () => {
    expect(separablePhoneNumber(1)).toBe("+15035550101");
    expect(isValidPhoneNumber(separablePhoneNumber(1))).toBe(true);
    const pools = new ReservedPhoneNumbers(new Faker({ locale: [en] }));
    const handedOut = new Set<string>();
    for (let i = 0; i < 100; i++) handedOut.add(pools.forSubject());
    for (let i = 0; i < 12_900; i++) handedOut.add(pools.forAnyoneElse());
    for (let n = 0; n < 100; n++) expect(handedOut.has(separablePhoneNumber(n))).toBe(false);
    expect(() => separablePhoneNumber(100)).toThrow();
  });
});
