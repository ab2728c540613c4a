import { extendDueDate, isTerminal, regimeSchema, requestStatusSchema, type DeadlinePeriod } from "@lethe/core";
import {
  insertDeadlineExtension,
  listDeadlineExtensions,
  lockRequest,
  RequestNotFoundError,
  type Database,
} from "@lethe/db";
import { appendAudit } from "./audit/append-audit";
import { transitionRequest } from "./lifecycle/transition-request";

/** An action that only an open request allows was asked of a closed one. */
export class RequestClosedError extends Error {
  readonly code = "request_closed";
  constructor(
    readonly requestId: string,
    readonly status: string,
  ) {
    super(`request ${requestId} is ${status}; a closed request cannot be changed`);
    this.name = "RequestClosedError";
  }
}

/** An extension's notice was dated in the future: it records a notice given, not one planned. */
export class NoticeInFutureError extends Error {
  readonly code = "notice_in_future";
  constructor() {
    super("noticeAt is in the future: record the extension once the requester has been told");
    this.name = "NoticeInFutureError";
  }
}

/**
 * Cancels an open request with a reason (core's lifecycle decides which statuses allow it:
 * `IllegalTransitionError` otherwise). Jobs still queued for it end without doing anything
 * (they check the request's status before working).
 */
export async function cancelRequest(
  database: Database,
  input: { requestId: string; reason: string; actor: string },
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const { from } = await transitionRequest(tx, {
      requestId: input.requestId,
      to: "cancelled",
      actor: input.actor,
      reason: input.reason,
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "request.cancelled",
      requestId: input.requestId,
      payload: { from },
    });
  });
}

/**
 * Extends an open request's deadline by `additional` on top of what was granted before. The whole
 * extension is checked with core's `extendDueDate` (GDPR: two further months in all, notice within
 * the first month; CCPA: a single grant of up to 45 days, notice before the original deadline):
 * `InvalidExtensionError` and nothing stored when it breaks the regime's rule. The notice's channel
 * and text are kept with the extension as the record that the requester was told. Runs under the request's row lock, so two extensions cannot both count the
 * same earlier grant.
 */
export async function extendRequestDeadline(
  database: Database,
  input: {
    requestId: string;
    additional: DeadlinePeriod;
    reason: string;
    noticeAt: Date;
    /** How and what the requester was told. */
    notice: { channel: string; text: string };
    actor: string;
    now?: Date;
  },
): Promise<{ dueAt: Date; totalExtension: DeadlinePeriod }> {
  return database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) throw new RequestNotFoundError(input.requestId);
    const status = requestStatusSchema.parse(request.status);
    if (isTerminal(status)) throw new RequestClosedError(request.id, status);
    const regime = regimeSchema.parse(request.regime);
    // A notice is a fact: it cannot be dated later than now (a minute's grace for clock skew).
    const now = input.now ?? new Date();
    if (input.noticeAt.getTime() > now.getTime() + 60_000) throw new NoticeInFutureError();
    const grants = await listDeadlineExtensions(tx, request.id);
    const previous = grants.at(-1);
    const totalExtension: DeadlinePeriod = {
      unit: input.additional.unit,
      amount: input.additional.amount + (previous && previous.unit === input.additional.unit ? previous.totalAmount : 0),
    };
    const dueAt = extendDueDate({
      regime,
      receivedAt: request.receivedAt,
      timeZone: request.timeZone,
      extension: totalExtension,
      noticeAt: input.noticeAt,
      previousGrants: grants.length,
    });
    await insertDeadlineExtension(tx, {
      requestId: request.id,
      unit: totalExtension.unit,
      totalAmount: totalExtension.amount,
      reason: input.reason,
      noticeAt: input.noticeAt,
      noticeChannel: input.notice.channel,
      noticeText: input.notice.text,
      previousDueAt: request.dueAt,
      dueAt,
      actor: input.actor,
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "request.deadline_extended",
      requestId: request.id,
      // The notice's text may name the person, so the audit keeps only its channel and time.
      payload: {
        unit: totalExtension.unit,
        totalAmount: totalExtension.amount,
        dueAt: dueAt.toISOString(),
        notice: { channel: input.notice.channel, at: input.noticeAt.toISOString() },
      },
    });
    return { dueAt, totalExtension };
  });
}
