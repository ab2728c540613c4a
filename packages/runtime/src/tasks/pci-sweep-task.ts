import { ConfigurationError, type ConnectorContext } from "@lethe/connector-sdk";
import { saveCheckpoint } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { describeFailure } from "../failure";
import { cardSweepOf, getPciSweep, pciSweepKey, type CardSweep, type PciSweepState } from "../pci-sweep";
import { openInstanceSession } from "../instance-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { retriesStandaloneJob } from "./standalone-job-retry";

const payloadSchema = z.object({ sweepId: z.uuid() });

/**
 * Runs a PCI sweep (see `startPciSweep`): the connector's declared `sweepCardNumbers` page by page from the
 * saved cursor. After each page, in one transaction, the sweep's state (the next cursor, counts)
 * is saved and each redacted call is written to the audit log, so a worker killed mid-sweep
 * resumes at the page it was on; the connector makes repeating that page harmless (a redacted
 * transcript holds no digits). Transient faults are retried by graphile-worker; a permanent one,
 * or the last attempt, ends the sweep `failed` with the error (scrubbed of secrets).
 */
export function pciSweepTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { sweepId } = payloadSchema.parse(rawPayload);
    const state = await getPciSweep(deps.database, sweepId);
    if (!state || state.status === "completed" || state.status === "failed") return;
    let sensitiveValues: string[] = [];
    try {
      const session = await openSweepSession(deps, state, helpers.abortSignal);
      sensitiveValues = session.sensitiveValues;
      await sweep(deps, state, session.sweep, session.ctx);
    } catch (error) {
      if (retriesStandaloneJob(error, helpers)) throw error;
      await finish(deps, state, "failed", describeFailure(error, sensitiveValues));
    }
  };
}

async function sweep(deps: RuntimeDependencies, state: PciSweepState, cardSweep: CardSweep, ctx: ConnectorContext): Promise<void> {
  const progress: PciSweepState = { ...state, status: "running" };
  for await (const page of cardSweep(ctx, { interval: state.interval, cursor: state.cursor })) {
    const redacted = page.records.filter((recording) => recording.receipt?.outcome === "redacted");
    progress.cursor = page.nextCursor;
    progress.pages += 1;
    progress.recordingsScanned += page.records.length;
    progress.recordingsRedacted += redacted.length;
    progress.cardsRemoved += redacted.reduce((sum, recording) => sum + recording.cardsFound, 0);
    progress.heldRecordingsRedacted += redacted.filter((recording) => recording.heldBy !== undefined).length;
    progress.updatedAt = new Date().toISOString();
    await deps.database.db.transaction(async (tx) => {
      await saveCheckpoint(tx, pciSweepKey(state.id), progress);
      for (const recording of redacted) {
        await appendAudit(tx, {
          actor: "worker",
          action: "pci_sweep.recording_redacted",
          payload: {
            sweepId: state.id,
            instanceId: state.instanceId,
            recordingId: recording.recordId,
            cardsRemoved: recording.cardsFound,
            holdId: recording.heldBy ?? null,
          },
        });
      }
    });
  }
  await finish(deps, progress, "completed", null);
}

async function finish(deps: RuntimeDependencies, state: PciSweepState, status: "completed" | "failed", error: string | null): Promise<void> {
  const now = new Date().toISOString();
  const final: PciSweepState = { ...state, status, error, updatedAt: now, finishedAt: now, ...(status === "completed" ? { cursor: null } : {}) };
  await deps.database.db.transaction(async (tx) => {
    await saveCheckpoint(tx, pciSweepKey(state.id), final);
    await appendAudit(tx, {
      actor: "worker",
      action: status === "completed" ? "pci_sweep.completed" : "pci_sweep.failed",
      payload: {
        sweepId: state.id,
        instanceId: state.instanceId,
        pages: final.pages,
        recordingsScanned: final.recordingsScanned,
        recordingsRedacted: final.recordingsRedacted,
        cardsRemoved: final.cardsRemoved,
        heldRecordingsRedacted: final.heldRecordingsRedacted,
      },
    });
  });
}

/** The instance's session for the sweep, and its card sweep (a `ConfigurationError` when it has none). */
async function openSweepSession(deps: RuntimeDependencies, state: PciSweepState, signal: AbortSignal) {
  const session = await openInstanceSession(deps, {
    instanceId: state.instanceId,
    checkpointKey: `${pciSweepKey(state.id)}:connector`,
    signal,
    logFields: { sweepId: state.id },
  });
  const cardSweep = cardSweepOf(session.connector);
  if (!cardSweep) throw new ConfigurationError(`connector "${session.connector.id}" cannot sweep for card numbers`);
  return { ctx: session.ctx, sweep: cardSweep, sensitiveValues: session.sensitiveValues };
}
