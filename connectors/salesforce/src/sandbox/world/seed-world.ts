import { Faker, en } from "@faker-js/faker";
import type { Identifier, OraclePerson } from "@lethe/connector-sdk";
import { objectSpec } from "./object-catalogue";
import { formatAsFreeText, typedForms } from "./phone-formats";
import { ReservedPhoneNumbers, sameDigitsInTheUk, separablePhoneNumber } from "@lethe/sandbox-kit";
import { IdFactory } from "./salesforce-ids";
import { salesforceDateTime, type FieldValue, type SObjectRow } from "./sobject-store";

export const defaultSeed = 1;
export const subjectCount = 6;
/** Subject 0's Tasks: more than one page when a query selects their long Description. */
const busiestSubjectTasks = 230;
/** The subject with a phone-only web-to-case Case and a phone-only Lead in the Recycle Bin. */
export const phoneOnlySubject = 2;
const worldStart = new Date("2022-01-01T00:00:00.000Z");
const worldEnd = new Date("2025-01-01T00:00:00.000Z");
const supportAddress = "support@acme-support.example.com";

export interface SeedOptions {
  seed: number;
  extraPeople: number;
  /** The sandbox clock's now: recycle-bin entries are dated relative to it. */
  now: Date;
}

export interface SeededWorld {
  seed: number;
  rows: SObjectRow[];
  oraclePeople: OraclePerson[];
}

interface PersonPlan {
  firstName: string;
  lastName: string;
  email: string;
  /** E.164 */
  phone: string;
  /** Lead instead of Contact. */
  lead?: boolean;
  individual?: boolean;
  cases: number;
  tasks: number;
  files: number;
  /** A web-to-case Case filed with no Contact, found only through SuppliedEmail. */
  webCase?: boolean;
}

/**
 * Six subjects, the last one `o'brien@example.com` (an apostrophe a careless SOQL breaks on), each
 * with Contact or Lead, Individual and contact points, Cases, Tasks (one archived, one in the
 * Recycle Bin), Events, EmailMessages with them in To/Cc, campaign memberships and files; five
 * near-match bystanders per subject (see below). The third subject also has records that carry
 * only the phone number: a web-to-case Case (SuppliedPhone) and a Lead in the Recycle Bin; their
 * UK bystander a Case with the same digits behind +44. The same seed gives the same world.
 */
export function seedWorld({ seed, extraPeople, now }: SeedOptions): SeededWorld {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const ids = new IdFactory("5g000");
  const phones = new ReservedPhoneNumbers(faker);
  const world: SeededWorld = { seed, rows: [], oraclePeople: [] };
  const emails = new Set<string>();
  const campaignId = ids.next("701");
  let caseNumber = 1000;

  const row = (object: string, fields: Record<string, FieldValue>, holders: string[], extra: Partial<SObjectRow> = {}): SObjectRow => {
    const spec = objectSpec(object);
    if (!spec) throw new Error(`No such object in the catalogue: ${object}`);
    const id = ids.next(spec.keyPrefix);
    const created = salesforceDateTime(faker.date.between({ from: worldStart, to: worldEnd }));
    const complete: Record<string, FieldValue> = {};
    for (const field of spec.fields) complete[field.name] = null;
    Object.assign(complete, { IsDeleted: false, CreatedDate: created, LastModifiedDate: created, SystemModstamp: created }, fields, { Id: id });
    if ("IsArchived" in complete && complete.IsArchived === null) complete.IsArchived = false;
    const made: SObjectRow = { object: spec.name, id, fields: complete, deletedAt: null, holders, ...extra };
    world.rows.push(made);
    return made;
  };

  const addPerson = (plan: PersonPlan, role: Omit<OraclePerson, "id" | "identifiers">): string => {
    if (emails.has(plan.email)) throw new Error(`Two people would share ${plan.email}; the seed plan is wrong`);
    emails.add(plan.email);
    const personId = `person-${world.oraclePeople.length + 1}`;
    const holders = [personId];
    const name = { FirstName: plan.firstName, LastName: plan.lastName, Name: `${plan.firstName} ${plan.lastName}` };
    const individual = plan.individual ? row("Individual", { ...name, HasOptedOutProcessing: false, ShouldForget: false, SendIndividualData: false }, holders) : undefined;
    const freeTextPhone = formatAsFreeText(plan.phone, faker);
    const person = plan.lead
      ? row("Lead", { ...name, Email: plan.email, Phone: freeTextPhone, Company: faker.company.name(), Status: "Open - Not Contacted", IndividualId: individual?.id ?? null, IsConverted: false }, holders)
      : row("Contact", {
          ...name,
          Email: plan.email,
          Phone: freeTextPhone,
          MailingCity: faker.location.city(),
          Birthdate: faker.date.birthdate().toISOString().slice(0, 10),
          IndividualId: individual?.id ?? null,
          HasOptedOutOfEmail: false,
          DoNotCall: false,
        }, holders);
    if (individual) {
      row("ContactPointEmail", { ParentId: individual.id, EmailAddress: plan.email, IsPrimary: true }, holders);
      row("ContactPointPhone", { ParentId: individual.id, TelephoneNumber: plan.phone, PhoneType: "Mobile" }, holders);
      row("ContactPointTypeConsent", { Name: "Email marketing", PartyId: individual.id, ContactPointType: "Email", PrivacyConsentStatus: "OptIn", CaptureDate: salesforceDateTime(worldStart), CaptureSource: "Web form" }, holders);
    }
    for (let i = 0; i < plan.cases; i++) {
      const kase = row("Case", {
        CaseNumber: String(++caseNumber).padStart(8, "0"),
        ContactId: plan.lead ? null : person.id,
        SuppliedName: `${plan.firstName} ${plan.lastName}`,
        SuppliedEmail: i === 0 ? plan.email : null,
        SuppliedPhone: i === 0 ? freeTextPhone : null,
        Subject: faker.helpers.arrayElement(["Billing question", "Delivery late", "Cannot log in", "Refund request"]),
        Description: `Customer wrote from ${plan.email}: ${faker.lorem.sentence()}`,
        Status: faker.helpers.arrayElement(["New", "Working", "Closed"]),
      }, holders);
      row("EmailMessage", {
        ParentId: kase.id,
        FromAddress: supportAddress,
        FromName: "Acme Support",
        ToAddress: i % 2 === 0 ? plan.email : `billing@acme-support.example.com; ${plan.email}`,
        CcAddress: i % 2 === 0 ? null : `${plan.email.toUpperCase()}; escalations@acme-support.example.com`,
        Subject: `Re: case ${kase.fields.CaseNumber}`,
        TextBody: `Dear ${plan.firstName}, ${faker.lorem.sentence()}`,
        MessageDate: kase.fields.CreatedDate ?? null,
        Incoming: false,
      }, holders);
    }
    if (plan.webCase) {
      row("Case", { CaseNumber: String(++caseNumber).padStart(8, "0"), SuppliedName: plan.firstName, SuppliedEmail: plan.email, SuppliedPhone: null, Subject: "Web form", Description: faker.lorem.sentence(), Status: "New" }, holders);
    }
    for (let i = 0; i < plan.tasks; i++) {
      const archived = i === 1;
      const task = row("Task", { WhoId: person.id, Subject: faker.helpers.arrayElement(["Call", "Follow-up", "Email"]), Description: `Spoke with ${plan.firstName}. ${faker.lorem.sentence()}`, Status: "Completed", ActivityDate: "2023-05-01", CallDurationInSeconds: faker.number.int({ min: 30, max: 900 }), IsArchived: archived }, holders);
      // One task was deleted three days ago: only queryAll still sees it.
      if (i === 2) {
        task.deletedAt = new Date(now.getTime() - 3 * 86_400_000);
        task.fields.IsDeleted = true;
      }
    }
    if (plan.tasks > 0) {
      row("Event", { WhoId: person.id, Subject: "Meeting", Description: faker.lorem.sentence(), StartDateTime: "2023-06-01T09:00:00.000+0000", EndDateTime: "2023-06-01T10:00:00.000+0000", IsArchived: false }, holders);
      row("CampaignMember", { CampaignId: campaignId, ContactId: plan.lead ? null : person.id, LeadId: plan.lead ? person.id : null, Status: "Responded" }, holders);
    }
    for (let i = 0; i < plan.files; i++) {
      const bytes = new TextEncoder().encode(`Scanned letter from ${plan.firstName} ${plan.lastName}\n${faker.lorem.paragraph()}\n`);
      const title = `Letter from ${plan.firstName} ${plan.lastName} ${i + 1}`;
      const document = row("ContentDocument", { Title: title, FileExtension: "txt", FileType: "TEXT", ContentSize: bytes.byteLength }, holders);
      const version = row("ContentVersion", { ContentDocumentId: document.id, Title: title, PathOnClient: `letter-${i + 1}.txt`, FileType: "TEXT", ContentSize: bytes.byteLength }, [], { bytes });
      version.fields.VersionData = `/services/data/v62.0/sobjects/ContentVersion/${version.id}/VersionData`;
      document.fields.LatestPublishedVersionId = version.id;
      row("ContentDocumentLink", { ContentDocumentId: document.id, LinkedEntityId: person.id, ShareType: "V" }, []);
    }
    world.oraclePeople.push({ id: personId, ...role, identifiers: identifiersOf(plan) });
    return personId;
  };

  const companyDomain = (tld: "example.com" | "example.org" | "example.net" = "example.com") =>
    `${slug(faker.company.name(), "-") || "company"}.${tld}`;
  const uniqueEmail = (local: string, domain: string) => {
    let candidate = `${local}@${domain}`;
    for (let n = 2; emails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
    return candidate;
  };

  let mentioned: { email: string; subjectId: string; colleagueId: string } | undefined;
  let phoneOnly: { subjectId: string; plan: PersonPlan; ukBystanderId: string; ukPhone: string } | undefined;
  for (let i = 0; i < subjectCount; i++) {
    const last = i === subjectCount - 1;
    const firstName = last ? "Siobhan" : faker.person.firstName();
    const lastName = last ? "O'Brien" : faker.person.lastName();
    const email = last ? "o'brien@example.com" : uniqueEmail(`${slug(firstName, "")}.${slug(lastName, "")}`, companyDomain());
    const plan: PersonPlan = {
      firstName,
      lastName,
      email,
      phone: phones.forSubject(),
      lead: i === 3,
      individual: i % 2 === 0,
      cases: i === 3 ? 0 : faker.number.int({ min: 1, max: 3 }),
      tasks: i === 0 ? busiestSubjectTasks : faker.number.int({ min: 3, max: 6 }),
      files: i < 2 ? 1 : 0,
      webCase: i === 1,
    };
    // The first subject's household shares their number: the demo's request that shows review.
    const subjectId = addPerson(plan, { role: "subject", ...(i === 0 ? { demo: "review" as const } : {}) });
    const [local = "", domain = ""] = email.split("@");
    const bystander = (overrides: Partial<PersonPlan>) =>
      addPerson(
        { firstName: faker.person.firstName(), lastName: faker.person.lastName(), email: "", phone: phones.forAnyoneElse(), cases: 1, tasks: 3, files: 0, ...overrides },
        { role: "bystander", bystanderOf: subjectId },
      );
    // A `+tag` address, the same mailbox name elsewhere, a colleague, the same digits in the UK,
    // and someone in the household on the same number.
    bystander({ email: uniqueEmail(`${local.replace("'", "")}+${slug(faker.word.noun(), "")}`, domain) });
    bystander({ email: uniqueEmail(local.replace("'", ""), companyDomain("example.org")) });
    const colleagueId = bystander({ email: uniqueEmail(`colleague.${slug(faker.person.lastName(), "")}`, domain) });
    if (i === mentionedSubject) mentioned = { email, subjectId, colleagueId };
    const ukPhone = sameDigitsInTheUk(plan.phone);
    const ukBystanderId = bystander({ email: uniqueEmail(`${slug(faker.person.firstName(), "")}.uk`, companyDomain("example.net")), phone: ukPhone });
    if (i === phoneOnlySubject) phoneOnly = { subjectId, plan, ukBystanderId, ukPhone };
    bystander({ lastName, email: uniqueEmail(`${slug(faker.person.firstName(), "")}.${slug(lastName, "")}`, companyDomain("example.net")), phone: plan.phone });
  }
  const firstExtra = world.oraclePeople.length;
  for (let i = 0; i < extraPeople; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    addPerson(
      { firstName, lastName, email: uniqueEmail(`${slug(firstName, "")}.${slug(lastName, "")}`, companyDomain()), phone: phones.forAnyoneElse(), cases: faker.number.int({ max: 2 }), tasks: faker.number.int({ min: 3, max: 5 }), files: 0 },
      { role: "subject" },
    );
  }
  // Added last, so that the rows above keep the ids and values they had before these existed.
  if (phoneOnly) {
    const { subjectId, plan, ukBystanderId, ukPhone } = phoneOnly;
    const caseNumberNow = () => String(++caseNumber).padStart(8, "0");
    // A call logged through web-to-case with nothing but the number as typed: only a phone
    // search that reads SuppliedPhone (a text field SOSL's PHONE FIELDS skip) finds it.
    row("Case", { CaseNumber: caseNumberNow(), SuppliedName: plan.firstName, SuppliedEmail: null, SuppliedPhone: typedForms(plan.phone)[0], Subject: "Call back request", Description: "Caller asked to be called back about a delivery.", Status: "New" }, [subjectId]);
    // The UK bystander's case: the same digits behind +44, which a digits-only match would take.
    row("Case", { CaseNumber: caseNumberNow(), SuppliedName: faker.person.firstName(), SuppliedEmail: null, SuppliedPhone: typedForms(ukPhone)[0], Subject: "Call back request", Description: "Caller asked about an invoice.", Status: "New" }, [ukBystanderId]);
    // A Lead an agent made from a call, with the number only, deleted two days ago: in the
    // Recycle Bin, where SOSL never looks, until it is purged.
    const lead = row("Lead", { FirstName: plan.firstName, LastName: plan.lastName, Name: `${plan.firstName} ${plan.lastName}`, Email: null, Phone: typedForms(plan.phone).at(-1) ?? plan.phone, Company: "Unknown (phone enquiry)", Status: "Open - Not Contacted", IsConverted: false }, [subjectId]);
    lead.deletedAt = new Date(now.getTime() - 2 * 86_400_000);
    lead.fields.IsDeleted = true;
  }
  if (mentioned) addMentions(mentioned, { row, world, faker, caseNumber: () => String(++caseNumber).padStart(8, "0") });
  // The demo's clearly separable subject, added last: an address and a number no one else holds
  // in any bundled sandbox.
  addPerson(
    { firstName: "Imani", lastName: "Castellanos", email: "imani.castellanos@salesforce-demo.example.com", phone: separablePhoneNumber(3), cases: 2, tasks: 2, files: 0 },
    { role: "subject", demo: "clean" },
  );
  // Listed before the extra people, who stay the last subjects (benchmarks take them from the end).
  world.oraclePeople.splice(firstExtra, 0, ...world.oraclePeople.splice(-1));
  return world;
}

/** The subject whose colleague's records mention them (third-party records, redacted not erased). */
export const mentionedSubject = 0;

interface MentionTools {
  row: (object: string, fields: Record<string, FieldValue>, holders: string[]) => SObjectRow;
  world: SeededWorld;
  faker: Faker;
  caseNumber: () => string;
}

/**
 * Records of the subject's colleague that mention the subject without being theirs: a Case and
 * a Task whose descriptions quote the subject's address, two e-mails on that Case with the
 * subject in Cc — a draft (editable) and a sent one (Salesforce updates a sent e-mail no more) —
 * and two comments an agent wrote on that Case, one quoting the subject's address and one not.
 * They are the colleague's (the oracle lists them for the colleague). Besides, an agent's comment
 * on the subject's own Case, which is the subject's. Added last so that every row before keeps
 * its id and values.
 */
function addMentions({ email, subjectId, colleagueId }: { email: string; subjectId: string; colleagueId: string }, { row, world, faker, caseNumber }: MentionTools): void {
  const colleague = world.rows.find((candidate) => candidate.object === "Contact" && candidate.holders.includes(colleagueId));
  if (!colleague) throw new Error("The colleague bystander has no Contact; the seed plan is wrong");
  const colleagueEmail = String(colleague.fields.Email);
  const holders = [colleagueId];
  const kase = row("Case", { CaseNumber: caseNumber(), ContactId: colleague.id, Subject: "Escalation for a customer", Description: `Raised on behalf of ${email}, who is still waiting. ${faker.lorem.sentence()}`, Status: "Working" }, holders);
  row("Task", { WhoId: colleague.id, Subject: "Call", Description: `Discussed the order that ${email} placed last week. ${faker.lorem.sentence()}`, Status: "Completed", ActivityDate: "2023-07-01", IsArchived: false }, holders);
  const message = (status: string, cc: string) =>
    row("EmailMessage", { ParentId: kase.id, FromAddress: supportAddress, FromName: "Acme Support", ToAddress: colleagueEmail, CcAddress: cc, Subject: `Re: case ${String(kase.fields.CaseNumber)}`, TextBody: `Hello, ${faker.lorem.sentence()}`, MessageDate: kase.fields.CreatedDate ?? null, Incoming: false, Status: status }, holders);
  message("5", email);
  message("3", `${email}; escalations@acme-support.example.com`);
  row("CaseComment", { ParentId: kase.id, IsPublished: false, CommentBody: `Agent note: the customer ${email} called about this escalation again. ${faker.lorem.sentence()}` }, holders);
  row("CaseComment", { ParentId: kase.id, IsPublished: true, CommentBody: `Waiting for the warehouse. ${faker.lorem.sentence()}` }, holders);
  const ownCase = world.rows.find((candidate) => candidate.object === "Case" && candidate.holders.includes(subjectId) && candidate.fields.ContactId !== null);
  if (!ownCase) throw new Error("The mentioned subject has no Case of their own; the seed plan is wrong");
  row("CaseComment", { ParentId: ownCase.id, IsPublished: false, CommentBody: `Called the customer back about their order. ${faker.lorem.sentence()}` }, [subjectId]);
}

function identifiersOf(plan: PersonPlan): Identifier[] {
  return [
    { kind: "email", value: plan.email.toLowerCase() },
    { kind: "phone", value: plan.phone },
  ];
}

function slug(text: string, separator: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(/^-+|-+$/g, "");
}
