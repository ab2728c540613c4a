import { loadavg } from "node:os";
import autocannon from "autocannon";
import { z } from "zod";
import type { Benchmark, BenchmarkRow } from "../../benchmark";
import { startChildScript } from "../../child-script";

const announcementSchema = z.object({ apiUrl: z.string().url(), pingUrl: z.string().url(), token: z.string(), requestId: z.uuid() });

interface Load {
  connections: number;
  seconds: number;
}

interface Measured {
  p50: number;
  p99: number;
  perSecond: number;
  /** Responses outside 2xx plus connection errors and timeouts: any of these makes the other numbers suspect. */
  failures: number;
}

/**
 * Latency (p50, p99) and throughput of two API routes under a fixed number of connections —
 * `GET /api/v1/requests/:id` (one request's full detail) and `POST /api/v1/requests` (filing,
 * validated, audited; no worker runs) — each authenticated with an API token, beside a bare Express
 * route (`GET /ping` → `{ok:true}`) served by the same child process through the same HTTP server
 * setup and measured in the same run. The ratio is the price of Lethe's middleware, auth and
 * database work over Express and Node's HTTP stack. autocannon runs here, the servers and the
 * database client in a child process, so the load generator does not compete with the server for
 * one event loop (PostgreSQL is a process of its own).
 */
export const apiLatency: Benchmark = {
  name: "api-latency",
  description: "API latency p50/p99 and requests/s for GET and POST /api/v1/requests beside a trivial Express route",
  async run({ flags, log }) {
    const load: Load = { connections: flags.number("api-connections", 10), seconds: flags.number("api-seconds", 5) };
    const warmupSeconds = flags.number("api-warmup-seconds", 1);
    const child = startChildScript(new URL("./api-server.ts", import.meta.url), []);
    try {
      const server = announcementSchema.parse(await child.nextLine());
      const auth = { authorization: `Bearer ${server.token}` };
      const targets: Array<[string, autocannon.Options]> = [
        ["GET /ping (trivial)", { url: `${server.pingUrl}/ping` }],
        ["GET /requests/:id", { url: `${server.apiUrl}/api/v1/requests/${server.requestId}`, headers: auth }],
        [
          "POST /requests",
          {
            url: `${server.apiUrl}/api/v1/requests`,
            method: "POST",
            headers: { ...auth, "content-type": "application/json" },
            body: JSON.stringify({ type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "bench.subject@example.com" }] }),
          },
        ],
      ];
      const results = new Map<string, Measured>();
      for (const [name, options] of targets) {
        if (warmupSeconds > 0) await fire(options, { connections: load.connections, seconds: warmupSeconds });
        const measured = await fire(options, load);
        log(`api-latency: ${name}: p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${measured.perSecond.toFixed(0)} req/s, ${measured.failures} failures (${load.connections} connections, ${load.seconds} s)`);
        if (measured.failures > 0) log(`api-latency: warning: ${name} had ${measured.failures} failed responses; its numbers are not comparable`);
        results.set(name, measured);
      }
      const trivial = results.get("GET /ping (trivial)");
      if (!trivial) throw new Error("the trivial route was not measured");
      const rows: BenchmarkRow[] = [];
      for (const name of ["GET /requests/:id", "POST /requests"]) {
        const measured = results.get(name);
        if (!measured) continue;
        // The headline number: how much slower than Express alone the route's slowest 1 % are.
        log(
          `api-latency: ${name} p99 ÷ trivial p99 at ${load.connections} connections: ${(measured.p99 / Math.max(trivial.p99, 1)).toFixed(2)}× (load average ${loadavg()[0]?.toFixed(2)})`,
        );
        rows.push(
          { metric: `${name} p50 ms`, value: measured.p50, baseline: trivial.p50, better: "lower" },
          { metric: `${name} p99 ms`, value: measured.p99, baseline: trivial.p99, better: "lower" },
          { metric: `${name} requests/s`, value: measured.perSecond, baseline: trivial.perSecond, better: "higher" },
          { metric: `${name} failed responses`, value: measured.failures, baseline: trivial.failures, better: "equal" },
        );
      }
      return rows;
    } finally {
      await child.stop();
    }
  },
};

async function fire(options: autocannon.Options, load: Load): Promise<Measured> {
  const result = await autocannon({ ...options, connections: load.connections, duration: load.seconds });
  const succeeded = result.requests.total - result.non2xx;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Only 2xx answers count as throughput: a fast 401 is not work done.
    perSecond: succeeded / result.duration,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
