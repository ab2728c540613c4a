import { Faker, en } from "@faker-js/faker";
import type { Identifier, OraclePerson } from "@lethe/connector-sdk";
import { CallFactory } from "./call-factory";
import { emailLocalPart, PersonFactory } from "./person-factory";
import { RecordFactory } from "./record-factory";
import { ReservedPhoneNumbers, sameDigitsInTheUk, separablePhoneNumber } from "@lethe/sandbox-kit";
import type { NoteRow, PersonRow, SeededWorld } from "./world";

export const defaultSeed = 1;
export const subjectCount = 6;
/** Subject 0 has this many notes (more than two pages at the default page size of 20) and 2 attachments. */
const firstSubjectNotes = 55;

export interface SeedOptions {
  seed: number;
  /** Generic people added after the subjects and their bystanders (benchmarks, scale tests). */
  extraPeople: number;
}

/**
 * The default world: six subjects, each with one person record, 2–60 notes, 0–2 attachments and
 * 1–3 calls, and five bystanders whose identifiers nearly match the subject's (see `nearMatches`)
 * with 0–2 calls each. The same seed always gives the same world, ids included.
 */
export function seedWorld({ seed, extraPeople }: SeedOptions): SeededWorld {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const phones = new ReservedPhoneNumbers(faker);
  const people = new PersonFactory(faker);
  const records = new RecordFactory(faker, people);
  const world: SeededWorld = { seed, people: [], notes: [], attachments: [], calls: [], oraclePeople: [] };

  const add = (person: PersonRow, role: Omit<OraclePerson, "id" | "identifiers">, notes: number, attachments: number) => {
    world.people.push(person);
    world.notes.push(...records.notes(person, notes));
    world.attachments.push(...records.attachments(person, attachments));
    world.oraclePeople.push({ id: person.id, ...role, identifiers: identifiersOf(person) });
  };

  for (let i = 0; i < subjectCount; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const subject = people.person({ firstName, lastName, phone: phones.forSubject() });
    const notes = i === 0 ? firstSubjectNotes : faker.number.int({ min: 2, max: 60 });
    const attachments = i === 0 ? 2 : faker.number.int({ max: 2 });
    // The first subject's household shares their number: the demo's request that shows review.
    add(subject, { role: "subject", ...(i === 0 ? { demo: "review" as const } : {}) }, notes, attachments);
    for (const bystander of nearMatches(subject, lastName, faker, people, phones)) {
      add(bystander, { role: "bystander", bystanderOf: subject.id }, faker.number.int({ min: 1, max: 3 }), faker.number.int({ max: 1 }));
    }
  }
  const callFactory = new CallFactory(seed);
  world.calls.push(...seedCalls(world, callFactory));
  const firstExtra = world.people.length;
  for (let i = 0; i < extraPeople; i++) {
    const person = people.person({ phone: phones.forAnyoneElse() });
    add(person, { role: "subject" }, faker.number.int({ min: 1, max: 4 }), faker.number.int({ max: 1 }));
  }
  world.notes.push(mentioningNote(world, people));
  // Added last, so that every row before keeps its id and values.
  const separable = people.person({ firstName: "Noor", lastName: "Lindqvist", email: "noor.lindqvist@reference-demo.example.com", phone: separablePhoneNumber(1) });
  add(separable, { role: "subject", demo: "clean" }, 4, 1);
  world.calls.push(callFactory.call(separable, "enquiry"));
  // Listed before the extra people, who stay the last subjects (benchmarks take them from the end).
  world.people.splice(firstExtra, 0, ...world.people.splice(-1));
  world.oraclePeople.splice(firstExtra, 0, ...world.oraclePeople.splice(-1));
  return world;
}

/** The subject whose address a bystander's note mentions. */
export const mentionedSubject = subjectCount - 1;

/**
 * A note about the last subject's first bystander that mentions the subject's address: another
 * person's record that only mentions the subject (redacted, never erased). Added last, so every
 * row before keeps its id and values.
 */
function mentioningNote(world: SeededWorld, people: PersonFactory): NoteRow {
  const subjects = world.oraclePeople.filter((person) => person.role === "subject");
  const subject = subjects[mentionedSubject];
  const bystander = world.oraclePeople.find((person) => person.bystanderOf === subject?.id);
  const email = world.people.find((person) => person.id === subject?.id)?.email;
  if (!subject || !bystander || !email) throw new Error("The seeded world has no subject with a bystander to mention them");
  return {
    id: people.uniqueId("nte_"),
    personId: bystander.id,
    body: `Asked us to copy ${email} on the reply about the invoice; otherwise resolved on the call.`,
    createdAt: "2024-07-01T09:00:00.000Z",
    restricted: false,
  };
}

/**
 * Calls of the subjects and their bystanders (extra people have none: they feed benchmarks, whose
 * figures should not move with this). The first subject has one call of each kind — a
 * `transaction`, a `complaint` with a case id, a plain enquiry — so hold tests can rely on them.
 */
function seedCalls(world: SeededWorld, calls: CallFactory) {
  return world.people.flatMap((person, index) => {
    const role = world.oraclePeople[index]?.role;
    if (index === 0) return (["transaction", "complaint", "enquiry"] as const).map((kind) => calls.call(person, kind));
    if (role === "subject") return [calls.call(person, "transaction"), ...calls.someCalls(person, 2)];
    return calls.someCalls(person, 2);
  });
}

/**
 * Other people whose identifiers a careless connector would confuse with the subject's. E-mail
 * case variants are not among them: after normalisation they are the same mailbox.
 */
function nearMatches(
  subject: PersonRow,
  lastName: string,
  faker: Faker,
  people: PersonFactory,
  phones: ReservedPhoneNumbers,
): PersonRow[] {
  const [localPart = "", domain = ""] = subject.email.split("@");
  const colleagueFirst = faker.person.firstName();
  const colleagueLast = faker.person.lastName();
  const partnerFirst = faker.person.firstName();
  return [
    // A `+tag` address is a different address for every system that compares strings.
    people.person({ email: people.uniqueEmail(`${localPart}+${faker.word.noun().toLowerCase()}`, domain), phone: phones.forAnyoneElse() }),
    // The same mailbox name at another organisation.
    people.person({ email: people.uniqueEmail(localPart, people.companyDomain("example.org")), phone: phones.forAnyoneElse() }),
    // A colleague at the subject's company.
    people.person({
      firstName: colleagueFirst,
      lastName: colleagueLast,
      email: people.uniqueEmail(emailLocalPart(colleagueFirst, colleagueLast), domain),
      phone: phones.forAnyoneElse(),
    }),
    // The subject's national digits under another country code: +44 instead of +1.
    people.person({ phone: sameDigitsInTheUk(subject.phone) }),
    // Someone in the subject's household, reachable on the same number.
    people.person({
      firstName: partnerFirst,
      lastName,
      email: people.uniqueEmail(emailLocalPart(partnerFirst, lastName), people.companyDomain("example.net")),
      phone: subject.phone,
    }),
  ];
}

/** What the engine would query for this person: normalised e-mail, E.164 phone, ids. */
export function identifiersOf(person: PersonRow): Identifier[] {
  return [
    { kind: "email", value: person.email },
    { kind: "phone", value: person.phone },
    { kind: "customer_id", value: person.customerId },
    { kind: "native_id", value: person.id, system: "reference" },
  ];
}
