import { personalDataService } from "@lethe/redaction";
import { createHttpClient, createSafeLogger, type JsonValue, type LocatedRecord, type OraclePerson, type OracleStats } from "@lethe/connector-sdk";
import salesforceConnector, { salesforceSecrets, salesforceSettings, type SalesforceContext } from "@lethe/connector-salesforce";
import { startSalesforceSandbox } from "@lethe/connector-salesforce/sandbox";
import type { Benchmark, BenchmarkRow } from "../benchmark";

/**
 * Salesforce calls one erasure costs (locate the subject's strong records, then erase them: delete,
 * then a Bulk API 2.0 hardDelete job per object), for a subject with few related records and one
 * with many, beside the minimum the same strategy needs: one token request, one composite delete
 * per 200 records and five Bulk calls (create, upload, close, status, results) per object type.
 * The extra calls are the connector's presence checks (one queryAll per object type, which make a
 * second erase change nothing). Counted by the sandbox (`/__sandbox/stats`).
 */
export const salesforceCalls: Benchmark = {
  name: "salesforce-calls",
  description: "Salesforce API calls per erasure (locate + erase) beside the minimum, for people with few and many related records",
  async run({ log }) {
    const sandbox = await startSalesforceSandbox({ seed: 1 });
    try {
      const oracle = async <T>(path: string, init?: RequestInit): Promise<T> => (await fetch(`${sandbox.url}/__sandbox/${path}`, init)).json() as Promise<T>;
      const { people } = await oracle<{ people: OraclePerson[] }>("people");
      const subjects = people.filter((person) => person.role === "subject");
      const held = await Promise.all(subjects.map(async (person) => ({ person, count: (await oracle<{ records: unknown[] }>(`people/${person.id}/records`)).records.length })));
      held.sort((a, b) => a.count - b.count);
      const few = held[0];
      const many = held[held.length - 1];
      if (!few || !many) throw new Error("the Salesforce sandbox has no subjects");
      const rows: BenchmarkRow[] = [];
      for (const [label, { person }] of [["few", few], ["many", many]] as const) {
        await fetch(`${sandbox.url}/__sandbox/reset`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        const ctx = contextFor(sandbox.settings, sandbox.credentials);
        const located: LocatedRecord[] = [];
        for await (const record of salesforceConnector.locate(ctx, { identifiers: person.identifiers })) located.push(record);
        const afterLocate = total(await oracle<OracleStats>("stats"));
        const refs = located.filter((record) => record.matchedBy.some((match) => match.strength === "strong")).map((record) => record.ref);
        const erase = salesforceConnector.erase?.bind(salesforceConnector);
        if (!erase) throw new Error("the Salesforce connector declares no erase");
        const eraseCtx = contextFor(sandbox.settings, sandbox.credentials);
        let erased = 0;
        for await (const receipt of erase(eraseCtx, refs, { action: "erase" })) if (receipt.outcome === "erased") erased++;
        const afterErase = total(await oracle<OracleStats>("stats")) - afterLocate;
        const types = new Set(refs.map((ref) => ref.type)).size;
        const minimum = 1 + Math.ceil(refs.length / 200) + 5 * types;
        log(`salesforce-calls: ${label}: ${refs.length} records in ${types} object types; locate ${afterLocate} calls, erase ${afterErase} calls (minimum ${minimum}); ${erased} erased`);
        rows.push({ metric: `erase calls, ${label} records (${refs.length} in ${types} types)`, value: afterErase, baseline: minimum, better: "lower" });
        // Locate's floor: one query per object type that holds the subject's records, plus the token.
        rows.push({ metric: `locate calls, ${label} records`, value: afterLocate, baseline: 1 + types, better: "lower" });
        rows.push({ metric: `records erased, ${label} records`, value: erased, baseline: refs.length, better: "equal" });
      }
      return rows;
    } finally {
      await sandbox.stop();
    }
  },
};

function total(stats: OracleStats): number {
  return Object.values(stats.calls).reduce((sum, calls) => sum + calls, 0);
}

function contextFor(settings: Record<string, unknown>, credentials: Record<string, unknown>): SalesforceContext {
  let saved: JsonValue | undefined;
  return {
    settings: salesforceSettings.parse(settings),
    secrets: salesforceSecrets.parse(credentials),
    http: createHttpClient({ timeoutMs: 30_000 }),
    log: createSafeLogger({ level: "warn", sink: () => undefined }),
    signal: new AbortController().signal,
    clock: { now: () => new Date() },
    checkpoint: { load: async () => saved, save: async (state) => void (saved = state) },
    instance: { id: "bench-salesforce", connectorId: "salesforce", connectorVersion: salesforceConnector.version },
    personalData: personalDataService,
  };
}
