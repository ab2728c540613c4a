import type { Faker } from "@faker-js/faker";

/**
 * Phone fields in Salesforce are free text: agents type `(201) 555-0123`, `201.555.0123` or
 * `+44 20 7946 0123`. The world stores numbers the way people type them, so that only a
 * connector that normalises both sides finds them.
 */
export function formatAsFreeText(e164: string, faker: Faker): string {
  return faker.helpers.arrayElement(typedForms(e164));
}

/** The ways people type a number; the first is the usual one (`(201) 555-0123`, `+44 20 1555 0123`). */
export function typedForms(e164: string): [string, ...string[]] {
  if (e164.startsWith("+1") && e164.length === 12) {
    const [area, exchange, line] = [e164.slice(2, 5), e164.slice(5, 8), e164.slice(8)];
    return [`(${area}) ${exchange}-${line}`, `${area}-${exchange}-${line}`, `${area}.${exchange}.${line}`, `+1 ${area} ${exchange} ${line}`];
  }
  if (e164.startsWith("+44")) {
    const national = e164.slice(3);
    return [`+44 ${national.slice(0, 2)} ${national.slice(2, 6)} ${national.slice(6)}`, `+44 (0)${national}`];
  }
  return [e164];
}
