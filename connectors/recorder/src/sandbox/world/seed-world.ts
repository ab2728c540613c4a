import { Faker, en } from "@faker-js/faker";
import type { Identifier, OraclePerson } from "@lethe/connector-sdk";
import { layOut, turnOf, type Turn } from "./call-script";
import { ReservedPhoneNumbers, sameDigitsInTheUk, separablePhoneNumber } from "@lethe/sandbox-kit";
import { seededFormat } from "../audio/wav";
import { consentScenarioCalls } from "./consent-scenarios";
import * as lines from "./script-lines";
import type { ConsentEventRow, ParticipantRow, PersonRow, SeededWorld } from "./world";

export const defaultSeed = 1;
const subjectCount = 5;
/** Subject 0 has more calls than one page of the search (25), most of them short. */
const firstSubjectCalls = 27;

/* Card numbers issuers publish for testing: Luhn-valid, never real accounts. */
const testPans = ["4111111111111111", "5555555555554444", "4012888888881881", "378282246310005", "6011111111111117", "5105105105105100"];

const agents = [1042, 1187, 2210, 3051].map((n) => ({ name: `Agent ${n}`, aor: `sip:agent.${n}@cc.example.com` }));
const queues = ["billing-us", "cards-us", "returns-us", "general-us"];

interface CallSpec {
  caller: PersonRow;
  /** How the caller's address reads in the SIPREC metadata. */
  aorForm: "tel" | "sip-e164" | "sip-national" | "sip-uri";
  withContactId: boolean;
  withEmail: boolean;
  short: boolean;
  card: boolean;
  held?: { holdId: string; basis: string };
  mediaDeleted?: boolean;
}

/**
 * The default world: five subjects with 2–27 calls each and, per subject, four bystanders whose
 * identifiers nearly match: a household member calling from the same number, a namesake, the same
 * national digits in the UK, and a colleague at the same e-mail domain. Some calls are under legal
 * hold, one has had its media deleted by policy, many have a card number read out and read back.
 */
export function seedWorld(seed: number): SeededWorld {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const phones = new ReservedPhoneNumbers(faker);
  const world: SeededWorld = { seed, kind: "seeded", people: [], recordings: [], oraclePeople: [] };
  const usedIds = new Set<string>();
  const uniqueId = (prefix: string, make: () => string) => {
    let id: string;
    do id = `${prefix}${make()}`;
    while (usedIds.has(id));
    usedIds.add(id);
    return id;
  };
  const base64Id = () => Buffer.from(faker.string.hexadecimal({ length: 32, prefix: "" }), "hex").toString("base64");

  const person = (spec: Partial<PersonRow> & { phone: string }): PersonRow => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const name = spec.name ?? `${first} ${last}`;
    const local = name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").trim().replace(/\s+/g, ".");
    const domain = `${faker.company.name().toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}.example.com`;
    return {
      id: uniqueId("per_", () => faker.string.alphanumeric({ length: 10, casing: "lower" })),
      name,
      phone: spec.phone,
      email: spec.email ?? uniqueId("", () => `${local}${faker.number.int({ max: 99 })}@${domain}`),
      customerId: uniqueId("CUST-", () => faker.string.numeric(7)),
      ...(spec.sip ? { sip: spec.sip } : {}),
    };
  };

  const addPerson = (row: PersonRow, role: Omit<OraclePerson, "id" | "identifiers">) => {
    world.people.push(row);
    world.oraclePeople.push({ id: row.id, ...role, identifiers: identifiersOf(row) });
  };

  const call = (spec: CallSpec) => {
    const id = uniqueId("rec_", () => faker.string.alphanumeric({ length: 12, casing: "lower" }));
    const start = faker.date.between({ from: "2023-01-01T00:00:00Z", to: "2025-06-30T00:00:00Z" });
    const agent = faker.helpers.arrayElement(agents);
    const { caller } = spec;
    const national = caller.phone.startsWith("+1") ? caller.phone.slice(2) : caller.phone;
    const aor = {
      tel: `tel:${caller.phone}`,
      "sip-e164": `sip:${caller.phone}@carrier.example.net;user=phone`,
      "sip-national": `sip:${national}@pbx.example.com`,
      "sip-uri": caller.sip ?? `tel:${caller.phone}`,
    }[spec.aorForm];
    const customer: ParticipantRow = {
      participantId: base64Id(),
      aor,
      name: caller.name,
      role: "customer",
      channel: 0,
      externalContactId: spec.withContactId ? caller.customerId : null,
      email: spec.withEmail ? caller.email : null,
      personId: caller.id,
      joinedAt: start.toISOString(),
    };
    const staff: ParticipantRow = {
      participantId: base64Id(),
      aor: agent.aor,
      name: agent.name,
      role: "agent",
      channel: 1,
      externalContactId: null,
      email: null,
      // The recording starts when the agent answers: the agent is on the call from its first second (their opener is its first line).
      joinedAt: start.toISOString(),
    };
    const pan = spec.card ? faker.helpers.arrayElement(testPans) : undefined;
    const fills = {
      phone_number: national.replace(/^(\d{3})(\d{3})(\d+)$/, "$1 $2 $3"),
      address: `${faker.location.buildingNumber()} ${faker.location.street()}`,
      iban: faker.finance.iban({ formatted: true }),
      email: caller.email,
      person: caller.name,
    };
    const turns: Turn[] = [turnOf(staff, faker.helpers.arrayElement(lines.agentOpeners), fills)];
    if (spec.short) {
      turns.push(turnOf(customer, faker.helpers.arrayElement(lines.plainRequests), fills));
    } else {
      turns.push(turnOf(staff, faker.helpers.arrayElement(lines.agentVerifications), fills));
      turns.push(turnOf(customer, caller.name, fills));
      const request = spec.withEmail
        ? faker.helpers.arrayElement(lines.emailTemplates)
        : faker.helpers.arrayElement([...lines.contactTemplates, ...lines.plainRequests]);
      turns.push(turnOf(customer, request, fills));
    }
    if (pan) {
      turns.push(turnOf(customer, faker.helpers.arrayElement(lines.cardTemplates), fills, pan));
      turns.push(turnOf(staff, faker.helpers.arrayElement(lines.agentCardReadBacks), fills, pan));
    }
    turns.push(turnOf(staff, faker.helpers.arrayElement(lines.agentClosers), fills));
    if (!spec.short) turns.push(turnOf(customer, faker.helpers.arrayElement(lines.customerClosers), fills));
    const { utterances, cardMentions, durationMs } = layOut(
      turns,
      (index) => `${id}-u${index}`,
      () => faker.number.float({ min: 0.72, max: 0.99, fractionDigits: 2 }),
    );
    const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
    const consentEvents: ConsentEventRow[] = [
      { eventId: `${id}-c1`, participantId: customer.participantId, type: "consent.requested", method: "ivr-prompt", at: at(0) },
      { eventId: `${id}-c2`, participantId: customer.participantId, type: "consent.given", method: faker.helpers.arrayElement(["dtmf", "verbal"]), at: at(400) },
    ];
    const end = new Date(start.getTime() + durationMs);
    world.recordings.push({
      id,
      conversationId: faker.string.uuid(),
      sessionId: base64Id(),
      groupId: base64Id(),
      streamIds: [base64Id(), base64Id()],
      sipSessionId: `${faker.string.hexadecimal({ length: 32, prefix: "", casing: "lower" })};remote=${faker.string.hexadecimal({ length: 32, prefix: "", casing: "lower" })}`,
      startTime: start.toISOString(),
      endTime: end.toISOString(),
      durationMs,
      audio: seededFormat,
      fileState: spec.mediaDeleted ? "DELETED" : "AVAILABLE",
      participants: [customer, staff],
      // Kept seven years after the call (a common regulatory period), archived after one.
      retention: {
        archiveDate: new Date(start.getTime() + 365 * 86_400_000).toISOString(),
        deleteDate: new Date(start.getTime() + 7 * 365 * 86_400_000).toISOString(),
      },
      legalHold: spec.held ? { ...spec.held, placedAt: new Date(end.getTime() + 30 * 86_400_000).toISOString() } : null,
      deletion: null,
      redactions: [],
      utterances,
      consentEvents,
      cardMentions,
      queue: faker.helpers.arrayElement(queues),
    });
  };

  const forms: CallSpec["aorForm"][] = ["tel", "sip-e164", "sip-national"];
  for (let i = 0; i < subjectCount; i++) {
    const subject = person({ phone: phones.forSubject(), ...(i === 3 ? { sip: "" } : {}) });
    if (i === 3) subject.sip = `sip:${subject.email.split("@")[0] ?? "caller"}@voip.example.net`;
    // The first subject's household calls from their number: the demo's request that shows review.
    addPerson(subject, { role: "subject", ...(i === 0 ? { demo: "review" as const } : {}) });
    const calls = i === 0 ? firstSubjectCalls : faker.number.int({ min: 2, max: 4 });
    for (let n = 0; n < calls; n++) {
      call({
        caller: subject,
        aorForm: i === 3 && n % 2 === 0 ? "sip-uri" : forms[n % forms.length] ?? "tel",
        // Every call of a subject carries the CRM id the recorder attached, except one anonymous call of subject 0.
        withContactId: !(i === 0 && n === 3),
        withEmail: n % 3 === 2,
        short: i === 0 && n >= 6,
        card: n % 2 === 1,
        ...((i === 0 && (n === 1 || n === 2)) || (i === 2 && n === 0)
          ? { held: { holdId: `LH-2025-${String(17 + i).padStart(3, "0")}`, basis: "Litigation hold: complaint escalated to the financial ombudsman" } }
          : {}),
        mediaDeleted: i === 1 && n === 1,
      });
    }

    const lastName = subject.name.split(" ").at(-1) ?? "";
    const household = person({ phone: subject.phone, name: `${faker.person.firstName()} ${lastName}` });
    const namesake = person({ phone: phones.forAnyoneElse(), name: subject.name });
    const ukTwin = person({ phone: sameDigitsInTheUk(subject.phone) });
    const colleague = person({ phone: phones.forAnyoneElse(), email: `${faker.person.firstName().toLowerCase()}.${faker.person.lastName().toLowerCase().replace(/[^a-z]/g, "")}@${subject.email.split("@")[1] ?? "example.com"}` });
    for (const [index, bystander] of [household, namesake, ukTwin, colleague].entries()) {
      addPerson(bystander, { role: "bystander", bystanderOf: subject.id });
      call({
        caller: bystander,
        aorForm: index === 2 ? "tel" : forms[(i + index) % forms.length] ?? "tel",
        withContactId: true,
        withEmail: index === 3,
        short: false,
        card: index % 2 === 0,
        ...(index === 0 && i === 1 ? { held: { holdId: "LH-2025-031", basis: "Regulatory inquiry: retained for the conduct authority" } } : {}),
      });
    }
  }
  // The demo's clearly separable caller, added last: an address and a number no one else holds
  // in any bundled sandbox, on two calls without card numbers or holds.
  const separable = person({ phone: separablePhoneNumber(4), name: "Ravi Halvorsen", email: "ravi.halvorsen@recorder-demo.example.com" });
  addPerson(separable, { role: "subject", demo: "clean" });
  for (const n of [0, 1]) call({ caller: separable, aorForm: n === 0 ? "tel" : "sip-e164", withContactId: true, withEmail: true, short: false, card: false });
  // Last of all, so that nothing above draws differently: two calls lacking someone's consent to record.
  world.recordings.push(...consentScenarioCalls(seed, () => phones.forAnyoneElse()));
  return world;
}

/** What the engine would query for this person: normalised e-mail, E.164 phone, ids, name. */
function identifiersOf(person: PersonRow): Identifier[] {
  return [
    { kind: "email", value: person.email },
    { kind: "phone", value: person.phone },
    { kind: "customer_id", value: person.customerId },
    { kind: "name", value: person.name },
    ...(person.sip ? [{ kind: "sip" as const, value: person.sip }] : []),
  ];
}
