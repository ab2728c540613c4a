import type { ExportFieldRoles, ExportPart } from "@lethe/connector-sdk";
import { maskCardNumbers } from "./card-masking";

/** What was left out of, or masked in, one record on its way into the person's copy. */
export interface CopyTally {
  /** Parts of a shared record that are other people's (Art. 15(4)). */
  otherPeoplesParts: number;
  /** Fields the connector declares internal or another party's metadata. */
  roledFields: number;
  cardNumbersMasked: number;
}

export function emptyTally(): CopyTally {
  return { otherPeoplesParts: 0, roledFields: 0, cardNumbersMasked: 0 };
}

export function addTally(into: CopyTally, from: CopyTally): void {
  into.otherPeoplesParts += from.otherPeoplesParts;
  into.roledFields += from.roledFields;
  into.cardNumbersMasked += from.cardNumbersMasked;
}

/**
 * The person's copy of one exported record: other people's parts left out, fields with a declared
 * role dropped, card numbers masked in every text. Pure: `data` is not changed. Works on JSON only
 * (records reach here as the connector parsed them from the vendor's JSON).
 */
export function subjectCopy(
  data: Record<string, unknown>,
  parts: readonly ExportPart[] | undefined,
  fieldPatterns: Readonly<Record<string, unknown>> | undefined,
): { data: Record<string, unknown>; tally: CopyTally } {
  const copy = structuredClone(data);
  const otherPeoplesParts = withholdOtherParts(copy, parts ?? []);
  const roledFields = dropRoledFields(copy, Object.keys(fieldPatterns ?? {}));
  const masked = maskCardNumbers(copy);
  return {
    data: masked.value as Record<string, unknown>,
    tally: { otherPeoplesParts, roledFields, cardNumbersMasked: masked.count },
  };
}

/** The field patterns declared for one record type. */
export function fieldPatternsFor(roles: ExportFieldRoles | undefined, recordType: string): Record<string, unknown> {
  return roles?.[recordType] ?? {};
}

/**
 * Removes every part declared about another person, in place; returns how many were there. Array
 * elements are removed (not nulled), all of one array's at once from the end so that the indexes
 * the connector gave stay valid; a path that leads nowhere is ignored (the part is already absent).
 */
function withholdOtherParts(root: Record<string, unknown>, parts: readonly ExportPart[]): number {
  const arrayRemovals = new Map<unknown[], Set<number>>();
  const keyRemovals: { parent: Record<string, unknown>; key: string }[] = [];
  let count = 0;
  for (const part of parts) {
    if (part.about !== "other" || part.path.length === 0) continue;
    const parent = valueAt(root, part.path.slice(0, -1));
    const last = part.path[part.path.length - 1];
    if (Array.isArray(parent) && typeof last === "number" && last >= 0 && last < parent.length) {
      const indexes = arrayRemovals.get(parent) ?? new Set<number>();
      if (!indexes.has(last)) count++;
      indexes.add(last);
      arrayRemovals.set(parent, indexes);
    } else if (isObject(parent) && last !== undefined && Object.hasOwn(parent, String(last))) {
      keyRemovals.push({ parent, key: String(last) });
      count++;
    }
  }
  // Keys first: a key path may run through an array element that is about to be removed.
  for (const { parent, key } of keyRemovals) delete parent[key];
  for (const [array, indexes] of arrayRemovals) {
    for (const index of [...indexes].sort((a, b) => b - a)) array.splice(index, 1);
  }
  return count;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === "number") current = current[step];
    else if (isObject(current) && Object.hasOwn(current, String(step))) current = current[String(step)];
    else return undefined;
  }
  return current;
}

/** Deletes the fields matching each dot-separated pattern (`*` = any key or index), in place. */
function dropRoledFields(root: Record<string, unknown>, patterns: readonly string[]): number {
  let count = 0;
  for (const pattern of patterns) count += dropMatching(root, pattern.split("."));
  return count;
}

function dropMatching(node: unknown, steps: readonly string[]): number {
  const [step, ...rest] = steps;
  if (step === undefined) return 0;
  const children: [string | number, unknown][] = Array.isArray(node)
    ? node.map((value, index) => [index, value])
    : isObject(node)
      ? Object.entries(node)
      : [];
  let count = 0;
  for (const [key, value] of children) {
    if (step !== "*" && String(key) !== step) continue;
    if (rest.length > 0) {
      count += dropMatching(value, rest);
    } else if (isObject(node) && typeof key === "string") {
      delete node[key];
      count++;
    }
  }
  return count;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
