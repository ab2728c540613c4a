import { declaredOperations } from "@lethe/connector-sdk";
import { randomUUID } from "node:crypto";
import type { AnyConnector, CardSweepInput, CardSweepPage, ConnectorContext } from "@lethe/connector-sdk";
import { enqueueJob, getConnectorInstance, loadCheckpoint, saveCheckpoint, type Database } from "@lethe/db";
import { appendAudit } from "./audit/append-audit";
import { z } from "zod";
import type { ConnectorRegistry } from "./connector-registry";
import { maxJobAttempts, taskNames } from "./tasks/jobs";

/**
 * A PCI sweep: one connector instance's calls of an interval searched for spoken card numbers,
 * each removed (PCI DSS 3.3.1: no sensitive authentication data after authorisation, holds or
 * not). Not part of any request; its progress and result live in `job_checkpoints` under
 * `pci-sweep:<id>` (the cursor it resumes from included) and its steps in the audit log.
 */
export const pciSweepStateSchema = z.object({
  id: z.uuid(),
  instanceId: z.uuid(),
  /** `start/end`, ISO 8601 instants: the calls that started inside it. */
  interval: z.string(),
  status: z.enum(["queued", "running", "completed", "failed"]),
  /** Where the next page starts; null before the first page and after the last. */
  cursor: z.string().nullable(),
  pages: z.int().nonnegative(),
  recordingsScanned: z.int().nonnegative(),
  recordingsRedacted: z.int().nonnegative(),
  cardsRemoved: z.int().nonnegative(),
  /** Calls under legal hold whose card numbers were removed all the same. */
  heldRecordingsRedacted: z.int().nonnegative(),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** Why a failed sweep stopped: the error's class and message, identifiers scrubbed. */
  error: z.string().nullable(),
});
export type PciSweepState = z.infer<typeof pciSweepStateSchema>;

/** A connector's card sweep, bound to it: the SDK's `sweepCardNumbers`. */
export type CardSweep = (ctx: ConnectorContext, input: CardSweepInput) => AsyncIterable<CardSweepPage>;

/** The card sweep a connector declares (`capabilities.cardSweep`), or undefined when it declares none. */
export function cardSweepOf(connector: AnyConnector | undefined): CardSweep | undefined {
  return connector ? declaredOperations(connector).cardSweep : undefined;
}

export class PciSweepNotSupportedError extends Error {
  readonly code = "pci_sweep_not_supported";
  constructor(readonly instanceId: string) {
    super(`connector instance ${instanceId} does not exist or its connector cannot sweep for card numbers`);
    this.name = "PciSweepNotSupportedError";
  }
}

export class InvalidSweepIntervalError extends Error {
  readonly code = "invalid_sweep_interval";
  constructor() {
    super("interval must be two ISO 8601 instants with a zone, start/end, start before end");
    this.name = "InvalidSweepIntervalError";
  }
}

const instant = z.iso.datetime({ offset: true });

/** Whether `interval` is `start/end` with both instants zoned and start before end. */
export function isSweepInterval(interval: string): boolean {
  const [start, end, extra] = interval.split("/");
  if (extra !== undefined || !instant.safeParse(start).success || !instant.safeParse(end).success) return false;
  return Date.parse(start ?? "") < Date.parse(end ?? "");
}

export function pciSweepKey(id: string): string {
  return `pci-sweep:${id}`;
}

/** Every call up to now, by default: the sweep of a recorder never swept before. */
const everything = (now: Date) => `1970-01-01T00:00:00Z/${now.toISOString()}`;

/**
 * Starts a sweep of one instance: its state, an audit entry and its job in one transaction, so a
 * sweep exists if and only if it will run. An instance that is unknown, or whose connector has no
 * card sweep, is a `PciSweepNotSupportedError`; a malformed interval an `InvalidSweepIntervalError`
 * (nothing written either way).
 */
export async function startPciSweep(
  database: Database,
  registry: ConnectorRegistry,
  input: { instanceId: string; interval?: string; actor: string },
): Promise<PciSweepState> {
  if (input.interval !== undefined && !isSweepInterval(input.interval)) throw new InvalidSweepIntervalError();
  const instance = z.uuid().safeParse(input.instanceId).success ? await getConnectorInstance(database.db, input.instanceId) : null;
  if (!instance || !cardSweepOf(registry.get(instance.connectorId))) throw new PciSweepNotSupportedError(input.instanceId);
  const now = new Date();
  const state: PciSweepState = {
    id: randomUUID(),
    instanceId: instance.id,
    interval: input.interval ?? everything(now),
    status: "queued",
    cursor: null,
    pages: 0,
    recordingsScanned: 0,
    recordingsRedacted: 0,
    cardsRemoved: 0,
    heldRecordingsRedacted: 0,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    finishedAt: null,
    error: null,
  };
  await database.db.transaction(async (tx) => {
    await saveCheckpoint(tx, pciSweepKey(state.id), state);
    await enqueueJob(tx, { task: taskNames.pciSweep, payload: { sweepId: state.id }, jobKey: `${taskNames.pciSweep}:${state.id}`, maxAttempts: maxJobAttempts });
    await appendAudit(tx, {
      actor: input.actor,
      action: "pci_sweep.started",
      payload: { sweepId: state.id, instanceId: instance.id, connectorId: instance.connectorId, interval: state.interval },
    });
  });
  return state;
}

/** A sweep's progress and result; undefined for an id no sweep has. */
export async function getPciSweep(database: Database, id: string): Promise<PciSweepState | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const parsed = pciSweepStateSchema.safeParse(await loadCheckpoint(database.db, pciSweepKey(id)));
  return parsed.success ? parsed.data : undefined;
}
