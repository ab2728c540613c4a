import { recordKey, type ExportItem, type RecordRef, declaredOperations } from "@lethe/connector-sdk";
import {
  enqueueJob,
  finishRequestTask,
  getRequest,
  insertReceipt,
  listPlanItems,
  listRequestTasks,
  lockRequest,
  pauseInstance,
  recordTaskRetry,
  setRequestExport,
  startRequestTask,
  type RequestTaskView,
  type TaskKey,
} from "@lethe/db";
import { appendAudits } from "../audit/append-audit";
import type { JobHelpers, Task } from "graphile-worker";
import { openConnectorSession, type ConnectorSession } from "../connector-session";
import { consentEvidenceForExport } from "../consent/consent-evidence-for-export";
import { BinarySizeMismatchError, writeExportBundle, type ExportBundleSystem } from "../export";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { advanceRequest } from "./advance-request";
import { breakerAdmits } from "./breaker-gate";
import { requestJob, requestPayloadSchema, taskNames, withRetry } from "./jobs";
import { requestIsIn } from "./request-gate";
import type { RetryState } from "./retry-policy";
import { failTaskPermanently, handleTaskFailure, planFailure } from "./task-failure";

interface ExportSource {
  task: RequestTaskView;
  key: TaskKey;
  session: ConnectorSession;
  refs: RecordRef[];
  /** Refs the connector actually exported in this run; recorded as receipts once the bundle exists. */
  exported: Map<string, RecordRef>;
}

/**
 * Writes the request's bundle from every instance with an unfinished export task, in one job.
 * Non-destructive, so not resumable item by item: an interrupted run leaves no bundle (the
 * writer renames a complete file into place) and the retry writes it again from scratch.
 * A system that fails for good is dropped from the bundle (its task `failed`, the request ends
 * partially completed) and the bundle is written from the others.
 */
export function exportTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { requestId, retry } = requestPayloadSchema.parse(rawPayload);
    const later = (runAt: Date, spent = retry) => withRetry(requestJob(taskNames.export, requestId, runAt), spent);
    if (!(await requestIsIn(deps, requestId, "executing", later))) return;
    const request = await getRequest(deps.database.db, requestId);
    if (!request) return;

    const sources: ExportSource[] = [];
    const tasks = (await listRequestTasks(deps.database.db, requestId)).filter(
      (task) => task.phase === "export" && (task.status === "pending" || task.status === "running"),
    );
    // One bundle from every system: while any of them is held back by its breaker, all wait.
    for (const task of tasks) {
      if (!(await breakerAdmits(deps, task.instanceId, later))) return;
    }
    for (const task of tasks) {
      const key: TaskKey = { requestId, instanceId: task.instanceId, phase: "export" };
      let session: ConnectorSession | undefined;
      try {
        session = await openConnectorSession(deps, { requestId, instanceId: task.instanceId, phase: "export", signal: helpers.abortSignal });
        const { connector } = session;
        await startRequestTask(deps.database.db, key, { connectorId: connector.id, connectorVersion: connector.version });
        // The approved plan's export items, never located records directly: weak matches wait for review.
        const items = await listPlanItems(deps.database.db, { requestId, instanceId: task.instanceId, approvedActions: ["export"] });
        const refs = items.map(({ record }) => ({ type: record.recordType, id: record.recordId }));
        sources.push({ task, key, session, refs, exported: new Map() });
      } catch (error) {
        const outcome = await handleTaskFailure(
          deps,
          helpers,
          { key, connectorId: task.connectorId, retryJob: later, retry, sensitiveValues: session?.sensitiveValues ?? [] },
          error,
        );
        // A system that failed for good is left out of the bundle; a reschedule retries them all.
        if (outcome === "rescheduled") return;
      }
    }
    if (sources.length === 0) return;

    let failing: ExportSource | undefined;
    const systems: ExportBundleSystem[] = sources.map((source) => ({
      instanceId: source.task.instanceId,
      instanceName: source.task.instanceName,
      connectorId: source.session.connector.id,
      connectorVersion: source.session.connector.version,
      items: () => observe(source, () => (failing = source)),
      // The connector's declarations make the person's copy and the index (Art. 15(1), 15(4)).
      title: source.session.connector.title,
      dataCategories: source.session.connector.dataCategories,
      fieldRoles: source.session.connector.exportFieldRoles,
      processing: source.session.connector.processing,
    }));
    try {
      const consentEvidence = await consentEvidenceForExport(
        deps.database.db,
        deps,
        requestId,
        sources.map((source) => ({ instanceId: source.task.instanceId, refs: source.refs })),
      );
      const bundle = await writeExportBundle({
        directory: deps.exportDirectory,
        request: { id: request.id, type: request.type, regime: request.regime, receivedAt: request.receivedAt.toISOString() },
        systems,
        consentEvidence,
      });
      await deps.database.db.transaction(async (tx) => {
        const locked = await lockRequest(tx, requestId);
        if (!locked) return;
        await setRequestExport(tx, { requestId, path: bundle.path, sha256: bundle.sha256 });
        for (const source of sources) {
          const { connector } = source.session;
          for (const ref of source.exported.values()) {
            await insertReceipt(tx, {
              requestId,
              instanceId: source.task.instanceId,
              connectorId: connector.id,
              connectorVersion: connector.version,
              recordType: ref.type,
              recordId: ref.id,
              phase: "export",
              outcome: "exported",
            });
          }
          await finishRequestTask(tx, source.key, {
            status: "done",
            progress: { ...(bundle.counts[source.task.instanceId] ?? { records: 0, files: 0 }), located: source.refs.length },
          });
        }
        const next = await advanceRequest(tx, deps, locked);
        await appendAudits(tx, [
          { actor: "worker", action: "export.completed", requestId, payload: { sha256: bundle.sha256, bytes: bundle.bytes, counts: bundle.counts } },
          ...next,
        ]);
      });
      for (const source of sources) deps.breakers?.recordSuccess(source.task.instanceId);
    } catch (error) {
      const culprit = failing ?? sourceOf(error, sources);
      await handleExportFailure(deps, helpers, { requestId, sources, culprit, later, retry }, error);
    }
  };
}

/** Passes a system's items to the writer, noting what was exported and whose stream failed. */
async function* observe(source: ExportSource, onFailure: () => void): AsyncIterable<ExportItem> {
  const { connector } = source.session;
  const exportRecords = declaredOperations(connector).export;
  if (!exportRecords) return;
  try {
    for await (const item of exportRecords(source.session.ctx, source.refs)) {
      source.exported.set(recordKey(item.ref), { type: item.ref.type, id: item.ref.id });
      yield item;
    }
  } catch (error) {
    onFailure();
    throw error;
  }
}

function sourceOf(error: unknown, sources: ExportSource[]): ExportSource | undefined {
  if (error instanceof BinarySizeMismatchError) {
    return sources.find((source) => source.task.instanceId === error.details.instanceId);
  }
  return undefined;
}

async function handleExportFailure(
  deps: RuntimeDependencies,
  helpers: JobHelpers,
  context: {
    requestId: string;
    sources: ExportSource[];
    culprit: ExportSource | undefined;
    later: (runAt: Date, retry: RetryState | undefined) => ReturnType<typeof requestJob>;
    retry: RetryState | undefined;
  },
  error: unknown,
): Promise<void> {
  const { requestId, sources, culprit } = context;
  const plan = planFailure(
    deps,
    { instanceId: culprit?.task.instanceId, retry: context.retry, rateLimitedStarts: Math.max(0, ...sources.map((source) => source.task.attempts)) },
    error,
    helpers.abortSignal,
    sources.flatMap((source) => source.session.sensitiveValues),
  );
  if (plan.action === "rethrow") throw error;

  if (plan.action === "reschedule") {
    if (plan.pause && culprit) await pauseInstance(deps.database.db, { instanceId: culprit.task.instanceId, until: plan.runAt });
    for (const source of sources) await recordTaskRetry(deps.database.db, source.key, plan.message);
    await enqueueJob(deps.database.db, context.later(plan.runAt, plan.retry));
    deps.log("warn", "export attempt failed; it will be retried", { requestId, runAt: plan.runAt.toISOString(), error: plan.message });
    return;
  }
  const message = plan.message;

  deps.log("error", "export failed permanently", { requestId, instanceId: culprit?.task.instanceId ?? null, error: message });
  const failed = culprit ? [culprit] : sources;
  for (const source of failed) {
    await failTaskPermanently(deps, { key: source.key, connectorId: source.session.connector.id }, message);
  }
  // The other systems' export still has to be written; their tasks are pending again.
  const remaining = sources.filter((source) => !failed.includes(source));
  if (remaining.length > 0) {
    await deps.database.db.transaction(async (tx) => {
      for (const source of remaining) {
        await recordTaskRetry(tx, source.key, `bundle rewritten without a failed system`);
      }
      await enqueueJob(tx, requestJob(taskNames.export, requestId));
    });
  }
}
