import type { Faker } from "@faker-js/faker";
import type { PersonRow } from "./world";

/** Dates of the synthetic world are fixed, not relative to today, so a seed always gives the same rows. */
export const worldStart = new Date("2022-01-01T00:00:00.000Z");
export const worldEnd = new Date("2025-01-01T00:00:00.000Z");

export interface PersonSpec {
  firstName?: string;
  lastName?: string;
  /** A full address; without one, `first.last@<a company>.example.com` is made up. */
  email?: string;
  phone: string;
}

/**
 * Makes people whose ids, e-mail addresses and customer ids are unique in the world. E-mail
 * domains are all under example.com, example.org or example.net (RFC 2606: reserved, never
 * delivered to anyone).
 */
export class PersonFactory {
  private readonly ids = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly customerIds = new Set<string>();

  constructor(private readonly faker: Faker) {}

  person(spec: PersonSpec): PersonRow {
    const firstName = spec.firstName ?? this.faker.person.firstName();
    const lastName = spec.lastName ?? this.faker.person.lastName();
    const email = spec.email ?? this.uniqueEmail(emailLocalPart(firstName, lastName), this.companyDomain());
    if (this.emails.has(email)) {
      throw new Error(`Two people of the world would share ${email}; the seed plan is wrong`);
    }
    this.emails.add(email);
    return {
      id: this.uniqueId("per_"),
      name: `${firstName} ${lastName}`,
      email,
      phone: spec.phone,
      customerId: this.uniqueCustomerId(),
      createdAt: this.faker.date.between({ from: worldStart, to: "2024-06-30T00:00:00.000Z" }).toISOString(),
      restricted: false,
    };
  }

  /** `<local>@<domain>`, with a number added to the local part if the address is taken. */
  uniqueEmail(localPart: string, domain: string): string {
    let candidate = `${localPart}@${domain}`;
    for (let n = 2; this.emails.has(candidate); n++) candidate = `${localPart}${n}@${domain}`;
    return candidate;
  }

  companyDomain(reservedDomain: "example.com" | "example.org" | "example.net" = "example.com"): string {
    const slug = asciiSlug(this.faker.company.name(), "-");
    return `${slug || "company"}.${reservedDomain}`;
  }

  uniqueId(prefix: string): string {
    let id: string;
    do id = `${prefix}${this.faker.string.alphanumeric({ length: 10, casing: "lower" })}`;
    while (this.ids.has(id));
    this.ids.add(id);
    return id;
  }

  private uniqueCustomerId(): string {
    let id: string;
    do id = `CUS-${this.faker.string.numeric(6)}`;
    while (this.customerIds.has(id));
    this.customerIds.add(id);
    return id;
  }
}

export function emailLocalPart(firstName: string, lastName: string): string {
  return `${asciiSlug(firstName, "")}.${asciiSlug(lastName, "")}`;
}

/** Faker names carry accents, apostrophes and hyphens; mailbox names here are plain ASCII. */
function asciiSlug(text: string, separator: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(/^-+|-+$/g, "");
}
