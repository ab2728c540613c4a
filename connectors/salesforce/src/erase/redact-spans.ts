import type { ErasureReceipt, RecordRef, RedactionSpan } from "@lethe/connector-sdk";
import { z } from "zod";
import { salesforceClient } from "../client/salesforce-client";
import { soqlIdList } from "../client/soql-literal";
import type { SalesforceContext } from "../settings";
import { queryRecords } from "../vendor/read-records";
import { isSalesforceObject } from "../vendor/records";
import { heldFields } from "./redact-records";

const marker = /^\[REDACTED:[a-z_-]+\]/;

/**
 * `redact(ctx, ref, spans)`: text spans of a free-text field (Subject, Description, TextBody of a
 * Case, Task, Event or EmailMessage) replaced with `[REDACTED:<label>]` by one PATCH. Offsets are
 * in the field's current text (UTF-16 code units); a span that already starts at a marker is left
 * alone, so the same spans sent twice change nothing the second time.
 */
export async function redactSpans(ctx: SalesforceContext, ref: RecordRef, spans: RedactionSpan[]): Promise<ErasureReceipt> {
  const fields = isSalesforceObject(ref.type) ? heldFields[ref.type] : undefined;
  if (!fields) throw new TypeError(`"${ref.type}" records have no free text to redact in part`);
  const byField = new Map<string, { start: number; end: number; label: string }[]>();
  for (const span of spans) {
    if (span.kind !== "text" || !fields.text.includes(span.field) || span.start < 0 || span.end <= span.start) {
      throw new TypeError(`A ${ref.type} takes text spans on ${fields.text.join(", ")} with 0 ≤ start < end`);
    }
    byField.set(span.field, [...(byField.get(span.field) ?? []), { start: span.start, end: span.end, label: /^[a-z_-]+$/.test(span.label) ? span.label : "identifier" }]);
  }
  const client = await salesforceClient(ctx);
  const [current] = await queryRecords(client, `SELECT Id, IsDeleted, ${[...byField.keys()].join(", ")} FROM ${ref.type} WHERE Id IN ${soqlIdList([ref.id])}`, z.looseObject({ Id: z.string(), IsDeleted: z.boolean() }), { route: "redact.read", recordType: ref.type });
  if (!current) return { ref, outcome: "already-absent", detail: "queryAll no longer finds it" };
  if (current.IsDeleted) return { ref, outcome: "retained", hold: { basis: "in the Recycle Bin: Salesforce does not update deleted records" }, detail: "Not redacted" };
  const change: Record<string, string> = {};
  for (const [field, fieldSpans] of byField) {
    const text = typeof current[field] === "string" ? current[field] : "";
    if (fieldSpans.some((span) => span.end > text.length)) throw new TypeError(`A span ends past ${field} (${text.length} characters)`);
    let out = text;
    for (const span of [...fieldSpans].sort((a, b) => b.start - a.start)) {
      if (marker.test(out.slice(span.start))) continue;
      out = `${out.slice(0, span.start)}[REDACTED:${span.label}]${out.slice(span.end)}`;
    }
    if (out !== text) change[field] = out;
  }
  if (Object.keys(change).length === 0) return { ref, outcome: "redacted", detail: "The spans were already redacted" };
  await client.call("sobject.patch", (c) => c.request({ method: "PATCH", url: `/sobjects/${ref.type}/${ref.id}`, body: JSON.stringify(change), headers: { "content-type": "application/json" } }));
  return { ref, outcome: "redacted", detail: `${spans.length} span(s) redacted in ${Object.keys(change).join(", ")}` };
}
