import { Faker, en } from "@faker-js/faker";
import type { OraclePerson } from "@lethe/connector-sdk";
import { ReservedPhoneNumbers, sameDigitsInTheUk, separablePhoneNumber } from "@lethe/sandbox-kit";
import type { StoredCall, StoredMedia, StoredMessage, StoredRecording, StoredTranscription } from "./records";
import { newSid } from "./sids";

export const defaultSeed = 1;
/** The account's SIP domain: SIP legs dialled by number are `sip:{E.164}@` this. */
export const sipDomain = "lethe-sandbox.sip.twilio.com";

export interface TwilioWorld {
  accountSid: string;
  people: OraclePerson[];
  calls: StoredCall[];
  recordings: StoredRecording[];
  transcriptions: StoredTranscription[];
  messages: StoredMessage[];
  media: StoredMedia[];
}

interface PersonPlan {
  id: string;
  name: string;
  /** The numbers their calls and messages use (the first is theirs, a household's may be shared). */
  numbers: string[];
  client?: string;
  calls: number;
  messages: number;
  sipCalls: number;
}

/**
 * The seeded account: subjects with calls (recorded and transcribed), SMS and MMS; a SIP leg dialled
 * by number and a Twilio Client leg for some; and bystanders who nearly match a subject — the same
 * digits in the UK, the next number in the same range, a household sharing a subject's number (each
 * member's calls carry their own caller name, the only sign Twilio keeps of who called).
 */
export function seedWorld(seed: number, extraPeople = 0): TwilioWorld {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const phones = new ReservedPhoneNumbers(faker);
  const world: TwilioWorld = { accountSid: newSid(faker, "AC"), people: [], calls: [], recordings: [], transcriptions: [], messages: [], media: [] };
  const companyLines = [phones.forAnyoneElse(), phones.forAnyoneElse()];
  const name = () => `${faker.person.firstName()} ${faker.person.lastName()}`;

  const plans: { plan: PersonPlan; person: OraclePerson }[] = [];
  const subject = (index: number, extra: Partial<PersonPlan> = {}, demo?: OraclePerson["demo"]) => {
    const plan: PersonPlan = { id: `subject-${index}`, name: name(), numbers: [phones.forSubject()], calls: faker.number.int({ min: 1, max: 4 }), messages: faker.number.int({ min: 0, max: 3 }), sipCalls: 0, ...extra };
    const person: OraclePerson = {
      id: plan.id,
      role: "subject",
      ...(demo ? { demo } : {}),
      identifiers: [...new Set(plan.numbers)].map((value) => ({ kind: "phone" as const, value })),
    };
    if (plan.client) person.identifiers.push({ kind: "native_id", system: "twilio", value: `client:${plan.client}` });
    plans.push({ plan, person });
    return plan;
  };
  const bystander = (of: PersonPlan, numbers: string[]) => {
    const plan: PersonPlan = { id: `bystander-of-${of.id}-${plans.length}`, name: name(), numbers, calls: faker.number.int({ min: 1, max: 3 }), messages: 1, sipCalls: 0 };
    plans.push({ plan, person: { id: plan.id, role: "bystander", bystanderOf: of.id, identifiers: numbers.map((value) => ({ kind: "phone" as const, value })) } });
    return plan;
  };

  // The demo's clearly separable subject: a number (area code 503) no seeded world of any bundled sandbox hands out.
  const clean = subject(1, { calls: 3, messages: 2, sipCalls: 1, numbers: [separablePhoneNumber(5)] }, "clean");
  // A demo request names the person by e-mail and phone across every system; Twilio holds no
  // e-mail addresses, so this one is found by the number alone.
  plans.find(({ plan }) => plan === clean)?.person.identifiers.push({ kind: "email", value: `${clean.name.toLowerCase().replace(/[^a-z]+/g, ".")}@twilio-demo.example.com` });
  const withClient = subject(2, { client: faker.internet.username().toLowerCase().replace(/[^a-z0-9]/g, ""), calls: 2 });
  const household = subject(3, { calls: 2, messages: 1 }, "review");
  const householdLine = phones.forSubject();
  household.numbers = [household.numbers[0] ?? householdLine, householdLine];
  const [householdPerson] = plans.filter(({ plan }) => plan === household);
  // The shared line first: the demo's review request is made with the number the household shares.
  if (householdPerson) householdPerson.person.identifiers = [householdLine, ...household.numbers.filter((value) => value !== householdLine)].map((value) => ({ kind: "phone" as const, value }));
  const busy = subject(4, { calls: 60, messages: 8 });
  for (let i = 5; i < 5 + extraPeople; i++) subject(i);

  bystander(clean, [sameDigitsInTheUk(clean.numbers[0] ?? "")]);
  bystander(withClient, [phones.forSubject()]);
  bystander(household, [householdLine]);
  bystander(busy, [sameDigitsInTheUk(busy.numbers[0] ?? "")]);

  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  const next = () => new Date((clock += faker.number.int({ min: 60_000, max: 86_400_000 })));
  for (const { plan } of plans) {
    const companyLine = () => faker.helpers.arrayElement(companyLines);
    const legs: { address: string; callerName: string | null }[] = [
      ...Array.from({ length: plan.calls }, (_, i) => ({ address: plan.numbers[i % plan.numbers.length] ?? "", callerName: plan.name })),
      ...Array.from({ length: plan.sipCalls }, () => ({ address: `sip:${plan.numbers[0] ?? ""}@${sipDomain}`, callerName: null })),
      ...(plan.client ? [{ address: `client:${plan.client}`, callerName: null }] : []),
    ];
    for (const [index, leg] of legs.entries()) {
      // The first two calls of everyone are placed by them, so every number a person calls from shows their caller name.
      const inbound = index < 2 || faker.datatype.boolean();
      const call: StoredCall = {
        sid: newSid(faker, "CA"),
        to: inbound ? companyLine() : leg.address,
        from: inbound ? leg.address : companyLine(),
        // CNAM names the line that placed the call: the person on an inbound call, the company otherwise.
        callerName: inbound ? leg.callerName : "LETHE SANDBOX CO",
        direction: inbound ? "inbound" : "outbound-api",
        status: "completed",
        startTime: next(),
        durationSeconds: faker.number.int({ min: 20, max: 900 }),
        owner: plan.id,
      };
      world.calls.push(call);
      if (faker.number.float() < 0.7) {
        const recording: StoredRecording = { sid: newSid(faker, "RE"), callSid: call.sid, startTime: call.startTime, durationSeconds: call.durationSeconds, deletedAt: null, owner: plan.id };
        world.recordings.push(recording);
        if (faker.datatype.boolean()) {
          world.transcriptions.push({ sid: newSid(faker, "TR"), recordingSid: recording.sid, text: `Hello, this is ${plan.name}. ${faker.lorem.sentence()}`, created: next(), owner: plan.id });
        }
      }
    }
    for (let i = 0; i < plan.messages; i++) {
      const withMedia = i === 0 && plan.messages > 1;
      const inbound = faker.datatype.boolean();
      const address = plan.numbers[i % plan.numbers.length] ?? "";
      const message: StoredMessage = {
        sid: newSid(faker, withMedia ? "MM" : "SM"),
        to: inbound ? companyLine() : address,
        from: inbound ? address : companyLine(),
        body: inbound ? `Hi, ${plan.name} here. ${faker.lorem.sentence()}` : `Your appointment is confirmed. ${faker.lorem.words(4)}`,
        direction: inbound ? "inbound" : "outbound-api",
        sent: next(),
        numMedia: withMedia ? 1 : 0,
        owner: plan.id,
      };
      world.messages.push(message);
      if (withMedia) world.media.push({ sid: newSid(faker, "ME"), messageSid: message.sid, contentType: "image/png", created: message.sent, owner: plan.id });
    }
  }
  // One call of the busy subject still under way (drawn last, so the rest of the world is as before):
  // Twilio deletes only finished calls' logs, so an eraser meets a refusal it must retain with its reason.
  const busyNumber = busy.numbers[0] ?? "";
  world.calls.push({ sid: newSid(faker, "CA"), to: companyLines[0] ?? "", from: busyNumber, callerName: busy.name, direction: "inbound", status: "in-progress", startTime: next(), durationSeconds: 0, owner: busy.id });
  world.people = plans.map(({ person }) => person);
  return world;
}
