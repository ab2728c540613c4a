import { eq, sql, type SQL } from "drizzle-orm";
import {
  connectorInstances,
  deadlineExtensions,
  identityVerifications,
  locatedRecords,
  receipts,
  requestStatusHistory,
  requests,
  requestTasks,
  subjectIdentifiers,
} from "../schema";
import type { DeadlineExtensionRow } from "./deadline-extensions";
import type { Executor } from "./executor";
import type { IdentityVerificationRow } from "./identity-verifications";
import { parsedJson, rowFromJson } from "./json-rows";
import type { LocatedRecordRow } from "./located-records";
import type { ReceiptRow } from "./receipts";
import type { RequestTaskView } from "./request-tasks";
import type { RequestRow, StatusHistoryRow } from "./requests";
import type { SubjectIdentifierRow } from "./subject-identifiers";

/** Everything stored about one request that its detail view shows. */
export interface RequestDetailRows {
  request: RequestRow;
  /** Oldest first. */
  history: StatusHistoryRow[];
  /** As `listSubjectIdentifiers` orders them. */
  identifiers: SubjectIdentifierRow[];
  /** By instance name, then phase. */
  tasks: RequestTaskView[];
  /** By instance, record type, record id. */
  located: LocatedRecordRow[];
  /** In the order they were written. */
  receipts: ReceiptRow[];
  extensions: DeadlineExtensionRow[];
  verification: IdentityVerificationRow | null;
}

interface DetailJson {
  request: Record<string, unknown> | null;
  history: Array<Record<string, unknown>>;
  identifiers: Array<Record<string, unknown>>;
  tasks: Array<{ task: Record<string, unknown>; instanceName: string }>;
  located: Array<Record<string, unknown>>;
  receipts: Array<Record<string, unknown>>;
  extensions: Array<Record<string, unknown>>;
  verification: Record<string, unknown> | null;
}

/**
 * A request and everything its detail view shows, in ONE statement (one round trip): each list is
 * a `json_agg` subquery ordered as its own repository function orders it, so the answer is the
 * same as theirs, decoded column by column. Null when there is no such request.
 */
export async function loadRequestDetailRows(tx: Executor, requestId: string): Promise<RequestDetailRows | null> {
  const id = requests.id;
  const list = (rows: SQL) => sql`coalesce((${rows}), '[]'::json)`;
  // Prepared (named): the server parses and plans this statement once per connection.
  const [row] = await tx
    .select({
      detail: sql<unknown>`json_build_object(
        'request', row_to_json(${requests}),
        'history', ${list(sql`select json_agg(h order by h.id) from ${requestStatusHistory} h where h.request_id = ${id}`)},
        'identifiers', ${list(sql`select json_agg(i order by i.created_at, i.kind, i.value) from ${subjectIdentifiers} i where i.request_id = ${id}`)},
        'tasks', ${list(sql`
          select json_agg(json_build_object('task', t, 'instanceName', c.name) order by c.name, t.phase)
          from ${requestTasks} t join ${connectorInstances} c on c.id = t.instance_id where t.request_id = ${id}`)},
        'located', ${list(sql`
          select json_agg(l order by l.instance_id, l.record_type, l.record_id) from ${locatedRecords} l where l.request_id = ${id}`)},
        'receipts', ${list(sql`select json_agg(x order by x.id) from ${receipts} x where x.request_id = ${id}`)},
        'extensions', ${list(sql`select json_agg(e order by e.id) from ${deadlineExtensions} e where e.request_id = ${id}`)},
        'verification', (select row_to_json(v) from ${identityVerifications} v where v.request_id = ${id})
      )`,
    })
    .from(requests)
    .where(eq(requests.id, sql.placeholder("id")))
    .prepare("lethe_request_detail")
    .execute({ id: requestId });
  const detail = parsedJson(row?.detail) as DetailJson | undefined;
  if (!detail?.request) return null;
  return {
    request: rowFromJson(requests, detail.request),
    history: detail.history.map((json) => rowFromJson(requestStatusHistory, json)),
    identifiers: detail.identifiers.map((json) => rowFromJson(subjectIdentifiers, json)),
    tasks: detail.tasks.map(({ task, instanceName }) => ({ ...rowFromJson(requestTasks, task), instanceName })),
    located: detail.located.map((json) => rowFromJson(locatedRecords, json)),
    receipts: detail.receipts.map((json) => rowFromJson(receipts, json)),
    extensions: detail.extensions.map((json) => rowFromJson(deadlineExtensions, json)),
    verification: detail.verification ? rowFromJson(identityVerifications, detail.verification) : null,
  };
}
