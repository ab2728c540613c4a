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
  /** 0 or 1: the stereo channel carrying their voice; null for a party recorded on no channel. */
  channel: z.union([z.literal(0), z.literal(1)]).nullable(),
  email: z.email().nullable().default(null),
  externalContactId: z.string().min(1).nullable().default(null),
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
    const participants: ParticipantRow[] = spec.participants.map((p) => ({ participantId: base64Id(), ...p, joinedAt: new Date(start).toISOString() }));
    const turns: Turn[] = spec.lines.map((spoken) => {
      const speaker = participants[spoken.participant];
      if (!speaker) throw new Error("checked by the schema");
      return turnOf(speaker, spoken.text, {}, spoken.pan);
    });
    const { utterances, cardMentions, durationMs } = layOut(turns, (index) => `${id}-u${index}`, () => 0.95);
    const customer = participants.find((p) => p.role === "customer");
    const at = (ms: number) => new Date(start + ms).toISOString();
    const consentEvents: ConsentEventRow[] =
      spec.consent === "none" || !customer
        ? []
        : [
            { eventId: `${id}-c1`, participantId: customer.participantId, type: "consent.requested", method: "ivr-prompt", at: at(0) },
            { eventId: `${id}-c2`, participantId: customer.participantId, type: spec.consent === "given" ? "consent.given" : "consent.declined", method: "dtmf", at: at(400) },
          ];
    if (spec.qualityTraining !== "none" && customer) {
      const type = spec.qualityTraining === "given" ? "consent.given" : "consent.declined";
      consentEvents.push(
        { eventId: `${id}-c3`, participantId: customer.participantId, type: "consent.requested", method: "ivr-prompt", at: at(800), purpose: "quality-training" },
        { eventId: `${id}-c4`, participantId: customer.participantId, type, method: "dtmf", at: at(1200), purpose: "quality-training" },
      );
    }
    const day = 86_400_000;
    return {
      id,
      conversationId: faker.string.uuid(),
      sessionId: base64Id(),
      groupId: base64Id(),
      streamIds: [base64Id(), base64Id()],
      sipSessionId: "",
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + durationMs).toISOString(),
      durationMs,
      audio: seededFormat,
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
