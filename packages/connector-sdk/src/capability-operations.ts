import type { Capabilities, ConnectorDefinition } from "./definition";
import type { z } from "zod";

/**
 * Each optional capability and the operation that carries it out. `mentions` has none of its
 * own (mentions are redacted through `erase`), and `locate`, `hold` and `discover` are not
 * operations a connector may leave out.
 */
export const capabilityOperations = {
  export: "export",
  erase: "erase",
  confirm: "confirm",
  redact: "redact",
  rectify: "rectify",
  restrict: "restrict",
  cardSweep: "sweepCardNumbers",
  recordingAudio: "openRecordingAudio",
  readBack: "readBack",
  countRecords: "countRecords",
  retention: "findExpired",
  consentEvidence: "readConsentEvidence",
} as const satisfies Partial<Record<keyof Capabilities, keyof ConnectorDefinition>>;

export type OperationalCapability = keyof typeof capabilityOperations;

/**
 * Whether a capabilities object declares a capability, as far as its type says: "yes" for
 * `true` or a configuration object, "no" for `false` or absent, "unknown" for a plain `boolean`
 * (a definition whose capabilities were typed `Capabilities` rather than written out), which the
 * conformance suite and `capabilityProblems` still check at run time.
 */
type Declared<C, K extends OperationalCapability> = [C extends { [P in K]: infer V } ? V : undefined] extends [infer V]
  ? [V] extends [false | undefined]
    ? "no"
    : [V] extends [true | object]
      ? "yes"
      : "unknown"
  : never;

type Pairing<C, K extends OperationalCapability, Definition> = {
  yes: { [P in (typeof capabilityOperations)[K]]-?: NonNullable<Definition[P & keyof Definition]> };
  no: { [P in (typeof capabilityOperations)[K]]?: never };
  unknown: unknown;
}[Declared<C, K>];

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;

/**
 * What a definition whose capabilities are `C` must and must not implement: every declared
 * capability's operation, and no operation of a capability it declares absent. `defineConnector`
 * intersects its parameter with this, so a mismatch is a compile error at the definition.
 */
export type OperationsMatching<C, S extends z.ZodType, K extends z.ZodType> = UnionToIntersection<
  { [Cap in OperationalCapability]: Pairing<C, Cap, ConnectorDefinition<S, K>> }[OperationalCapability]
>;

/** Whether a value taken from a capabilities object declares its capability (`true` or an object). */
export function declares(value: unknown): boolean {
  return value === true || (typeof value === "object" && value !== null);
}

/**
 * Every mismatch between what a candidate connector declares and what it implements, each as a
 * sentence: a capability without its operation, an operation without its capability, and a
 * recording-audio or counted record type with no schema. Pure; the conformance suite's
 * `declaration.capabilities-match-operations` and a host loading a plugin (which has no compile
 * time check when written in plain JavaScript) apply this same rule.
 */
export function capabilityProblems(candidate: unknown): string[] {
  if (typeof candidate !== "object" || candidate === null) return ["it is not a connector definition"];
  const definition = candidate as Record<string, unknown>;
  const capabilities = definition.capabilities;
  if (typeof capabilities !== "object" || capabilities === null) return ["it declares no capabilities object"];
  const declared = capabilities as Record<string, unknown>;
  const problems: string[] = [];
  for (const [capability, operation] of Object.entries(capabilityOperations)) {
    const isDeclared = declares(declared[capability]);
    const isImplemented = typeof definition[operation] === "function";
    if (isDeclared && !isImplemented) problems.push(`declares ${capability} but implements no ${operation} operation`);
    if (!isDeclared && isImplemented) problems.push(`implements ${operation} but does not declare ${capability}`);
  }
  const playable = declared.recordingAudio;
  if (declares(playable)) {
    const recordType = (playable as { recordType?: unknown }).recordType;
    const schemas = definition.recordSchemas;
    const known = typeof recordType === "string" && typeof schemas === "object" && schemas !== null && recordType in schemas;
    if (!known) problems.push(`declares recording audio for record type ${JSON.stringify(recordType)}, which has no schema`);
  }
  const counted = declared.countRecords;
  if (declares(counted)) {
    const types = (counted as { recordTypes?: unknown }).recordTypes;
    const schemas = typeof definition.recordSchemas === "object" && definition.recordSchemas !== null ? definition.recordSchemas : {};
    if (!Array.isArray(types) || types.length === 0) problems.push("declares countRecords without the record types it counts");
    else for (const type of types) if (typeof type !== "string" || !(type in schemas)) problems.push(`declares countRecords for record type ${JSON.stringify(type)}, which has no schema`);
  }
  const retention = declared.retention;
  if (declares(retention)) {
    const recordTypes = (retention as { recordTypes?: unknown }).recordTypes;
    const schemas = typeof definition.recordSchemas === "object" && definition.recordSchemas !== null ? definition.recordSchemas : {};
    if (!Array.isArray(recordTypes) || recordTypes.length === 0) {
      problems.push("declares retention for no record type");
    } else {
      const unknown = recordTypes.filter((type) => typeof type !== "string" || !(type in schemas));
      for (const type of unknown) problems.push(`declares retention for record type ${JSON.stringify(type)}, which has no schema`);
    }
  }
  return problems;
}
