import {
  identityVerificationSchema,
  noticeChannels,
  regimeSchema,
  requestStatusSchema,
  requestTypeSchema,
  type DeadlineExtension,
  type DeadlinePeriod,
  type ExtensionNotice,
  type IdentityVerification,
  type RequestDetail,
  type RequestSummary,
} from "@lethe/contracts";
import {
  daysLeft,
  type DeadlineExtensionRow,
  type IdentityVerificationRow,
  type RequestDetail as EngineRequestDetail,
  type RequestSummary as EngineRequestSummary,
} from "@lethe/runtime";

export function toRequestSummary(
  request: EngineRequestSummary,
  extensions: readonly DeadlineExtensionRow[],
  now: Date,
): RequestSummary {
  const last = extensions.at(-1);
  const extension: DeadlinePeriod | null = last ? { unit: last.unit === "month" ? "month" : "day", amount: last.totalAmount } : null;
  return {
    id: request.id,
    type: requestTypeSchema.parse(request.type),
    regime: regimeSchema.parse(request.regime),
    status: requestStatusSchema.parse(request.status),
    receivedAt: request.receivedAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    daysLeft: daysLeft({ dueAt: request.dueAt, now, timeZone: request.timeZone }),
    timeZone: request.timeZone,
    extension,
    exportAvailable: request.exportPath !== null,
    outcome: request.outcome ?? null,
    suppressionMatches: request.suppressionMatches,
    minimisedAt: request.minimisedAt?.toISOString() ?? null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

function toExtension(row: DeadlineExtensionRow): DeadlineExtension {
  return {
    totalExtension: { unit: row.unit === "month" ? "month" : "day", amount: row.totalAmount },
    reason: row.reason,
    noticeAt: row.noticeAt.toISOString(),
    notice: row.noticeChannel !== null && row.noticeText !== null ? { channel: noticeChannelOf(row.noticeChannel), text: row.noticeText } : null,
    previousDueAt: row.previousDueAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    actor: row.actor,
    at: row.at.toISOString(),
  };
}

export function toRequestDetail(
  detail: EngineRequestDetail,
  extensions: readonly DeadlineExtensionRow[],
  now: Date,
  verification: IdentityVerificationRow | null = null,
): RequestDetail {
  return {
    request: toRequestSummary(detail.request, extensions, now),
    history: detail.history.map((change) => ({
      from: change.from === null ? null : requestStatusSchema.parse(change.from),
      to: requestStatusSchema.parse(change.to),
      actor: change.actor,
      reason: change.reason,
      at: change.at.toISOString(),
    })),
    identifiers: detail.identifiers,
    progress: detail.tasks.map((task) => ({ ...task, updatedAt: task.updatedAt.toISOString() })),
    locatedRecords: detail.locatedRecords.map((record) => ({ ...record, matchedBy: record.matchedBy ?? null })),
    receipts: detail.receipts.map((receipt) => ({ ...receipt, at: receipt.at.toISOString() })),
    extensions: extensions.map(toExtension),
    verification: verification ? toVerification(verification) : null,
    export: { available: detail.exportPath !== null, sha256: detail.request.exportSha256 },
  };
}

function noticeChannelOf(value: string): ExtensionNotice["channel"] {
  const channel = noticeChannels.find((candidate) => candidate === value);
  if (!channel) throw new Error(`deadline extension has an unknown notice channel "${value}"`);
  return channel;
}

function toVerification(row: IdentityVerificationRow): IdentityVerification {
  return {
    method: identityVerificationSchema.shape.method.parse(row.method),
    status: identityVerificationSchema.shape.status.parse(row.status),
    attempts: row.attempts,
    codeExpiresAt: row.method === "email_code" && row.expiresAt ? row.expiresAt.toISOString() : null,
    verifiedBy: row.verifiedBy,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    note: row.note,
  };
}
