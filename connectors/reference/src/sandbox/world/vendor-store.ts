import type { OracleRecord } from "@lethe/connector-sdk";
import type { AttachmentRow, CallRow, NoteRow, PersonRow, RecordRow, RecordType, SeededWorld } from "./world";

/** Deleted records stay in the trash this long, then the vendor purges them on its own. */
export const trashRetentionMs = 30 * 24 * 60 * 60 * 1000;

interface StoredRecord {
  record: RecordRow;
  /** Set while the record sits in the trash. */
  deletedAt?: Date;
}

export interface TrashEntry {
  type: RecordType;
  id: string;
  deletedAt: Date;
}

export type PersonField = "email" | "phone" | "customerId";

/** The person fields `PATCH /api/people/:id` may change (API.md, "Update a person"). */
export interface PersonChanges {
  name?: string;
  email?: string;
  phone?: string;
  /** A note's text (notes only). */
  body?: string;
}

/** The oracle's view of one record's processing restriction. */
export interface RestrictionState {
  ref: { type: RecordType; id: string };
  store: "active" | "soft-deleted";
  restricted: boolean;
}

/**
 * Reference CRM's database: active records and the trash, which are one table with a deletion
 * mark, as in most CRMs. Only `purge` (or the 30-day expiry) removes a record for good.
 */
export class VendorStore {
  private readonly records = new Map<string, StoredRecord>();
  /** person id → keys of the person's own record and of every note and attachment about them. */
  private readonly byPerson = new Map<string, Set<string>>();

  constructor(world: SeededWorld) {
    for (const row of world.people) this.insert({ type: "person", row });
    for (const row of world.notes) this.insert({ type: "note", row });
    for (const row of world.attachments) this.insert({ type: "attachment", row });
    for (const row of world.calls) this.insert({ type: "call", row });
  }

  /** How many active records of a type the account holds (the trash not included). */
  countActive(type: RecordType): number {
    let count = 0;
    for (const stored of this.records.values()) if (!stored.deletedAt && stored.record.type === type) count++;
    return count;
  }

  /** Active people whose field equals the value; e-mail compares case-insensitively. */
  searchPeople(field: PersonField, value: string): PersonRow[] {
    const wanted = field === "email" ? value.toLowerCase() : value;
    const found: PersonRow[] = [];
    for (const stored of this.records.values()) {
      if (stored.deletedAt || stored.record.type !== "person") continue;
      const actual = stored.record.row[field];
      if ((field === "email" ? actual.toLowerCase() : actual) === wanted) found.push(stored.record.row);
    }
    return found;
  }

  person(id: string): PersonRow | undefined {
    const stored = this.active("person", id);
    return stored?.type === "person" ? stored.row : undefined;
  }

  note(id: string): NoteRow | undefined {
    const stored = this.active("note", id);
    return stored?.type === "note" ? stored.row : undefined;
  }

  attachment(id: string): AttachmentRow | undefined {
    const stored = this.active("attachment", id);
    return stored?.type === "attachment" ? stored.row : undefined;
  }

  call(id: string): CallRow | undefined {
    const stored = this.active("call", id);
    return stored?.type === "call" ? stored.row : undefined;
  }

  notesOf(personId: string): NoteRow[] {
    return this.activeOf(personId).flatMap((record) => (record.type === "note" ? [record.row] : []));
  }

  /** Active notes of anyone whose text contains `text`, compared case-insensitively. */
  notesContaining(text: string): NoteRow[] {
    const wanted = text.toLowerCase();
    return [...this.records.values()].flatMap((stored) =>
      !stored.deletedAt && stored.record.type === "note" && stored.record.row.body.toLowerCase().includes(wanted) ? [stored.record.row] : [],
    );
  }

  attachmentsOf(personId: string): AttachmentRow[] {
    return this.activeOf(personId).flatMap((record) => (record.type === "attachment" ? [record.row] : []));
  }

  callsOf(personId: string): CallRow[] {
    return this.activeOf(personId).flatMap((record) => (record.type === "call" ? [record.row] : []));
  }

  /**
   * Applies a validated update to an active record: person fields (people only) and the
   * restriction flag. Undefined, and nothing changed, when there is no such active record.
   */
  update(type: RecordType, id: string, changes: PersonChanges, restricted?: boolean): RecordRow | undefined {
    const record = this.active(type, id);
    if (!record) return undefined;
    // The patch reader gives a person only person fields, and a note only its body.
    if (record.type === "person") Object.assign(record.row, changes);
    if (record.type === "note" && changes.body !== undefined) record.row.body = changes.body;
    if (restricted !== undefined) record.row.restricted = restricted;
    return record;
  }

  /** Every record of the person still held (active or trashed), with its restriction flag. */
  restrictionsOf(personId: string): RestrictionState[] {
    return [...(this.byPerson.get(personId) ?? [])].flatMap((key) => {
      const stored = this.records.get(key);
      if (!stored) return [];
      const { record } = stored;
      const state: RestrictionState = {
        ref: { type: record.type, id: record.row.id },
        store: stored.deletedAt ? "soft-deleted" : "active",
        restricted: record.row.restricted,
      };
      return [state];
    });
  }

  /** Moves an active record to the trash. False when there is no such active record. */
  softDelete(type: RecordType, id: string, now: Date): boolean {
    const stored = this.records.get(storeKey(type, id));
    if (!stored || stored.deletedAt) return false;
    stored.deletedAt = now;
    return true;
  }

  /** Removes a trashed record for good. False when the trash holds no such record. */
  purge(type: RecordType, id: string): boolean {
    const stored = this.records.get(storeKey(type, id));
    if (!stored?.deletedAt) return false;
    this.remove(stored.record);
    return true;
  }

  trash(): TrashEntry[] {
    const entries: TrashEntry[] = [];
    for (const { record, deletedAt } of this.records.values()) {
      if (deletedAt) entries.push({ type: record.type, id: record.row.id, deletedAt });
    }
    return entries;
  }

  /** Purges what has sat in the trash for the retention period; returns how many went. */
  expireTrash(now: Date): number {
    let expired = 0;
    for (const { record, deletedAt } of [...this.records.values()]) {
      if (deletedAt && now.getTime() - deletedAt.getTime() >= trashRetentionMs) {
        this.remove(record);
        expired++;
      }
    }
    return expired;
  }

  /** The oracle's view: every record, active or trashed, that still holds the person's data. */
  recordsHolding(personId: string): OracleRecord[] {
    return [...(this.byPerson.get(personId) ?? [])].flatMap((key) => {
      const stored = this.records.get(key);
      if (!stored) return [];
      return [
        {
          ref: { type: stored.record.type, id: stored.record.row.id },
          store: stored.deletedAt ? "soft-deleted" : "active",
          personalData: personalData(stored.record),
          anonymised: false,
          restricted: stored.record.row.restricted,
        },
      ];
    });
  }

  /** A record created through the API (its id and the person's must be new / known). */
  add(record: RecordRow): void {
    this.insert(record);
  }

  /** Whether any record, active or trashed, already uses this id or customer number. */
  taken(id: string): boolean {
    for (const { record } of this.records.values()) {
      if (record.row.id === id || (record.type === "person" && record.row.customerId === id)) return true;
    }
    return false;
  }

  private insert(record: RecordRow): void {
    const key = storeKey(record.type, record.row.id);
    this.records.set(key, { record });
    const personId = record.type === "person" ? record.row.id : record.row.personId;
    const keys = this.byPerson.get(personId) ?? new Set<string>();
    keys.add(key);
    this.byPerson.set(personId, keys);
  }

  private remove(record: RecordRow): void {
    const key = storeKey(record.type, record.row.id);
    this.records.delete(key);
    this.byPerson.get(record.type === "person" ? record.row.id : record.row.personId)?.delete(key);
  }

  private active(type: RecordType, id: string): RecordRow | undefined {
    const stored = this.records.get(storeKey(type, id));
    return stored && !stored.deletedAt ? stored.record : undefined;
  }

  private activeOf(personId: string): RecordRow[] {
    return [...(this.byPerson.get(personId) ?? [])].flatMap((key) => {
      const stored = this.records.get(key);
      return stored && !stored.deletedAt ? [stored.record] : [];
    });
  }
}

function storeKey(type: RecordType, id: string): string {
  return `${type}/${id}`;
}

function personalData(record: RecordRow): Record<string, unknown> {
  switch (record.type) {
    case "person": {
      const { name, email, phone, customerId } = record.row;
      return { name, email, phone, customerId };
    }
    case "note":
      return { personId: record.row.personId, body: record.row.body };
    case "attachment":
      return { personId: record.row.personId, fileName: record.row.fileName, content: `${record.row.size} bytes` };
    case "call":
      return { personId: record.row.personId, summary: record.row.summary, durationSeconds: record.row.durationSeconds };
  }
}
