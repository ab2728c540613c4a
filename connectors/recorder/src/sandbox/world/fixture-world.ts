import { Faker, en } from "@faker-js/faker";
import { personDeclarationSchema } from "@lethe/sandbox-kit";
import { z } from "zod";
import { seededFormat } from "../audio/wav";
import { isPartyAddress } from "../ingest/read-siprec-metadata";
import { layOut, turnOf, type Turn } from "./call-script";
import type { ConsentEventRow, ParticipantRow, RecordingRow, SeededWorld } from "./world";

/*
 * A fixture world for `lethe sandbox start recorder --world <file.json>` (API.md, "Fixture
 * worlds"): the people the oracle should know (`POST /__sandbox/people` declarations) and calls
 * written as who took part and what each said, in order. The recorder lays the words out in time
 * as its speech-to-text would, synthesises the stereo audio from them (src/sandbox/audio), and
 * writes the SIPREC metadata as for seeded calls; a line may carry a test card number spoken where
 * its text says `{{credit_card_number}}`, which the oracle then knows (for PCI sweep checks).
 */

const party = z.strictObject({
  aor: z.string().refine(isPartyAddress, "a tel:, sip:, sips: or mailto: URI"),
  name: z.string().min(1).nullable().default(null),
  role: z.enum(["customer", "agent", "third-party"]),
  /**
   * The channel carrying their voice (0 and 1 are the stereo pair; a conference party may have a
   * channel of its own, 2 to 7, which widens the file); null for a party recorded on no channel.
   */
  channel: z.int().min(0).max(7).nullable(),
  email: z.email().nullable().default(null),
  externalContactId: z.string().min(1).nullable().default(null),
  /** When they joined, in milliseconds from the start of the call. */
  joinedAtMs: z.int().nonnegative().default(0),
  /**
   * This party's own answer to the recording notice, which plays when they join: `given` or
   * `declined` (with `consentMethod`), or `none` (no notice, no answer). Absent: the call's
   * `consent` for the customer, nothing for anyone else.
   */
  consent: z.enum(["given", "declined", "none"]).optional(),
  consentMethod: z.enum(["dtmf", "verbal", "agent-attestation"]).default("dtmf"),
  /** When they withdrew the consent they gave, in milliseconds from the start of the call. */
  withdrawnAtMs: z.int().nonnegative().optional(),
});

const line = z.strictObject({
  /** Index into the call's participants. */
  participant: z.int().nonnegative(),
  text: z.string().trim().min(1),
  pan: z.string().regex(/^\d{13,19}$/, "a card number of 13 to 19 digits").optional(),
});

const call = z
  .strictObject({
    id: z.string().regex(/^rec_[a-z0-9]+$/, "rec_ and lower-case letters or digits").optional(),
    startTime: z.iso.datetime({ offset: true }),
    queue: z.string().default(""),
    participants: z.array(party).min(1).max(16),
    lines: z.array(line).default([]),
    consent: z.enum(["given", "declined", "none"]).default("given"),
    qualityTraining: z.enum(["given", "declined", "none"]).default("none"),
    legalHold: z.strictObject({ holdId: z.string().min(1), basis: z.string().min(1) }).nullable().default(null),
    mediaDeleted: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    value.participants.forEach((p, index) => {
      if (p.withdrawnAtMs !== undefined && p.withdrawnAtMs <= p.joinedAtMs) {
        ctx.addIssue({ code: "custom", path: ["participants", index, "withdrawnAtMs"], message: "a party withdraws after joining" });
      }
    });
    value.lines.forEach((spoken, index) => {
      const speaker = value.participants[spoken.participant];
      if (!speaker) ctx.addIssue({ code: "custom", path: ["lines", index, "participant"], message: `no participant ${spoken.participant} on this call` });
      else if (speaker.channel === null) ctx.addIssue({ code: "custom", path: ["lines", index, "participant"], message: "this participant is on no channel, so cannot be heard" });
      const placeholder = spoken.text.includes("{{credit_card_number}}");
      if (placeholder !== (spoken.pan !== undefined)) {
        ctx.addIssue({ code: "custom", path: ["lines", index, "pan"], message: "give pan exactly when the text says {{credit_card_number}}" });
      }
    });
  });

export const recorderWorldSchema = z
  .strictObject({
    people: z.array(personDeclarationSchema).default([]),
    calls: z.array(call).default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.calls.forEach((c, index) => {
      if (c.id === undefined) return;
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["calls", index, "id"], message: `calls[${seen.get(c.id)}] has this id already` });
      seen.set(c.id, index);
    });
  });

export type RecorderWorld = z.output<typeof recorderWorldSchema>;

/**
 * The fixture's calls as stored rows (nobody's yet: the sandbox matches their parties to people,
 * call-people.ts). Ids not given in the file, and the SIPREC ids, come from `seed`.
 */
export function fixtureWorld(world: RecorderWorld, seed: number): SeededWorld {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const base64Id = () => Buffer.from(faker.string.hexadecimal({ length: 32, prefix: "" }), "hex").toString("base64");
  const given = new Set(world.calls.map((c) => c.id).filter((id) => id !== undefined));
  const newId = () => {
    let id: string;
    do id = `rec_${faker.string.alphanumeric({ length: 12, casing: "lower" })}`;
    while (given.has(id));
    given.add(id);
    return id;
  };
  const recordings = world.calls.map((spec): RecordingRow => {
    const id = spec.id ?? newId();
    const start = Date.parse(spec.startTime);
    const participants: ParticipantRow[] = spec.participants.map(({ aor, name, role, channel, email, externalContactId, joinedAtMs }) => ({
      participantId: base64Id(),
      aor,
      name,
      role,
      channel,
      email,
      externalContactId,
      joinedAt: new Date(start + joinedAtMs).toISOString(),
    }));
    const turns: Turn[] = spec.lines.map((spoken) => {
      const speaker = participants[spoken.participant];
      if (!speaker) throw new Error("checked by the schema");
      return turnOf(speaker, spoken.text, {}, spoken.pan);
    });
    const { utterances, cardMentions, durationMs } = layOut(turns, (index) => `${id}-u${index}`, () => 0.95);
    const audio = { ...seededFormat, channels: Math.max(seededFormat.channels, ...participants.map((p) => (p.channel ?? 0) + 1)) };
    const consentEvents = spec.participants.flatMap((party, index) => partyConsentEvents(id, index, party, participants[index]?.participantId ?? "", start, spec.consent));
    const customer = participants.find((p) => p.role === "customer");
    if (spec.qualityTraining !== "none" && customer) {
      // A second prompt after the recording notice: may the call be used for quality training?
      const type = spec.qualityTraining === "given" ? "consent.given" : "consent.declined";
      const at = (ms: number) => new Date(start + ms).toISOString();
      consentEvents.push(
        { eventId: `${id}-q1`, participantId: customer.participantId, type: "consent.requested", method: "ivr-prompt", at: at(800), purpose: "quality-training" },
        { eventId: `${id}-q2`, participantId: customer.participantId, type, method: "dtmf", at: at(1200), purpose: "quality-training" },
      );
    }
    const day = 86_400_000;
    return {
      id,
      conversationId: faker.string.uuid(),
      sessionId: base64Id(),
      groupId: base64Id(),
      // One SIPREC stream per channel of the file.
      streamIds: Array.from({ length: audio.channels }, () => base64Id()),
      sipSessionId: "",
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + durationMs).toISOString(),
      durationMs,
      audio,
      fileState: spec.mediaDeleted ? "DELETED" : "AVAILABLE",
      participants,
      retention: { archiveDate: new Date(start + 365 * day).toISOString(), deleteDate: new Date(start + 7 * 365 * day).toISOString() },
      legalHold: spec.legalHold ? { ...spec.legalHold, placedAt: new Date(start + durationMs).toISOString() } : null,
      deletion: null,
      redactions: [],
      utterances,
      consentEvents,
      cardMentions,
      queue: spec.queue,
    };
  });
  return { seed, kind: "fixture", people: [], recordings, oraclePeople: [] };
}

/**
 * One party's consent events: the notice played as they joined, their answer 400 ms later and
 * their withdrawal. A customer without a `consent` of their own answers as the call's `consent`
 * says (the fixture format before per-party consent, whose event ids it keeps).
 */
function partyConsentEvents(
  callId: string,
  index: number,
  party: RecorderWorld["calls"][number]["participants"][number],
  participantId: string,
  start: number,
  callConsent: "given" | "declined" | "none",
): ConsentEventRow[] {
  const isCustomer = party.role === "customer";
  const answer = party.consent ?? (isCustomer ? callConsent : "none");
  if (answer === "none") return [];
  const at = (ms: number) => new Date(start + ms).toISOString();
  const prefix = isCustomer && party.consent === undefined ? `${callId}-c` : `${callId}-p${index}-c`;
  const events: ConsentEventRow[] = [
    { eventId: `${prefix}1`, participantId, type: "consent.requested", method: "ivr-prompt", at: at(party.joinedAtMs) },
    {
      eventId: `${prefix}2`,
      participantId,
      type: answer === "given" ? "consent.given" : "consent.declined",
      method: party.consentMethod,
      at: at(party.joinedAtMs + 400),
    },
  ];
  if (party.withdrawnAtMs !== undefined) {
    events.push({ eventId: `${prefix}3`, participantId, type: "consent.withdrawn", method: "verbal", at: at(party.withdrawnAtMs) });
  }
  return events;
}
