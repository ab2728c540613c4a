import { ConnectorError, TransientError } from "@lethe/connector-sdk";
import {
  deleteUnusedConnectorInstance,
  getConnectorInstance,
  saveConnectorInstanceCheck,
  type ConnectorInstanceCheckRow,
} from "@lethe/db";
import { appendAudit } from "./audit/append-audit";
import { UnknownConnectorInstanceError } from "./connector-instances";
import { openConnectorSession } from "./connector-session";
import { describeFailure } from "./failure";
import type { RuntimeDependencies } from "./runtime-dependencies";

/** A connection test waits no longer than this for the vendor. */
const checkTimeoutMs = 15_000;
/**
 * A connection test belongs to no request; the session still needs a request id for its
 * checkpoint key and subject identifiers, and this one names none.
 */
const noRequestId = "00000000-0000-0000-0000-000000000000";

export type ConnectionTest = Omit<ConnectorInstanceCheckRow, "instanceId">;

/**
 * What a connection test says when no HTTP answer came back: the same words and code for a refused
 * connection, a reset, a TLS failure and a timeout, so that "test connection" cannot be used to
 * learn which ports of a host are open (issue 13). An answer that came — 401, 403, 5xx — is reported
 * as itself; only an allowed host can answer (the outbound guard refuses the rest before connecting).
 */
export const unreachableVendor = { code: "unreachable", message: "could not reach the vendor" } as const;

/**
 * Runs the connector's `check` with the instance's stored settings and secrets and records the
 * result as the instance's health. A failure is a result, not an error: its class (`auth`,
 * `transient` …) and a message scrubbed of the instance's secrets.
 */
export async function testConnectorInstance(
  deps: RuntimeDependencies,
  instanceId: string,
  actor: string,
): Promise<ConnectionTest> {
  const instance = await getConnectorInstance(deps.database.db, instanceId);
  if (!instance) throw new UnknownConnectorInstanceError(instanceId);
  const started = Date.now();
  const signal = AbortSignal.timeout(checkTimeoutMs);
  let sensitiveValues: string[] = [];
  let result: ConnectionTest;
  try {
    const session = await openConnectorSession(deps, { requestId: noRequestId, instanceId, phase: "check", signal });
    sensitiveValues = session.sensitiveValues;
    await session.connector.check(session.ctx);
    result = { ok: true, code: null, message: null, durationMs: Date.now() - started, checkedAt: new Date() };
  } catch (error) {
    const unreachable = signal.aborted || noAnswer(error);
    result = {
      ok: false,
      code: unreachable ? unreachableVendor.code : error instanceof ConnectorError ? error.code : "unknown",
      message: unreachable ? unreachableVendor.message : describeFailure(error, sensitiveValues),
      durationMs: Date.now() - started,
      checkedAt: new Date(),
    };
  }
  await deps.database.db.transaction(async (tx) => {
    await saveConnectorInstanceCheck(tx, { instanceId, ...result });
    await appendAudit(tx, {
      actor,
      action: "connector_instance.tested",
      payload: { instanceId, ok: result.ok, code: result.code },
    });
  });
  return result;
}

/**
 * A transient failure with no vendor answer behind it: `ctx.http` raises a network failure or a
 * timeout as a `TransientError` caused by the fetch error, a 5xx as one without a cause.
 */
function noAnswer(error: unknown): boolean {
  return error instanceof TransientError && error.cause !== undefined;
}

/**
 * Deletes an instance that has done no work (`ConnectorInstanceInUseError` otherwise: its tasks
 * and receipts are evidence; disable it instead). Audited.
 */
export async function deleteConnectorInstance(
  database: RuntimeDependencies["database"],
  instanceId: string,
  actor: string,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const instance = await getConnectorInstance(tx, instanceId);
    if (!instance) throw new UnknownConnectorInstanceError(instanceId);
    await deleteUnusedConnectorInstance(tx, instanceId);
    await appendAudit(tx, {
      actor,
      action: "connector_instance.deleted",
      payload: { instanceId, connectorId: instance.connectorId },
    });
  });
}
