import { Faker, en } from "@faker-js/faker";
import { worldEnd } from "./person-factory";
import type { CallRow, PersonRow } from "./world";

/** What a seeded call is about; the tags and case ids are the facts legal holds match on. */
export type CallKind = "transaction" | "complaint" | "enquiry";

/**
 * Logged calls with people. Made from a Faker stream of their own (seeded from the world's seed)
 * so that adding calls left every person, note and attachment of a seed as it was before.
 */
export class CallFactory {
  private readonly faker = new Faker({ locale: [en] });
  private readonly ids = new Set<string>();

  constructor(seed: number) {
    // A different stream from the world's own for the same seed.
    this.faker.seed([seed, 0xca11]);
  }

  call(person: PersonRow, kind: CallKind): CallRow {
    const occurredAt = this.faker.date.between({ from: person.createdAt, to: worldEnd }).toISOString();
    return {
      id: this.uniqueId(),
      personId: person.id,
      direction: this.faker.helpers.arrayElement(["inbound", "outbound"] as const),
      durationSeconds: this.faker.number.int({ min: 20, max: 1800 }),
      summary: this.summary(person, kind),
      tags: kind === "enquiry" ? [] : [kind],
      caseId: kind === "complaint" ? `CASE-${this.faker.string.numeric(5)}` : null,
      occurredAt,
      // Logged when the call ended, a little after it began.
      createdAt: new Date(new Date(occurredAt).getTime() + 30 * 60 * 1000).toISOString(),
      restricted: false,
    };
  }

  /** 0 to `max` calls of random kinds. */
  someCalls(person: PersonRow, max: number): CallRow[] {
    const kinds: CallKind[] = ["transaction", "complaint", "enquiry"];
    return Array.from({ length: this.faker.number.int({ max }) }, () => this.call(person, this.faker.helpers.arrayElement(kinds)));
  }

  /* Like notes, summaries repeat contact details agents read out. */
  private summary(person: PersonRow, kind: CallKind): string {
    const topic = this.faker.commerce.productName().toLowerCase();
    if (kind === "transaction") return `Placed an order for the ${topic}; confirmed by phone on ${person.phone}.`;
    if (kind === "complaint") return `Complained about the ${topic}. ${this.faker.lorem.sentence()}`;
    return `Asked about the ${topic}; answer sent to ${person.email}.`;
  }

  private uniqueId(): string {
    let id: string;
    do id = `cal_${this.faker.string.alphanumeric({ length: 10, casing: "lower" })}`;
    while (this.ids.has(id));
    this.ids.add(id);
    return id;
  }
}
