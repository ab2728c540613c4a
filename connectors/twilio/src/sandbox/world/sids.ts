import type { Faker } from "@faker-js/faker";

/** A Twilio SID: two-letter prefix and 32 hexadecimal digits, drawn from the world's seeded Faker. */
export function newSid(faker: Faker, prefix: "AC" | "CA" | "RE" | "TR" | "SM" | "MM" | "ME"): string {
  return `${prefix}${faker.string.hexadecimal({ length: 32, casing: "lower", prefix: "" })}`;
}

export const sidPattern = (prefixes: string) => new RegExp(`^(${prefixes})[0-9a-fA-F]{32}$`);
