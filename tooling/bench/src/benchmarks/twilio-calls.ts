import { personalDataService } from "@lethe/redaction";
import { createHttpClient, createSafeLogger, identifierKey, type JsonValue, type OraclePerson, type OracleStats, type RunningSandbox } from "@lethe/connector-sdk";
import twilioConnector, { legAddresses, twilioSecrets, twilioSettings, type TwilioContext } from "@lethe/connector-twilio";
import twilioSandbox from "@lethe/connector-twilio/sandbox";
import type { Benchmark, BenchmarkRow } from "../benchmark";

interface OracleRecordRef {
  ref: { type: string; id: string };
}

/**
 * Twilio calls one erasure costs (locate the subject's records, then delete the strong matches),
 * beside the minimum the API allows for the same records, computed from the sandbox's oracle:
 * Twilio's `To`/`From` filters match exactly and one leg at a time, so each of the subject's
 * addresses needs two call listings (a number also two message listings, and two call listings
 * per SIP domain as `sip:{number}@{domain}`); then one recordings listing per call, one
 * transcriptions listing per recording, one media listing per message with media, and one DELETE
 * per record. Pages of 1000 (Twilio's largest) make one page per listing. Measured for every
 * subject whose identifiers no one else holds (so every record is a strong match and erased),
 * counted by the sandbox (`/__sandbox/stats`).
 */
export const twilioCalls: Benchmark = {
  name: "twilio-calls",
  description: "Twilio API calls per erasure (locate + erase) beside the API's minimum for the same records",
  async run({ flags, log }) {
    const sandbox = await twilioSandbox.start({ seed: 1, people: flags.number("twilio-people", 20), rateLimitPerMinute: 1_000_000 });
    try {
      const oracle = oracleOf(sandbox);
      const people = await oracle.people();
      const holders = new Map<string, number>();
      for (const person of people) for (const identifier of person.identifiers) holders.set(identifierKey(identifier), (holders.get(identifierKey(identifier)) ?? 0) + 1);
      const subjects = people.filter((person) => person.role === "subject" && person.identifiers.every((identifier) => holders.get(identifierKey(identifier)) === 1));
      if (subjects.length === 0) throw new Error("the Twilio sandbox has no subject whose identifiers are theirs alone");
      const settings = twilioSettings.parse(sandbox.settings);
      let measured = 0;
      let minimum = 0;
      let worst = 0;
      let left = 0;
      let refused = 0;
      let records = 0;
      for (const person of subjects) {
        await oracle.reset();
        const held = await oracle.records(person.id);
        const floor = minimumCalls(person, held, settings.sipDomains);
        const before = total(await oracle.stats());
        const retained = await eraseOne(sandbox, person);
        const calls = total(await oracle.stats()) - before;
        const remaining = (await oracle.records(person.id)).length;
        log(`twilio-calls: ${person.id}: ${held.length} records, ${calls} calls, minimum ${floor}; ${remaining} record(s) left, ${retained} refused by Twilio`);
        measured += calls;
        minimum += floor;
        worst = Math.max(worst, calls / floor);
        left += remaining;
        refused += retained;
        records += held.length;
      }
      const rows: BenchmarkRow[] = [
        { metric: `calls per erasure (mean of ${subjects.length} subjects, ${(records / subjects.length).toFixed(1)} records each)`, value: measured / subjects.length, baseline: minimum / subjects.length, better: "lower" },
        { metric: "calls ÷ minimum, worst subject", value: worst, baseline: 1, better: "lower" },
        // Only what Twilio refused (a call still in progress), each retained with its error code, may remain.
        { metric: "records left after erasure (baseline: refused by Twilio)", value: left, baseline: refused, better: "equal" },
      ];
      return rows;
    } finally {
      await sandbox.stop();
    }
  },
};

/** The API's floor for finding and deleting these records (see the benchmark's description). */
export function minimumCalls(person: OraclePerson, held: readonly OracleRecordRef[], sipDomains: readonly string[]): number {
  const listings = person.identifiers.flatMap((identifier) => legAddresses(identifier, sipDomains)).reduce((sum, leg) => sum + 2 * leg.listings.length, 0);
  const count = (type: string) => held.filter((record) => record.ref.type === type).length;
  const messagesWithMedia = new Set(held.filter((record) => record.ref.type === "media").map((record) => record.ref.id.split(":")[0])).size;
  return listings + count("call") + count("recording") + messagesWithMedia + held.length;
}

/** Locates and erases one person; the number of records Twilio refused to delete (retained with its reason). */
async function eraseOne(sandbox: RunningSandbox, person: OraclePerson): Promise<number> {
  const ctx = contextFor(sandbox);
  const refs = [];
  for await (const record of twilioConnector.locate(ctx, { identifiers: person.identifiers })) {
    if (record.matchedBy.some((match) => match.strength === "strong")) refs.push(record.ref);
  }
  let retained = 0;
  for await (const receipt of twilioConnector.erase?.(contextFor(sandbox), refs, { action: "erase" }) ?? []) {
    // Twilio refuses to delete a call still in progress (error 20009): its DELETE is spent, the record stays.
    if (receipt.outcome === "retained") retained++;
    else if (receipt.outcome !== "erased") throw new Error(`twilio-calls: ${receipt.ref.type}/${receipt.ref.id} was ${receipt.outcome}, not erased`);
  }
  return retained;
}

function oracleOf(sandbox: RunningSandbox) {
  const get = async <T>(path: string): Promise<T> => (await fetch(`${sandbox.url}/__sandbox/${path}`)).json() as Promise<T>;
  return {
    people: async () => (await get<{ people: OraclePerson[] }>("people")).people,
    records: async (id: string) => (await get<{ records: OracleRecordRef[] }>(`people/${id}/records`)).records,
    stats: () => get<OracleStats>("stats"),
    reset: () => fetch(`${sandbox.url}/__sandbox/reset`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
  };
}

function total(stats: OracleStats): number {
  return Object.values(stats.calls).reduce((all, calls) => all + calls, 0);
}

function contextFor(sandbox: RunningSandbox): TwilioContext {
  let saved: JsonValue | undefined;
  return {
    settings: twilioSettings.parse(sandbox.settings),
    secrets: twilioSecrets.parse(sandbox.credentials),
    http: createHttpClient({ timeoutMs: 30_000 }),
    log: createSafeLogger({ level: "warn", sink: () => undefined }),
    signal: new AbortController().signal,
    clock: { now: () => new Date() },
    checkpoint: { load: async () => saved, save: async (state) => void (saved = state) },
    instance: { id: "bench-twilio", connectorId: "twilio", connectorVersion: twilioConnector.version },
    personalData: personalDataService,
  };
}
