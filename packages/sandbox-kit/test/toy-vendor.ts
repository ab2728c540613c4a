import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import express, { type Response as ExpressResponse } from "express";
import { z } from "zod";
import {
  countCall,
  createOracleRouter,
  enforceRateLimit,
  FaultPlan,
  FixedWindowRateLimiter,
  injectFaults,
  listenOnLoopback,
  malformRecords,
  SandboxClock,
  SandboxStats,
  sendInvalidOracleRequest,
  type FaultStyle,
  type RateLimitPolicy,
} from "../src/index";

/*
 * Test support: Toy CRM, the smallest sandbox built from the kit. Its vendor errors are
 * `{ "fault": { "status", "text" } }`, its rate-limit headers `Toy-Limit`/`Toy-Left`, and its
 * things live in `items`. Each seed gives one subject with two things and a bystander with one.
 */

interface Thing {
  id: string;
  ownerId: string;
  name: string;
  createdAt: string;
}

function seedThings(seed: number): { people: OraclePerson[]; things: Thing[] } {
  const subject = `sub_${seed}`;
  const bystander = `bys_${seed}`;
  return {
    people: [
      { id: subject, role: "subject", identifiers: [{ kind: "email", value: `subject${seed}@example.com` }] },
      { id: bystander, role: "bystander", bystanderOf: subject, identifiers: [{ kind: "email", value: `subject${seed}@example.org` }] },
    ],
    things: [
      { id: `thg_${seed}a`, ownerId: subject, name: "first", createdAt: "2024-01-01T00:00:00.000Z" },
      { id: `thg_${seed}b`, ownerId: subject, name: "second", createdAt: "2024-01-02T00:00:00.000Z" },
      { id: `thg_${seed}c`, ownerId: bystander, name: "third", createdAt: "2024-01-03T00:00:00.000Z" },
    ],
  };
}

function sendToyError(res: ExpressResponse, status: number, text: string): void {
  res.status(status).json({ fault: { status, text } });
}

export const toyToken = "toy-token";

export async function startToyVendor({ seed = 1, limit = 5 }: { seed?: number; limit?: number } = {}) {
  const clock = new SandboxClock();
  const faults = new FaultPlan();
  const stats = new SandboxStats();
  const limiter = new FixedWindowRateLimiter({ limit });
  let world = seedThings(seed);
  const clockMoves: Date[] = [];

  const faultStyle: FaultStyle = {
    faults,
    stats,
    sendStatus: (res, status) => sendToyError(res, status, "injected"),
    malform: malformRecords({ listKeys: ["items"], requiredField: "createdAt", keptFields: ["id"] }),
  };
  const rateLimit: RateLimitPolicy = {
    stats,
    decide: (req) => limiter.take(req.get("authorization") ?? "", clock.now()),
    headers: (decision) => ({ "Toy-Limit": String(decision.limit), "Toy-Left": String(decision.remaining) }),
    sendThrottled: (res) => sendToyError(res, 429, "slow down"),
  };

  const app = express();
  app.set("etag", false);
  const route = (path: string, handler: express.RequestHandler<{ id: string }>) => {
    const label = `GET ${path}`;
    app.get(
      path,
      countCall(stats, label),
      (req, res, next) => {
        if (req.get("authorization") === `Bearer ${toyToken}`) return next();
        stats.refuse();
        sendToyError(res, 401, "who are you");
      },
      enforceRateLimit(rateLimit),
      injectFaults(faultStyle, label),
      handler,
    );
  };
  route("/things", (_req, res) => {
    res.json({ items: world.things, more: false });
  });
  route("/things/:id", (req, res) => {
    const thing = world.things.find((candidate) => candidate.id === req.params.id);
    if (thing) res.json(thing);
    else sendToyError(res, 404, "no such thing");
  });
  route("/file", (_req, res) => {
    res.type("application/octet-stream").send(Buffer.from("0123456789"));
  });

  const oracle = createOracleRouter({
    clock,
    faults,
    stats,
    startSeed: seed,
    people: () => world.people,
    recordsHolding: (personId): OracleRecord[] =>
      world.things
        .filter((thing) => thing.ownerId === personId)
        .map((thing) => ({ ref: { type: "thing", id: thing.id }, store: "active", personalData: { name: thing.name }, anonymised: false })),
    reseed: (next) => {
      world = seedThings(next);
      limiter.clear();
    },
    afterClockMove: (now) => clockMoves.push(now),
  });
  // A vendor-specific knob on the kit's router: JSON bodies and the oracle's envelope come with it.
  let knob = false;
  oracle.post("/knob", (req, res) => {
    const parsed = z.object({ enabled: z.boolean() }).safeParse(req.body);
    if (!parsed.success) return sendInvalidOracleRequest(res, parsed.error);
    knob = parsed.data.enabled;
    res.status(200).json({ enabled: knob });
  });
  app.use("/__sandbox", oracle);
  app.use((_req, res) => sendToyError(res, 404, "no such route"));

  const listening = await listenOnLoopback(app);
  const vendor = (path: string) => fetch(`${listening.url}${path}`, { headers: { authorization: `Bearer ${toyToken}` } });
  const oracleCall = (method: string, path: string, body?: unknown) =>
    fetch(`${listening.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return { ...listening, vendor, oracle: oracleCall, clock, clockMoves, deleteThing: (id: string) => (world.things = world.things.filter((thing) => thing.id !== id)) };
}

export type ToyVendor = Awaited<ReturnType<typeof startToyVendor>>;

/* Shapes the tests read, parsed rather than cast. */
export const toyThings = z.object({ items: z.array(z.record(z.string(), z.unknown())) });
export const oracleStats = z.object({ calls: z.record(z.string(), z.number()), deletions: z.record(z.string(), z.number()), throttled: z.number(), unauthorised: z.number() });
export const oraclePeople = z.object({ people: z.array(z.object({ id: z.string() }).passthrough()) });
export const oracleRecords = z.object({ records: z.array(z.unknown()) });
export const oracleError = z.object({ error: z.object({ code: z.string(), message: z.string() }).passthrough() });
export const clockNow = z.object({ now: z.string() });
export const resetAnswer = z.object({ seed: z.number(), people: z.number() });

export async function readJson<T extends z.ZodType>(response: Response | Promise<Response>, schema: T): Promise<z.output<T>> {
  return schema.parse(await (await response).json());
}
