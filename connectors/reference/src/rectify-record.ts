import {
  ConfigurationError,
  VendorContractError,
  type ErasureReceipt,
  type FieldUpdate,
  type HttpResponse,
  type RecordRef,
} from "@lethe/connector-sdk";
import { z } from "zod";
import type { ReferenceContext } from "./settings";
import { readRecord } from "./vendor/read-vendor-json";
import { personRecord } from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/** The person fields Reference CRM lets a client change (API.md, "Update a record"). */
export const rectifiableFields = { person: ["name", "email", "phone"] } as const;
type RectifiableField = (typeof rectifiableFields.person)[number];

const validationError = z.looseObject({
  error: z.looseObject({
    code: z.literal("invalid_request"),
    fields: z.array(z.looseObject({ field: z.string(), message: z.string() })),
  }),
});

/**
 * Applies reviewed field updates to a person with one `PATCH /api/people/:id` and checks the
 * answer holds them (the vendor lower-cases e-mail addresses, so those compare without case).
 * A person no longer there is `already-absent`. A value the vendor refuses is a failure naming
 * the field and the vendor's reason, never the value: it is the subject's data.
 */
export async function rectifyRecord(ctx: ReferenceContext, ref: RecordRef, updates: FieldUpdate[]): Promise<ErasureReceipt> {
  const changes = checkedChanges(ref, updates);
  const route = "people.update";
  const response = await callVendor(ctx, { method: "PATCH", path: `/api/people/${pathId(ref.id)}`, body: changes, route });
  if (response.status === 404) return { ref, outcome: "already-absent", detail: "No such active person to update" };
  if (response.status === 400) throw await refused(response, route);
  expectStatus(response, [200], route);
  const person = await readRecord(response, personRecord, { route, recordType: "person" });
  const differing = Object.entries(changes).filter(([field, value]) => !sameValue(field, person[field], value));
  if (differing.length > 0) {
    throw new VendorContractError(`${route} answered 200 without the update of ${differing.map(([field]) => field).join(", ")}`, {
      route,
      recordType: "person",
      recordId: ref.id,
    });
  }
  return { ref, outcome: "rectified", detail: `Updated ${Object.keys(changes).join(", ")}` };
}

function checkedChanges(ref: RecordRef, updates: FieldUpdate[]): Record<string, string> {
  if (ref.type !== "person") {
    throw new ConfigurationError(`Reference CRM cannot rectify a ${ref.type}: only a person's ${rectifiableFields.person.join(", ")}`);
  }
  if (updates.length === 0) throw new ConfigurationError("A rectification needs at least one field update");
  const changes: Record<string, string> = {};
  for (const update of updates) {
    if (!isRectifiable(update.field)) {
      throw new ConfigurationError(`Reference CRM cannot rectify a person's "${update.field}"`);
    }
    changes[update.field] = update.value;
  }
  return changes;
}

function isRectifiable(field: string): field is RectifiableField {
  return (rectifiableFields.person as readonly string[]).includes(field);
}

function sameValue(field: string, actual: unknown, wanted: string): boolean {
  if (typeof actual !== "string") return false;
  return field === "email" ? actual.toLowerCase() === wanted.toLowerCase() : actual === wanted.trim();
}

async function refused(response: HttpResponse, route: string): Promise<Error> {
  const body = validationError.safeParse(await response.json().catch(() => undefined));
  if (!body.success) return new VendorContractError(`${route} answered 400 without the documented error.fields`, { route });
  const reasons = body.data.error.fields.map((field) => `${field.field} ${field.message}`).join("; ");
  return new ConfigurationError(`Reference CRM refused the update: ${reasons}`);
}
