import type { OracleFault } from "@lethe/connector-sdk";
import { z } from "zod";

const route = z.string().min(1);
const times = z.int().positive().optional();

/** `POST /__sandbox/faults` bodies: the SDK's `OracleFault`, checked at the door. */
export const oracleFaultSchema = z.discriminatedUnion("kind", [
  z.object({ route, times, kind: z.literal("status"), status: z.int().min(400).max(599), retryAfterSeconds: z.number().nonnegative().optional() }),
  z.object({ route, times, kind: z.literal("slow"), delayMs: z.int().nonnegative() }),
  z.object({ route, times, kind: z.literal("truncated") }),
  z.object({ route, times, kind: z.literal("malformed") }),
]) satisfies z.ZodType<OracleFault>;

interface ArmedFault {
  fault: OracleFault;
  remaining: number;
}

/**
 * Faults waiting to hit vendor requests. A fault matches its route label (`GET /api/people/:id`,
 * the label the sandbox gives the route) or every vendor route (`*`); each match uses up one of
 * its `times` (default 1). Faults fire in the order they were added.
 */
export class FaultPlan {
  private armed: ArmedFault[] = [];

  add(fault: OracleFault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault this request meets, if any, used up as it is returned. */
  take(routeLabel: string): OracleFault | undefined {
    const index = this.armed.findIndex(({ fault }) => fault.route === "*" || fault.route === routeLabel);
    const found = this.armed[index];
    if (!found) return undefined;
    found.remaining--;
    if (found.remaining === 0) this.armed.splice(index, 1);
    return found.fault;
  }

  /** What is still armed, with the `times` each has left. */
  pending(): OracleFault[] {
    return this.armed.map(({ fault, remaining }) => ({ ...fault, times: remaining }));
  }
}
