import { ConfigurationError } from "@lethe/connector-sdk";
import { saveCheckpoint, upsertConsentEntries } from "@lethe/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import { consentEvidenceOf, consentSyncKey, getConsentSync, type ConsentSyncState } from "../consent/consent-sync";
import { ledgerEntriesOf } from "../consent/ledger-entries";
import { draftWithdrawalRemediations } from "../consent/withdrawal-drafts";
import { describeFailure } from "../failure";
import { identifierHashKey } from "../identifier-hash-key";
import { openInstanceSession } from "../instance-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { retriesStandaloneJob } from "./standalone-job-retry";

const payloadSchema = z.object({ syncId: z.uuid() });

/**
 * Runs a ledger read (see `startConsentSync`): the connector's consent evidence page by page from
 * the saved cursor, each page's entries (with a drafted remediation for each mid-call withdrawal,
 * `draftWithdrawalRemediations`) and the read's progress written in one transaction, so a
 * worker killed mid-read resumes at the page it was on and rewriting a page changes nothing.
 * Transient faults are retried by graphile-worker; a permanent one, or the last attempt, ends the
 * read `failed` with the error (scrubbed of secrets).
 */
export function consentSyncTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { syncId } = payloadSchema.parse(rawPayload);
    const state = await getConsentSync(deps.database, syncId);
    if (!state || state.status === "completed" || state.status === "failed") return;
    let sensitiveValues: string[] = [];
    try {
      const session = await openInstanceSession(deps, {
        instanceId: state.instanceId,
        checkpointKey: `${consentSyncKey(state.id)}:connector`,
        signal: helpers.abortSignal,
        logFields: { consentSyncId: state.id },
      });
      sensitiveValues = session.sensitiveValues;
      const read = consentEvidenceOf(session.connector);
      if (!read) throw new ConfigurationError(`connector "${session.connector.id}" reports no consent evidence`);
      const key = identifierHashKey(deps);
      const progress: ConsentSyncState = { ...state, status: "running" };
      for await (const page of read(session.ctx, { interval: state.interval, cursor: state.cursor })) {
        const entries = page.calls.flatMap((call) => ledgerEntriesOf(call, state.instanceId, key));
        progress.cursor = page.nextCursor;
        progress.pages += 1;
        progress.calls += page.calls.length;
        progress.participants += entries.length;
        progress.unconsented += entries.filter((entry) => !entry.consented).length;
        progress.updatedAt = new Date().toISOString();
        await deps.database.db.transaction(async (tx) => {
          const stored = await upsertConsentEntries(tx, entries);
          await draftWithdrawalRemediations(tx, stored);
          await saveCheckpoint(tx, consentSyncKey(state.id), progress);
        });
      }
      await finish(deps, progress, "completed", null);
    } catch (error) {
      if (retriesStandaloneJob(error, helpers)) throw error;
      await finish(deps, state, "failed", describeFailure(error, sensitiveValues));
    }
  };
}

async function finish(deps: RuntimeDependencies, state: ConsentSyncState, status: "completed" | "failed", error: string | null): Promise<void> {
  const now = new Date().toISOString();
  const final: ConsentSyncState = { ...state, status, error, updatedAt: now, finishedAt: now, ...(status === "completed" ? { cursor: null } : {}) };
  await deps.database.db.transaction(async (tx) => {
    await saveCheckpoint(tx, consentSyncKey(state.id), final);
    await appendAudit(tx, {
      actor: "worker",
      action: status === "completed" ? "consent.sync_completed" : "consent.sync_failed",
      payload: { syncId: state.id, instanceId: state.instanceId, calls: final.calls, participants: final.participants, unconsented: final.unconsented },
    });
  });
}
