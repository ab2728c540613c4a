import { personalDataService } from "@lethe/redaction";
import {
  createHttpClient,
  createSafeLogger,
  createTokenBucketRateLimiter,
  RateLimitedError,
  type ErasureReceipt,
  type HttpClient,
  type JsonValue,
  type OraclePerson,
  type OracleStats,
} from "@lethe/connector-sdk";
import zendeskConnector, { zendeskSecrets, zendeskSettings, type ZendeskContext } from "@lethe/connector-zendesk";
import { startZendeskSandbox, type RunningZendeskSandbox } from "@lethe/connector-zendesk/sandbox";
import type { Benchmark, BenchmarkRow } from "../benchmark";

/**
 * Zendesk calls one erasure costs — locate, erase, and the confirm of what Zendesk finishes
 * asynchronously (the ticket deletion jobs, the deleted user's scrub) — for a person with 1, 10
 * and 100 requested tickets, beside the minimum the API allows for the same work. To locate: one
 * user search, one identities page, one requested-tickets page per 100, one page of the tickets
 * the user is copied in on (`/users/:id/tickets/ccd`, which took the place of the export search
 * for `cc:`/`follower:`/`submitter:`/`commenter:` that vendor-apis.md §2 does not record: the
 * count is unchanged, the call is not) and one mention search; to erase: soft and permanent bulk
 * deletion of ≤ 100 tickets per call, each a job polled once; soft and permanent user deletion
 * and one scrub check. The measured person has no CCs, so one `ccd` page is the minimum.
 *
 * Then a backlog of erasures against the sandbox at the Team plan's 200 requests a minute, for a
 * window (`--zendesk-window-seconds`, default 60): requests achieved ÷ the ceiling (aim ≥ 0.9),
 * 429s received, and erasures failed by a 429. The connector is paced by the SDK's token bucket
 * just under the ceiling, as the runtime's limiter would pace an instance declared at 200/min.
 */
export const zendeskCalls: Benchmark = {
  name: "zendesk-calls",
  description: "Zendesk API calls per erasure (1, 10, 100 tickets) beside the API minimum; a backlog at 200 req/min as throughput ÷ ceiling",
  async run({ flags, log }) {
    const rows: BenchmarkRow[] = [];
    const costs = new Map<number, number>();
    for (const tickets of [1, 10, 100]) {
      const { rows: measured, calls } = await callsPerErasure(tickets, log);
      rows.push(...measured);
      costs.set(tickets, calls);
    }
    const oneTicket = costs.get(1) ?? 1;
    rows.push(...(await backlog(flags.number("zendesk-window-seconds", 60), flags.number("zendesk-workers", 2), oneTicket, log)));
    return rows;
  },
};

async function callsPerErasure(tickets: number, log: (message: string) => void): Promise<{ rows: BenchmarkRow[]; calls: number }> {
  const sandbox = await startZendeskSandbox({ seed: 1, people: 1, extraPeopleTickets: tickets, rateLimitPerMinute: 1_000_000 });
  try {
    // The extra person is the last *subject*: the relatives seeded after everything else are bystanders.
    const person = (await oracleOf(sandbox).people()).filter((p) => p.role === "subject").at(-1);
    if (!person) throw new Error("the Zendesk sandbox seeded no extra person");
    const receipts = await eraseOne(sandbox, person, createHttpClient({ timeoutMs: 30_000 }));
    const stats = await oracleOf(sandbox).stats();
    const left = (await oracleOf(sandbox).records(person.id)).length;
    const pages = Math.ceil(tickets / 100);
    // user search, identities, requested pages, the ccd page, mention search.
    const minimum = { locate: 4 + pages, erase: 4 * pages + 3 };
    const calls = { locate: sum(stats, /search|identities|requested|ccd|comments|^GET \/api\/v2\/users\/:id$/), total: total(stats) };
    log(`zendesk-calls: ${tickets} ticket(s): ${calls.total} calls (${calls.locate} to locate, minimum ${minimum.locate}), minimum ${minimum.locate + minimum.erase}; ${receipts.length} receipts, ${left} record(s) left`);
    const rows: BenchmarkRow[] = [
      { metric: `calls per erasure, ${tickets} ticket(s)`, value: calls.total, baseline: minimum.locate + minimum.erase, better: "lower" },
      { metric: `records left after erasure, ${tickets} ticket(s)`, value: left, baseline: 0, better: "equal" },
    ];
    return { rows, calls: calls.total };
  } finally {
    await sandbox.stop();
  }
}

/** Locate, erase the strong matches, move the sandbox clock past Zendesk's asynchronous steps, confirm. */
async function eraseOne(sandbox: RunningZendeskSandbox, person: OraclePerson, http: HttpClient, signal?: AbortSignal): Promise<ErasureReceipt[]> {
  const ctx = contextFor(sandbox, http, signal);
  const refs = [];
  for await (const record of zendeskConnector.locate(ctx, { identifiers: person.identifiers })) {
    if (record.matchedBy.some((match) => match.strength === "strong")) refs.push(record.ref);
  }
  const receipts: ErasureReceipt[] = [];
  for await (const receipt of zendeskConnector.erase?.(ctx, refs, { action: "erase" }) ?? []) receipts.push(receipt);
  const pending = receipts.filter((receipt) => receipt.outcome === "pending");
  if (pending.length === 0) return receipts;
  await oracleOf(sandbox).post("clock", { advanceMs: 5 * 60_000 });
  for await (const receipt of zendeskConnector.confirm?.(ctx, pending) ?? []) receipts.push(receipt);
  return receipts;
}

async function backlog(windowSeconds: number, workers: number, callsPerOne: number, log: (message: string) => void): Promise<BenchmarkRow[]> {
  const ceiling = 200;
  // Enough people that the window never runs dry: a one-ticket erasure costs about 15 calls.
  const sandbox = await startZendeskSandbox({ seed: 7, people: Math.ceil((ceiling * windowSeconds) / 60 / 8) + 10, extraPeopleTickets: 1 });
  try {
    const people = (await oracleOf(sandbox).people()).filter((person) => person.role === "subject").slice(4);
    // A bucket whose rate plus burst stays within any 60-second window of the vendor's count.
    const limiter = createTokenBucketRateLimiter({ requestsPerMinute: ceiling - 4, burst: 4 });
    // The window ends the run: erasures still in flight are aborted, so only its requests count.
    const window = AbortSignal.timeout(windowSeconds * 1000);
    const http = createHttpClient({ rateLimiter: limiter, timeoutMs: 30_000, signal: window });
    let completed = 0;
    let failedBy429 = 0;
    const queue = [...people];
    const before = total(await oracleOf(sandbox).stats());
    const startedAt = Date.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let person = queue.shift(); person && !window.aborted; person = queue.shift()) {
          try {
            await eraseOne(sandbox, person, http, window);
            completed++;
          } catch (error) {
            if (error instanceof RateLimitedError) failedBy429++;
            else if (!window.aborted) throw error;
          }
        }
      }),
    );
    const minutes = Math.max(windowSeconds, (Date.now() - startedAt) / 1000) / 60;
    const stats = await oracleOf(sandbox).stats();
    const achieved = (total(stats) - before) / minutes;
    log(`zendesk-calls: backlog: ${completed} erasures in ${(minutes * 60).toFixed(1)} s, ${achieved.toFixed(1)} requests/min of ${ceiling}; ${stats.throttled} 429s`);
    return [
      { metric: `backlog requests/min ÷ ${ceiling} ceiling`, value: achieved / ceiling, baseline: 0.9, better: "higher" },
      { metric: "backlog 429s received", value: stats.throttled, baseline: 0, better: "equal" },
      { metric: "backlog erasures failed by 429", value: failedBy429, baseline: 0, better: "equal" },
      // Beside what the ceiling allows at the measured cost of a one-ticket erasure.
      { metric: "backlog erasures per minute", value: completed / minutes, baseline: ceiling / callsPerOne, better: "higher" },
    ];
  } finally {
    await sandbox.stop();
  }
}

function oracleOf(sandbox: RunningZendeskSandbox) {
  const get = async <T>(path: string): Promise<T> => (await fetch(`${sandbox.url}/__sandbox/${path}`)).json() as Promise<T>;
  return {
    people: async () => (await get<{ people: OraclePerson[] }>("people")).people,
    records: async (id: string) => (await get<{ records: unknown[] }>(`people/${id}/records`)).records,
    stats: () => get<OracleStats>("stats"),
    post: (path: string, body: unknown) =>
      fetch(`${sandbox.url}/__sandbox/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  };
}

function total(stats: OracleStats): number {
  return Object.values(stats.calls).reduce((all, calls) => all + calls, 0);
}

function sum(stats: OracleStats, routes: RegExp): number {
  return Object.entries(stats.calls).reduce((all, [route, calls]) => (routes.test(route) ? all + calls : all), 0);
}

function contextFor(sandbox: RunningZendeskSandbox, http: HttpClient, signal = new AbortController().signal): ZendeskContext {
  let saved: JsonValue | undefined;
  return {
    settings: zendeskSettings.parse(sandbox.settings),
    secrets: zendeskSecrets.parse(sandbox.credentials),
    http,
    log: createSafeLogger({ level: "warn", sink: () => undefined }),
    signal,
    clock: { now: () => new Date() },
    checkpoint: { load: async () => saved, save: async (state) => void (saved = state) },
    instance: { id: "bench-zendesk", connectorId: "zendesk", connectorVersion: zendeskConnector.version },
    personalData: personalDataService,
  };
}
