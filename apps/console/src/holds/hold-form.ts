import type { ConnectorInstanceView, ConnectorType, CreateHoldBody, Hold } from "@lethe/contracts";

export type HoldScope = "person" | "record" | "case" | "rule";

/** The create form's fields, as typed (all text; the API checks them and names any field at fault). */
export interface HoldForm {
  title: string;
  basis: string;
  owner: string;
  scope: HoldScope;
  /** Person: one identifier per line, e-mail addresses and phone numbers mixed. */
  identifiers: string;
  instanceId: string;
  recordType: string;
  recordId: string;
  caseId: string;
  connectorId: string;
  tag: string;
  retainYears: string;
  redactNonEssential: boolean;
  /** `yyyy-mm-dd` from a date input, or empty. */
  reviewOn: string;
  expiresOn: string;
}

export function emptyHoldForm(): HoldForm {
  return {
    title: "",
    basis: "",
    owner: "",
    scope: "record",
    identifiers: "",
    instanceId: "",
    recordType: "",
    recordId: "",
    caseId: "",
    connectorId: "",
    tag: "",
    retainYears: "5",
    redactNonEssential: false,
    reviewOn: "",
    expiresOn: "",
  };
}

/**
 * The `POST /holds` body for the form: only the chosen scope's fields, optional rule filters left
 * out when blank, a line with an `@` read as an e-mail address and any other line as a phone.
 */
export function holdBodyOf(form: HoldForm): CreateHoldBody {
  const day = (value: string) => (value ? { at: new Date(`${value}T00:00:00Z`).toISOString() } : undefined);
  const review = day(form.reviewOn);
  const expires = day(form.expiresOn);
  return {
    title: form.title.trim(),
    basis: form.basis.trim(),
    owner: form.owner.trim(),
    selector: selectorOf(form),
    redactNonEssential: form.redactNonEssential,
    ...(review ? { reviewAt: review.at } : {}),
    ...(expires ? { expiresAt: expires.at } : {}),
  };
}

function selectorOf(form: HoldForm): CreateHoldBody["selector"] {
  switch (form.scope) {
    case "person":
      return {
        scope: "person",
        identifiers: form.identifiers
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== "")
          .map((value) => ({ kind: value.includes("@") ? ("email" as const) : ("phone" as const), value })),
      };
    case "record":
      return { scope: "record", instanceId: form.instanceId.trim(), recordType: form.recordType.trim(), recordId: form.recordId.trim() };
    case "case":
      return { scope: "case", caseId: form.caseId.trim() };
    case "rule": {
      const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
      const connectorId = optional(form.connectorId);
      const recordType = optional(form.recordType);
      const tag = optional(form.tag);
      return {
        scope: "rule",
        retainYears: Number(form.retainYears),
        ...(connectorId ? { connectorId } : {}),
        ...(recordType ? { recordType } : {}),
        ...(tag ? { tag } : {}),
      };
    }
  }
}

export interface PickerOption {
  value: string;
  label: string;
}

/** The connections a record hold can name, by name and connector, instead of a raw id. */
export function instanceOptions(instances: ReadonlyArray<Pick<ConnectorInstanceView, "id" | "name" | "connectorId" | "enabled">>): PickerOption[] {
  return [...instances]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((instance) => ({ value: instance.id, label: `${instance.name} (${instance.connectorId}${instance.enabled ? "" : ", disabled"})` }));
}

/** The installed connectors a rule hold can be limited to. */
export function connectorOptions(types: ReadonlyArray<Pick<ConnectorType, "id" | "title">>): PickerOption[] {
  return [...types].sort((a, b) => a.title.localeCompare(b.title)).map((type) => ({ value: type.id, label: `${type.title} (${type.id})` }));
}

/** What a hold covers, in one line for the list; a record hold names its connection when it is known. */
export function describeSelector(hold: Pick<Hold, "scope" | "selector">, instanceNames: ReadonlyMap<string, string> = new Map()): string {
  const selector = (hold.selector ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof selector[key] === "string" || typeof selector[key] === "number" ? String(selector[key]) : "");
  switch (hold.scope) {
    case "person": {
      const count = Number(selector.identifierCount ?? 0);
      return `a person named by ${count} identifier${count === 1 ? "" : "s"}`;
    }
    case "record":
      return `${text("recordType")} ${text("recordId")} on ${instanceNames.get(text("instanceId")) ?? `instance ${text("instanceId").slice(0, 8)}…`}`;
    case "case":
      return `records of case ${text("caseId")}`;
    case "rule": {
      const filters = [
        selector.connectorId ? `${text("connectorId")}` : "",
        selector.recordType ? `${text("recordType")} records` : "records",
        selector.tag ? `tagged ${text("tag")}` : "",
      ].filter((part) => part !== "");
      return `${filters.join(" ")}, ${text("retainYears")} years from when they happened`;
    }
  }
}

/** active | ended | expired, as of `now`. */
export function holdState(hold: Pick<Hold, "endedAt" | "expiresAt">, now = new Date()): "active" | "ended" | "expired" {
  if (hold.endedAt) return "ended";
  if (hold.expiresAt && new Date(hold.expiresAt) <= now) return "expired";
  return "active";
}
