import type { FieldUpdate, VendorHold } from "@lethe/connector-sdk";
import type { ConnectorAbilities } from "./connector-abilities";
import type { Mention } from "./record-relation";
import { vendorHoldReason } from "./vendor-hold";

/** The legal hold that keeps a record (holds/select-hold.ts decides which). */
export interface HeldBy {
  holdId: string;
  title: string;
  basis: string;
  redactNonEssential: boolean;
  retainUntil: Date | null;
  /** selectHold's own words: names the hold and basis, and a rule hold's term or unknown date. */
  reason?: string;
}

export interface ActionInput {
  requestType: string;
  /** undefined: the connector is not installed on this worker. */
  connector: ConnectorAbilities | undefined;
  connectorId: string;
  recordType: string;
  strength: "strong" | "weak";
  /** The decision a person already took on this record (carried over every rebuild). */
  review: string;
  hold: HeldBy | null;
  /** The vendor's own hold, reported when the record was located: it will refuse the deletion. */
  vendorHold?: VendorHold | null;
  /** Rectification: the changes the requester asked for. */
  changes: readonly FieldUpdate[];
  /** Why a weak match is weak, from the connector's matches. */
  matchReasons: readonly string[];
  /** Set when the record is another person's that only mentions the subject (record-relation.ts). */
  mention?: Mention | undefined;
}

export type PlanActionName = "export" | "erase" | "anonymise" | "redact" | "retain" | "skip" | "rectify" | "restrict";

export interface PlannedAction {
  action: PlanActionName;
  reason: string;
  holdId: string | null;
  retainUntil: Date | null;
  fieldUpdates: FieldUpdate[] | null;
  review: "none" | "pending" | "include" | "exclude";
}

/**
 * What the engine will do to one located record (docs/rights-engine.md, "Plan"): the action the
 * request type implies, limited by what the connector declares it can do and by legal holds; a
 * weak match keeps that action but waits for review, and an excluded one is skipped.
 */
export function planAction(input: ActionInput): PlannedAction {
  const base = typeAction(input);
  if (input.strength === "strong") return { ...base, review: "none" };
  if (input.review === "exclude") return { ...base, action: "skip", reason: "excluded in review", review: "exclude" };
  if (input.review === "include") return { ...base, reason: `included in review; ${base.reason}`, review: "include" };
  const why = input.matchReasons.length > 0 ? input.matchReasons.join("; ") : "matched only through a weak identifier";
  return { ...base, reason: `awaiting review (${why}); if included: ${base.reason}`, review: "pending" };
}

type BaseAction = Omit<PlannedAction, "review">;

const plain = (action: BaseAction["action"], reason: string): BaseAction => ({
  action,
  reason,
  holdId: null,
  retainUntil: null,
  fieldUpdates: null,
});

/**
 * A skip that is no shortfall: the request does not concern this record (a correction of the
 * phone number means nothing to a note). Counted apart by the outcome, not as "not done".
 */
export const notApplicablePrefix = "not applicable: ";

function typeAction(input: ActionInput): BaseAction {
  const { connector, connectorId } = input;
  if (!connector) return plain("skip", `connector "${connectorId}" is not installed on this worker`);
  const { capabilities } = connector;
  switch (input.requestType) {
    case "access":
    case "portability":
      return connector.implements.export && capabilities.export
        ? plain("export", "export to the subject")
        : plain("skip", `connector "${connectorId}" cannot export: the record is not in the bundle`);
    case "erasure":
      return erasureAction(input, connector);
    case "rectification": {
      const fields = (capabilities.rectify || {})[input.recordType] ?? [];
      if (!connector.implements.rectify || !capabilities.rectify) {
        return plain("skip", `connector "${connectorId}" cannot rectify records`);
      }
      if (fields.length === 0) {
        return plain("skip", `${notApplicablePrefix}${input.recordType} records hold none of the fields a correction changes`);
      }
      const updates = input.changes.filter((change) => fields.includes(change.field));
      if (updates.length === 0) return plain("skip", `${notApplicablePrefix}none of the requested fields is on a ${input.recordType} record`);
      return { ...plain("rectify", `rectify ${updates.map((update) => update.field).join(", ")}`), fieldUpdates: updates };
    }
    case "restriction":
      return connector.implements.restrict && capabilities.restrict
        ? plain("restrict", "restrict processing")
        : plain("skip", `connector "${connectorId}" cannot restrict processing`);
    default:
      return plain("skip", `no action is defined for ${input.requestType} requests`);
  }
}

function erasureAction(input: ActionInput, connector: ConnectorAbilities): BaseAction {
  const { capabilities } = connector;
  const canErase = connector.implements.erase && capabilities.erase !== false;
  if (input.hold) {
    const { hold } = input;
    const held = { holdId: hold.holdId, retainUntil: hold.retainUntil, fieldUpdates: null };
    if (hold.redactNonEssential && canErase && capabilities.redact) {
      return { ...held, action: "redact", reason: `held by "${hold.title}" (${hold.basis}): non-essential personal data redacted` };
    }
    return { ...held, action: "retain", reason: hold.reason ?? `held by "${hold.title}" (${hold.basis})` };
  }
  // Planned before anything runs: the vendor said when locating that it keeps this record, so the
  // plan must not promise a deletion the vendor will refuse (its basis goes on the receipt).
  if (input.vendorHold) return plain("retain", vendorHoldReason(input.vendorHold));
  if (input.mention) {
    const canRedact = capabilities.redact || capabilities.mentions === true;
    return mentionAction(input.mention, input.connectorId, canErase && canRedact);
  }
  if (!canErase) return plain("skip", `connector "${input.connectorId}" cannot erase: the record stays in place`);
  const erase = capabilities.erase;
  return erase && erase.mode === "anonymise" ? plain("anonymise", "anonymise in place") : plain("erase", "erase");
}

/**
 * Another person's record that only mentions the subject is never deleted: deleting it would
 * erase the other person's data, keeping it whole would keep the subject's. The subject's
 * identifiers are redacted from the fields holding the mention; a connector that cannot redact
 * leaves it in place, reported (`skip`), so the request cannot end as if it were done.
 */
function mentionAction(mention: Mention, connectorId: string, canRedact: boolean): BaseAction {
  const where = mention.fields.length > 0 ? mention.fields.join(", ") : "the fields that mention them";
  return canRedact
    ? plain("redact", `another person's record that mentions the subject: their identifiers are redacted from ${where}, the rest is kept`)
    : plain("skip", `another person's record that mentions the subject in ${where}; connector "${connectorId}" cannot redact, and the record is not theirs to delete`);
}
