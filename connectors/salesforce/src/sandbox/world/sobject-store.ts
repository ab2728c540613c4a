import type { OracleRecord } from "@lethe/connector-sdk";
import { anonymisedPlaceholder, objectSpec, type ObjectSpec } from "./object-catalogue";
import { canonicalId } from "./salesforce-ids";

export type FieldValue = string | number | boolean | null;

export interface SObjectRow {
  object: string;
  id: string;
  fields: Record<string, FieldValue>;
  /** In the Recycle Bin since then (IsDeleted = true); null while active. */
  deletedAt: Date | null;
  /** Oracle people whose data the record holds (never served by the API). */
  holders: string[];
  /** A ContentVersion's file. */
  bytes?: Uint8Array;
  /**
   * When a client last created or changed it (sandbox clock); search sees it only once the index
   * has caught up (`SandboxState.searchIndexLagMs`). Seeded rows have none: indexed long ago.
   */
  writtenAt?: Date;
}

/** Days a deleted record stays in the Recycle Bin (vendor-apis.md §1.6). */
export const recycleBinDays = 15;
const dayMs = 86_400_000;

export type DeleteOutcome =
  | { ok: true; deleted: SObjectRow[] }
  | { ok: false; statusCode: "ENTITY_IS_DELETED" | "DELETE_FAILED" | "INVALID_CROSS_REFERENCE_KEY"; message: string };

/**
 * Every record of the org, active or in the Recycle Bin. Deleting moves a record (and what
 * Salesforce cascades with it) to the bin; the bin empties itself after 15 days on the sandbox
 * clock; a hard delete removes a record from either place at once.
 */
export class SObjectStore {
  private readonly rows = new Map<string, SObjectRow>();

  constructor(rows: SObjectRow[]) {
    for (const row of rows) this.rows.set(row.id, row);
  }

  get(id: string): SObjectRow | undefined {
    const canonical = canonicalId(id);
    return canonical === undefined ? undefined : this.rows.get(canonical);
  }

  /** Rows of one object, Recycle Bin included, in id order (a stable order for queries). */
  rowsOf(object: ObjectSpec): SObjectRow[] {
    return [...this.rows.values()].filter((row) => row.object === object.name);
  }

  /** A record a client created (`POST /sobjects/{type}`). */
  insert(row: SObjectRow): void {
    this.rows.set(row.id, row);
  }

  /** Soft delete, as `DELETE /sobjects/{type}/{id}` does. */
  softDelete(id: string, now: Date): DeleteOutcome {
    const row = this.get(id);
    if (!row) return { ok: false, statusCode: "INVALID_CROSS_REFERENCE_KEY", message: "invalid cross reference id" };
    if (row.deletedAt) return { ok: false, statusCode: "ENTITY_IS_DELETED", message: "entity is deleted" };
    if (row.object === "Contact" && this.active().some((other) => other.object === "Case" && other.fields.ContactId === row.id)) {
      return {
        ok: false,
        statusCode: "DELETE_FAILED",
        message: "Your attempt to delete this contact could not be completed because it is associated with the following cases.",
      };
    }
    const deleted = [row, ...this.cascadeOf(row).filter((child) => child.deletedAt === null)];
    for (const each of deleted) {
      each.deletedAt = now;
      each.fields.IsDeleted = true;
    }
    return { ok: true, deleted };
  }

  /** Removes a record for good, from the active store or the bin; cascaded children go with it. */
  hardDelete(id: string): SObjectRow[] {
    const row = this.get(id);
    if (!row) return [];
    const removed = [row, ...this.cascadeOf(row)];
    for (const each of removed) this.rows.delete(each.id);
    return removed;
  }

  /** PATCH semantics: null clears a field; the record must be active. */
  update(row: SObjectRow, values: Record<string, FieldValue>, now: Date): void {
    Object.assign(row.fields, values);
    if ("FirstName" in values || "LastName" in values) {
      const name = [row.fields.FirstName, row.fields.LastName].filter((part) => typeof part === "string" && part !== "").join(" ");
      row.fields.Name = name;
    }
    row.fields.LastModifiedDate = salesforceDateTime(now);
    row.fields.SystemModstamp = salesforceDateTime(now);
    row.writtenAt = now;
  }

  /** Purges bin entries older than 15 days, as Salesforce's own job does. */
  expireRecycleBin(now: Date): void {
    for (const row of [...this.rows.values()]) {
      if (row.deletedAt && now.getTime() - row.deletedAt.getTime() >= recycleBinDays * dayMs) this.rows.delete(row.id);
    }
  }

  /** The oracle's view: every record, active, archived or in the bin, that holds the person's data. */
  recordsHolding(personId: string): OracleRecord[] {
    const records: OracleRecord[] = [];
    for (const row of this.rows.values()) {
      if (!row.holders.includes(personId)) continue;
      const spec = objectSpec(row.object);
      const personalData: Record<string, unknown> = {};
      for (const field of spec?.fields ?? []) {
        const value = row.fields[field.name];
        if (field.personal && value !== null && value !== undefined && value !== "") personalData[field.name] = value;
      }
      const anonymised = Object.values(personalData).every((value) => value === anonymisedPlaceholder);
      if (Object.keys(personalData).length === 0 && row.bytes === undefined) continue;
      records.push({
        ref: { type: row.object, id: row.id },
        store: row.deletedAt ? "recycle-bin" : row.fields.IsArchived === true ? "archived" : "active",
        personalData,
        anonymised: Object.keys(personalData).length > 0 && anonymised,
      });
    }
    return records;
  }

  private active(): SObjectRow[] {
    return [...this.rows.values()].filter((row) => row.deletedAt === null);
  }

  /* What Salesforce deletes along with a record: a person's activities; a Case's comments; a file's versions and links. */
  private cascadeOf(row: SObjectRow): SObjectRow[] {
    const all = [...this.rows.values()];
    if (row.object === "Contact" || row.object === "Lead") {
      return all.filter((child) => (child.object === "Task" || child.object === "Event") && child.fields.WhoId === row.id);
    }
    // A Case's comments go with it (and come back with it on undelete).
    if (row.object === "Case") return all.filter((child) => child.object === "CaseComment" && child.fields.ParentId === row.id);
    if (row.object === "ContentDocument") {
      return all.filter(
        (child) => (child.object === "ContentVersion" || child.object === "ContentDocumentLink") && child.fields.ContentDocumentId === row.id,
      );
    }
    return [];
  }
}

/** Salesforce's date-time format: milliseconds and `+0000`, never `Z` (vendor-apis.md §1.1). */
export function salesforceDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+0000");
}
