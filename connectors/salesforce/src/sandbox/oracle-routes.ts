import type { OracleClockChange, OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { Router, type Response } from "express";
import { z } from "zod";
import { oracleFaultSchema } from "./faults";
import type { SandboxState } from "./sandbox-state";

const clockChangeSchema = z
  .object({ advanceMs: z.int().nonnegative().optional(), set: z.iso.datetime({ offset: true }).optional() })
  .refine((change) => (change.advanceMs === undefined) !== (change.set === undefined), { message: "Give exactly one of advanceMs or set" }) satisfies z.ZodType<OracleClockChange>;
const resetSchema = z.object({ seed: z.int().optional() }).optional();
const allocationSchema = z.object({ max: z.int().positive().optional(), spend: z.int().nonnegative().optional() });
const bulkSchema = z.object({ hardDeletePermission: z.boolean().optional(), processingMs: z.int().nonnegative().optional() });

/**
 * The oracle, under `/__sandbox` (CONNECTORS.md, the same routes in every sandbox): people, a
 * person's records in every store (active, archived, Recycle Bin), stats, faults, clock, reset;
 * and two Salesforce knobs: `POST /api-allocation {max?, spend?}` (the daily allocation) and
 * `POST /bulk {hardDeletePermission?, processingMs?}` (Bulk API hard delete).
 */
export function oracleRoutes(state: SandboxState): Router {
  const oracle = Router();
  oracle.get("/people", (_req, res) => {
    const people: OraclePerson[] = state.world.oraclePeople;
    res.status(200).json({ people });
  });
  oracle.get("/people/:id/records", (req, res) => {
    if (!state.world.oraclePeople.some((person) => person.id === req.params.id)) {
      res.status(404).json({ error: { code: "not_found", message: "No such seeded person." } });
      return;
    }
    const records: OracleRecord[] = state.store.recordsHolding(req.params.id);
    res.status(200).json({ records });
  });
  oracle.get("/stats", (_req, res) => {
    res.status(200).json(state.stats.snapshot());
  });
  oracle.post("/faults", (req, res) => {
    const parsed = oracleFaultSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    state.faults.add(parsed.data);
    res.status(201).json({ faults: state.faults.pending() });
  });
  oracle.delete("/faults", (_req, res) => {
    state.faults.clear();
    res.status(204).end();
  });
  oracle.post("/clock", (req, res) => {
    const parsed = clockChangeSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    if (parsed.data.advanceMs !== undefined) state.clock.advance(parsed.data.advanceMs);
    if (parsed.data.set !== undefined) state.clock.set(new Date(parsed.data.set));
    state.store.expireRecycleBin(state.clock.now());
    res.status(200).json({ now: state.clock.now().toISOString() });
  });
  oracle.post("/reset", (req, res) => {
    const parsed = resetSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const seed = parsed.data?.seed ?? state.config.seed;
    state.reset(seed);
    res.status(200).json({ seed, people: state.world.oraclePeople.length });
  });
  oracle.post("/api-allocation", (req, res) => {
    const parsed = allocationSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    if (parsed.data.max !== undefined) state.allocation.max = parsed.data.max;
    if (parsed.data.spend !== undefined) state.allocation.spend(parsed.data.spend, state.clock.now());
    res.status(200).json({ max: state.allocation.max, used: state.allocation.used(state.clock.now()) });
  });
  oracle.post("/bulk", (req, res) => {
    const parsed = bulkSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    if (parsed.data.hardDeletePermission !== undefined) state.hardDeletePermission = parsed.data.hardDeletePermission;
    if (parsed.data.processingMs !== undefined) state.bulkProcessingMs = parsed.data.processingMs;
    res.status(200).json({ hardDeletePermission: state.hardDeletePermission, processingMs: state.bulkProcessingMs });
  });
  return oracle;
}

function invalid(res: Response, error: z.ZodError): void {
  res.status(400).json({ error: { code: "invalid_request", message: "The body does not match the oracle's schema.", issues: error.issues } });
}
