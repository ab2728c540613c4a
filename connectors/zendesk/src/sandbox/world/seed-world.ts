import { Faker, en } from "@faker-js/faker";
import { ReservedPhoneNumbers, sameDigitsInTheUk, separablePhoneNumber } from "@lethe/sandbox-kit";
import { WorldBuilder } from "./world-builder";
import type { SeededWorld, UserRow } from "./rows";

export const defaultSeed = 1;
export const subjectCount = 4;

export interface SeedOptions {
  seed: number;
  /** Generic subjects added after the default world (benchmarks). */
  extraPeople: number;
  /** Tickets each extra person requested (default 2). */
  extraPeopleTickets?: number;
  /** Extra tickets requested by the first subject, beyond the search API's 1,000-result cap. */
  heavyTickets?: number;
}

/**
 * A contact centre: three agents and an admin; four subjects with two e-mail identities and a phone
 * identity each, tickets they requested (one closed), a ticket of someone else they are CC'd on
 * and wrote in, and agents' comments elsewhere that mention their e-mail address or phone number;
 * five bystanders per subject whose identifiers nearly match (a `+tag` address, the same mailbox
 * at another domain, a colleague at the same domain, the same digits under +44, a household member
 * sharing the phone number). Comments carry card numbers (test PANs) and phone numbers. Last, for
 * each subject, a ticket they submitted for a relative and one they follow (see seedCopiedIn).
 */
export function seedWorld(options: SeedOptions): SeededWorld {
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed);
  const phones = new ReservedPhoneNumbers(faker);
  const b = new WorldBuilder(faker, options.seed);
  const agents = [b.agent(), b.agent(), b.agent()];
  const agent = () => faker.helpers.arrayElement(agents);

  const copiedIn: CopiedIn[] = [];
  for (let i = 0; i < subjectCount; i++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const domain = b.companyDomain("example.com");
    const local = b.localPart(first, last);
    const phone = phones.forSubject();
    const subject = b.user(`${first} ${last}`, [
      { type: "email", value: b.uniqueEmail(local, domain) },
      { type: "email", value: b.uniqueEmail(`${local}.home`, b.companyDomain("example.net")) },
      { type: "phone_number", value: phone },
    ]);
    const [primaryEmail = "", secondaryEmail = ""] = b.emailsOf(subject);
    // The first subject's household shares their number: the demo's request that shows review.
    b.person(subject, { role: "subject", ...(i === 0 ? { demo: "review" as const } : {}) });

    const near = nearMatches(b, faker, { first, last, local, domain, phone }, phones);
    for (const bystander of near) {
      b.person(bystander, { role: "bystander", bystanderOf: String(subject.id) });
      b.ticket(bystander, agent(), { comments: 2 });
    }
    const [plusTag, otherDomain, colleague, ukTwin] = near;
    if (plusTag && ukTwin) copiedIn.push({ subject, last, local, domain, plusTag, ukTwin });

    const requested = i === 0 ? 3 : faker.number.int({ min: 1, max: 3 });
    for (let t = 0; t < requested; t++) {
      b.ticket(subject, agent(), {
        comments: faker.number.int({ min: 2, max: 4 }),
        status: t === 0 ? "closed" : undefined,
        attachment: t === 0,
        requesterSays: [
          `My card ${faker.helpers.arrayElement(["4111 1111 1111 1111", "5555 5555 5555 4444"])} was charged twice.`,
          `You can also reach me on ${secondaryEmail}.`,
        ],
      });
    }
    for (let t = 0; t < (i === 0 ? options.heavyTickets ?? 0 : 0); t++) b.ticket(subject, agent(), { comments: 1, light: true });

    if (colleague) {
      // CC'd on a colleague's ticket, and wrote in it.
      const shared = b.ticket(colleague, agent(), { comments: 1, ccs: [subject] });
      b.comment(shared, subject, `Adding myself here; please write to ${secondaryEmail} too.`, true);
    }
    if (otherDomain) {
      const ticket = b.ticket(otherDomain, agent(), { comments: 1 });
      b.comment(ticket, agent(), `The invoice was sent to ${primaryEmail} by mistake, not to this customer.`);
    }
    if (ukTwin) {
      const ticket = b.ticket(ukTwin, agent(), { comments: 1 });
      // The subject's number is shared with their household: a weak mention for both.
      b.comment(ticket, agent(), `Caller also gave ${formatted(phone)} as a contact number.`);
    }
    if (plusTag) {
      // A near-identical address in an agent's note: not the subject's.
      const ticket = b.ticket(plusTag, agent(), { comments: 1 });
      b.comment(ticket, agent(), `Confirmed the address ${b.emailsOf(plusTag)[0] ?? ""} with the customer.`);
    }
  }
  const firstExtra = b.world().oraclePeople.length;
  for (let i = 0; i < options.extraPeople; i++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const person = b.user(`${first} ${last}`, [
      { type: "email", value: b.uniqueEmail(b.localPart(first, last), b.companyDomain("example.com")) },
      { type: "phone_number", value: phones.forAnyoneElse() },
    ]);
    b.person(person, { role: "subject" });
    for (let t = 0; t < (options.extraPeopleTickets ?? 2); t++) b.ticket(person, agent(), { comments: 2, light: true });
  }
  // Seeded last, so that every row before keeps the ids and values earlier seeds gave it.
  for (const facts of copiedIn) seedCopiedIn(b, faker, facts, agent);
  seedSeparable(b, agent);
  // Listed before the extra people, who stay the last subjects (benchmarks take them from the end).
  const world = b.world();
  world.oraclePeople.splice(firstExtra, 0, ...world.oraclePeople.splice(-1));
  return world;
}

/**
 * The demo's clearly separable subject (seeded after everyone else): an e-mail address and a
 * phone number no one else holds in any bundled sandbox, on two tickets of their own.
 */
function seedSeparable(b: WorldBuilder, agent: () => UserRow): void {
  const person = b.user("Tomasz Okonkwo", [
    { type: "email", value: b.uniqueEmail("tomasz.okonkwo", "zendesk-demo.example.com") },
    { type: "phone_number", value: separablePhoneNumber(2) },
  ]);
  b.person(person, { role: "subject", demo: "clean" });
  b.ticket(person, agent(), { comments: 2 });
  b.ticket(person, agent(), { comments: 3 });
}

interface CopiedIn {
  subject: UserRow;
  last: string;
  local: string;
  domain: string;
  plusTag: UserRow;
  ukTwin: UserRow;
}

/**
 * Other people's tickets the subject is on without having requested them, each shared with a
 * bystander whose identifiers nearly match the subject's: a ticket the subject filed for a relative
 * (submitter, copied on the replies, author of the description) with the `+tag` bystander also
 * copied, and a ticket the subject follows beside the bystander with the same digits under +44.
 * The relative's address differs from the subject's by two letters.
 */
function seedCopiedIn(b: WorldBuilder, faker: Faker, facts: CopiedIn, agent: () => UserRow): void {
  const { subject, plusTag, ukTwin } = facts;
  const relative = b.user(`${faker.person.firstName()} ${facts.last}`, [{ type: "email", value: b.uniqueEmail(`${facts.local}jr`, facts.domain) }]);
  b.person(relative, { role: "bystander", bystanderOf: String(subject.id) });
  b.ticket(relative, agent(), { comments: 2, submitter: subject, ccs: [subject, plusTag] });
  const followed = b.ticket(relative, agent(), { comments: 1, followers: [subject, ukTwin] });
  b.comment(followed, agent(), "Following up with everyone on this ticket.", false);
}

interface SubjectFacts {
  first: string;
  last: string;
  local: string;
  domain: string;
  phone: string;
}

/** Other people a careless connector would confuse with the subject. */
function nearMatches(b: WorldBuilder, faker: Faker, s: SubjectFacts, phones: ReservedPhoneNumbers): UserRow[] {
  const colleagueFirst = faker.person.firstName();
  const colleagueLast = faker.person.lastName();
  const partner = faker.person.firstName();
  const someone = () => `${faker.person.firstName()} ${faker.person.lastName()}`;
  return [
    b.user(someone(), [
      { type: "email", value: b.uniqueEmail(`${s.local}+${faker.word.noun().toLowerCase()}`, s.domain) },
      { type: "phone_number", value: phones.forAnyoneElse() },
    ]),
    b.user(someone(), [
      { type: "email", value: b.uniqueEmail(s.local, b.companyDomain("example.org")) },
      { type: "phone_number", value: phones.forAnyoneElse() },
    ]),
    b.user(`${colleagueFirst} ${colleagueLast}`, [
      { type: "email", value: b.uniqueEmail(b.localPart(colleagueFirst, colleagueLast), s.domain) },
    ]),
    b.user(someone(), [
      { type: "email", value: b.uniqueEmail(b.localPart(s.first, `${s.last}uk`), b.companyDomain("example.org")) },
      { type: "phone_number", value: sameDigitsInTheUk(s.phone) },
    ]),
    b.user(`${partner} ${s.last}`, [
      { type: "email", value: b.uniqueEmail(b.localPart(partner, s.last), b.companyDomain("example.net")) },
      { type: "phone_number", value: s.phone },
    ]),
  ];
}

/** `+1 201-555-0123`: how agents type a North American number. */
export function formatted(e164: string): string {
  const digits = e164.slice(2);
  return `+1 ${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

