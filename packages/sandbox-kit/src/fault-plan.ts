import type { OracleFault, OracleRandomFaults } from "@lethe/connector-sdk";
import { z } from "zod";
import { seededRandom } from "./seeded-random";

const route = z.string().min(1);
const times = z.int().positive().optional();

/** `POST /__sandbox/faults` bodies: the SDK's `OracleFault`, checked at the door. */
export const oracleFaultSchema = z.discriminatedUnion("kind", [
  z.object({ route, times, kind: z.literal("status"), status: z.int().min(400).max(599), retryAfterSeconds: z.number().nonnegative().optional() }),
  z.object({ route, times, kind: z.literal("slow"), delayMs: z.int().nonnegative() }),
  z.object({ route, times, kind: z.literal("truncated") }),
  z.object({ route, times, kind: z.literal("malformed") }),
]) satisfies z.ZodType<OracleFault>;

/** `POST /__sandbox/faults/random` bodies: the SDK's `OracleRandomFaults`. */
export const oracleRandomFaultsSchema = z.object({
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(["status", "slow", "truncated", "malformed"])).min(1),
  seed: z.int().optional(),
  route: route.optional(),
  statuses: z.array(z.int().min(400).max(599)).min(1).optional(),
  delayMs: z.int().nonnegative().max(120_000).optional(),
  retryAfterSeconds: z.number().nonnegative().optional(),
}) satisfies z.ZodType<OracleRandomFaults>;

const defaultStatuses = [429, 500, 502, 503] as const;

interface ArmedFault {
  fault: OracleFault;
  remaining: number;
}

interface RandomFaults {
  spec: OracleRandomFaults;
  next: () => number;
  injected: number;
}

/**
 * Faults waiting to hit vendor requests. A fault matches its route label (`GET /api/people/:id`,
 * the label the sandbox gives the route) or every vendor route (`*`); each match uses up one of
 * its `times` (default 1). Faults fire in the order they were added. A request no armed fault
 * matches may still meet a random one (`randomize`), drawn from a seeded generator so that a
 * run's sequence of faults is the same every time.
 */
export class FaultPlan {
  private armed: ArmedFault[] = [];
  private random: RandomFaults | undefined;

  add(fault: OracleFault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  /** From now on, each matching request meets a fault with probability `spec.rate` (replaces any earlier spec). */
  randomize(spec: OracleRandomFaults): void {
    this.random = { spec, next: seededRandom(spec.seed ?? 1), injected: 0 };
  }

  clear(): void {
    this.armed = [];
    this.random = undefined;
  }

  /** The fault this request meets, if any, used up as it is returned. */
  take(routeLabel: string): OracleFault | undefined {
    const index = this.armed.findIndex(({ fault }) => fault.route === "*" || fault.route === routeLabel);
    const found = this.armed[index];
    if (!found) return this.draw(routeLabel);
    found.remaining--;
    if (found.remaining === 0) this.armed.splice(index, 1);
    return found.fault;
  }

  /** What is still armed, with the `times` each has left. */
  pending(): OracleFault[] {
    return this.armed.map(({ fault, remaining }) => ({ ...fault, times: remaining }));
  }

  /** The random spec in force, if any, with how many faults it has injected so far. */
  randomFaults(): (OracleRandomFaults & { injected: number }) | undefined {
    return this.random ? { ...this.random.spec, injected: this.random.injected } : undefined;
  }

  private draw(routeLabel: string): OracleFault | undefined {
    const random = this.random;
    if (!random) return undefined;
    const { spec, next } = random;
    const route = spec.route ?? "*";
    if (route !== "*" && route !== routeLabel) return undefined;
    if (next() >= spec.rate) return undefined;
    random.injected += 1;
    const kind = pick(spec.kinds, next());
    switch (kind) {
      case "status": {
        const status = pick(spec.statuses ?? defaultStatuses, next());
        return {
          route: routeLabel,
          kind,
          status,
          ...(spec.retryAfterSeconds !== undefined && (status === 429 || status === 503) ? { retryAfterSeconds: spec.retryAfterSeconds } : {}),
        };
      }
      case "slow":
        return { route: routeLabel, kind, delayMs: spec.delayMs ?? 250 };
      case "truncated":
      case "malformed":
        return { route: routeLabel, kind };
    }
  }
}

function pick<T>(values: readonly T[], draw: number): T {
  const value = values[Math.min(values.length - 1, Math.floor(draw * values.length))];
  if (value === undefined) throw new RangeError("nothing to pick from");
  return value;
}
