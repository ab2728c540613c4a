import { ConfigurationError, declaredOperations, type ErasureReceipt } from "@lethe/connector-sdk";
import { consentEntriesOfCall, enqueueJob, getConsentRemediation, transitionConsentRemediation, type ConsentRemediationRow } from "@lethe/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { ChannelSpan } from "../consent/remediation-plan";
import { describeFailure } from "../failure";
import { findHoldsFor } from "../holds/find-holds";
import { openInstanceSession, type InstanceSession } from "../instance-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { maxJobAttempts, taskNames } from "./jobs";
import { retriesStandaloneJob } from "./standalone-job-retry";

const payloadSchema = z.object({ remediationId: z.uuid() });

/** How long after an asynchronous deletion its receipt is asked for again. */
const confirmAfterMs = 60_000;

/**
 * Carries out an approved consent remediation. A legal hold on the call (record, case or rule
 * hold, or a person hold on any of its participants) keeps it: the remediation ends `retained`
 * and says which hold. Otherwise `redact-party` mutes the participant's channel over the planned
 * spans through the connector's redaction, and `delete-recording` deletes the call through its
 * erasure; a deletion the vendor runs asynchronously is `confirming` until its receipt settles.
 * The connector's receipt is stored and the outcome audited.
 */
export function consentRemediationTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { remediationId } = payloadSchema.parse(rawPayload);
    let remediation = await getConsentRemediation(deps.database.db, remediationId);
    if (!remediation || !["approved", "running", "confirming"].includes(remediation.status)) return;
    if (remediation.status === "approved") {
      remediation = (await transitionConsentRemediation(deps.database.db, remediationId, "approved", { status: "running" })) ?? remediation;
    }
    let sensitiveValues: string[] = [];
    try {
      const session = await openInstanceSession(deps, {
        instanceId: remediation.instanceId,
        checkpointKey: `consent-remediation:${remediation.id}:connector`,
        signal: helpers.abortSignal,
        logFields: { remediationId: remediation.id },
      });
      sensitiveValues = session.sensitiveValues;
      if (remediation.status === "confirming") return await confirm(deps, session, remediation);
      const hold = await holdOnCall(deps, session, remediation);
      if (hold) return await finish(deps, remediation, "retained", { receipt: { outcome: "retained", detail: hold }, heldBy: hold });
      const receipt = await carryOut(session, remediation);
      await settle(deps, remediation, receipt);
    } catch (error) {
      if (retriesStandaloneJob(error, helpers)) throw error;
      await finish(deps, remediation, "failed", { error: describeFailure(error, sensitiveValues) });
    }
  };
}

async function holdOnCall(deps: RuntimeDependencies, session: InstanceSession, remediation: ConsentRemediationRow): Promise<string | undefined> {
  const participants = await consentEntriesOfCall(deps.database.db, remediation.instanceId, remediation.recordId);
  const occurredAt = participants[0]?.callStartedAt.toISOString();
  const decision = await findHoldsFor(
    deps.database.db,
    {
      instanceId: remediation.instanceId,
      connectorId: session.connector.id,
      recordType: remediation.recordType,
      recordId: remediation.recordId,
      facts: occurredAt ? { occurredAt } : {},
    },
    participants.flatMap((entry) => entry.identifierHashes),
    new Date(),
  );
  return decision?.reason;
}

async function carryOut(session: InstanceSession, remediation: ConsentRemediationRow): Promise<ErasureReceipt> {
  const operations = declaredOperations(session.connector);
  const ref = { type: remediation.recordType, id: remediation.recordId };
  if (remediation.action === "redact-party") {
    if (!operations.redact) throw new ConfigurationError(`connector "${session.connector.id}" cannot redact recordings`);
    // Speech: the channel's audio and the transcript's words said there both go.
    const spans = (remediation.spans as ChannelSpan[]).map((span) => ({ kind: "speech" as const, ...span, label: "no-consent" }));
    return operations.redact(session.ctx, ref, spans);
  }
  if (!operations.erase) throw new ConfigurationError(`connector "${session.connector.id}" cannot delete recordings`);
  for await (const receipt of operations.erase.run(session.ctx, [ref], { action: "erase" })) return receipt;
  throw new ConfigurationError(`connector "${session.connector.id}" returned no receipt for ${ref.type}/${ref.id}`);
}

async function confirm(deps: RuntimeDependencies, session: InstanceSession, remediation: ConsentRemediationRow): Promise<void> {
  const confirmOperation = declaredOperations(session.connector).confirm;
  const pending = remediation.receipt as ErasureReceipt | null;
  if (!confirmOperation || !pending) return finish(deps, remediation, "failed", { error: "a pending deletion cannot be confirmed with this connector" });
  for await (const receipt of confirmOperation(session.ctx, [pending])) return settle(deps, remediation, receipt);
}

/** Stores a receipt: pending ones are asked about again later; the others end the remediation. */
async function settle(deps: RuntimeDependencies, remediation: ConsentRemediationRow, receipt: ErasureReceipt): Promise<void> {
  const stored = { ref: receipt.ref, outcome: receipt.outcome, ...(receipt.detail ? { detail: receipt.detail } : {}), ...(receipt.pending ? { pending: receipt.pending } : {}) };
  if (receipt.outcome === "pending") {
    await deps.database.db.transaction(async (tx) => {
      await transitionConsentRemediation(tx, remediation.id, remediation.status, { status: "confirming", receipt: stored });
      await enqueueJob(tx, {
        task: taskNames.consentRemediation,
        payload: { remediationId: remediation.id },
        jobKey: `${taskNames.consentRemediation}:${remediation.id}:confirm`,
        runAt: new Date(Date.now() + confirmAfterMs),
        maxAttempts: maxJobAttempts,
      });
    });
    return;
  }
  const status = receipt.outcome === "retained" ? "retained" : "completed";
  await finish(deps, remediation, status, { receipt: stored, ...(receipt.hold?.basis ? { heldBy: receipt.hold.basis } : {}) });
}

async function finish(
  deps: RuntimeDependencies,
  remediation: ConsentRemediationRow,
  status: "completed" | "retained" | "failed",
  result: { receipt?: unknown; heldBy?: string; error?: string },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await transitionConsentRemediation(tx, remediation.id, remediation.status, {
      status,
      finishedAt: new Date(),
      ...(result.receipt !== undefined ? { receipt: result.receipt } : {}),
      ...(result.heldBy ? { heldBy: result.heldBy } : {}),
      ...(result.error ? { error: result.error } : {}),
    });
    await appendAudit(tx, {
      actor: "worker",
      action: `consent.remediation_${status}`,
      payload: {
        remediationId: remediation.id,
        instanceId: remediation.instanceId,
        recordId: remediation.recordId,
        action: remediation.action,
        ...(result.heldBy ? { heldBy: result.heldBy } : {}),
      },
    });
  });
}
