import { idSchema, type AuditVerification, type ListAuditQuery } from "@lethe/contracts";

/** The audit page's filter form, as typed (all text; dates from date inputs, `yyyy-mm-dd`). */
export interface AuditFilterForm {
  requestId: string;
  actor: string;
  action: string;
  fromDay: string;
  toDay: string;
}

export function emptyAuditFilter(): AuditFilterForm {
  return { requestId: "", actor: "", action: "", fromDay: "", toDay: "" };
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `GET /audit` query for the form, or the problems that keep it from being sent: blanks are
 * left out, a day range covers whole UTC days (the log's times are UTC).
 */
export function auditQueryOf(form: AuditFilterForm): { query: ListAuditQuery; problems: Partial<Record<keyof AuditFilterForm, string>> } {
  const problems: Partial<Record<keyof AuditFilterForm, string>> = {};
  const requestId = form.requestId.trim();
  if (requestId !== "" && !idSchema.safeParse(requestId).success) problems.requestId = "A request id is a UUID, as the request's page shows it.";
  for (const key of ["fromDay", "toDay"] as const) {
    if (form[key] !== "" && !dayPattern.test(form[key])) problems[key] = "A date, yyyy-mm-dd.";
  }
  if (!problems.fromDay && !problems.toDay && form.fromDay !== "" && form.toDay !== "" && form.fromDay > form.toDay) {
    problems.toDay = "The range ends before it starts.";
  }
  const actor = form.actor.trim();
  const action = form.action.trim();
  return {
    query: {
      ...(requestId !== "" && !problems.requestId ? { requestId } : {}),
      ...(actor !== "" ? { actor } : {}),
      ...(action !== "" ? { action } : {}),
      ...(form.fromDay !== "" && !problems.fromDay ? { from: `${form.fromDay}T00:00:00.000Z` } : {}),
      ...(form.toDay !== "" && !problems.toDay ? { to: `${form.toDay}T23:59:59.999Z` } : {}),
    },
    problems,
  };
}

/** The form as the page's URL query carries it (so a filtered view can be linked to and reloaded). */
export function filterFromRouteQuery(query: Record<string, unknown>): AuditFilterForm {
  const text = (key: string) => (typeof query[key] === "string" ? query[key] : "");
  return { requestId: text("requestId"), actor: text("actor"), action: text("action"), fromDay: text("from"), toDay: text("to") };
}

export function routeQueryOf(form: AuditFilterForm): Record<string, string> {
  const entries: Array<[string, string]> = [
    ["requestId", form.requestId.trim()],
    ["actor", form.actor.trim()],
    ["action", form.action.trim()],
    ["from", form.fromDay],
    ["to", form.toDay],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ""));
}

/** The verification result in one line for people. */
export function describeVerification(verification: AuditVerification): { tone: "success" | "error"; text: string } {
  if (verification.ok) {
    const checkpoint = verification.checkpoint
      ? `, matching the signed checkpoint of ${verification.checkpoint.count} entries (${new Date(verification.checkpoint.at).toLocaleString()})`
      : "";
    return { tone: "success", text: `Chain intact: ${verification.count} sealed entries re-hashed${checkpoint}.` };
  }
  const where = verification.seq === null ? "" : ` at entry ${verification.seq}`;
  return { tone: "error", text: `Chain broken${where}: ${verification.message ?? verification.reason.replace(/_/g, " ")}.` };
}

/** A payload as stored (ids and counts), compact for a table cell. */
export function payloadText(payload: unknown): string {
  if (payload === null || payload === undefined) return "";
  if (typeof payload === "object" && Object.keys(payload).length === 0) return "";
  return JSON.stringify(payload);
}
