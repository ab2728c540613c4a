import type { z } from "zod";
import type { CardSweepInput, CardSweepPage } from "./card-sweep";
import type { ConsentEvidenceInput, ConsentEvidencePage } from "./consent-evidence";
import type { ConnectorContext } from "./context";
import type { DataInventory } from "./data-inventory";
import type { ExportFieldRoles, ProcessingDeclaration } from "./export-declarations";
import type { IdentifierKind } from "./identifiers";
import type {
  ErasePlan,
  ErasureReceipt,
  ExportItem,
  FieldUpdate,
  LocatedRecord,
  LocateQuery,
  RecordPresence,
  ReadBackQuery,
  RecordRef,
  RedactionSpan,
} from "./records";
import type { RecordCount, RecordCountQuery } from "./record-count";
import type { RecordingAudio } from "./recording-audio";
import type { ExpiredPage, FindExpiredInput, RetentionCapability } from "./retention";
import type { SandboxDefinition } from "./sandbox";

export type EraseMode = "hard" | "soft" | "anonymise";

/** Declared honestly: the conformance suite holds each claim against the sandbox's oracle. */
export interface Capabilities {
  locate: true;
  export: boolean;
  erase: false | { mode: EraseMode; caveats?: string[] };
  redact: boolean;
  hold: boolean;
  discover: boolean;
  confirm: boolean;
  /** Fields (by record type) whose values it can update for a rectification; false if none. */
  rectify?: false | Record<string, string[]>;
  /** Whether it can mark records restricted from processing (GDPR Art. 18) and lift it. */
  restrict?: boolean;
  /**
   * Whether it can sweep an interval's records for payment card numbers and remove them
   * (`sweepCardNumbers`), outside any request.
   */
  cardSweep?: boolean;
  /**
   * The record type whose records have audio it can open for playback (`openRecordingAudio`);
   * false or absent if none.
   */
  recordingAudio?: false | { recordType: string };
  /**
   * Whether locate reports other people's records that only mention the subject
   * (`relation: "mentions"`), which the engine redacts through `erase` with a redact plan instead
   * of deleting them: it accepts a redact plan for those records even without `redact` (which is
   * about records a legal hold keeps). The conformance suite's group
   * "third-party record mentioning the subject" holds the claim against the oracle.
   */
  mentions?: boolean;
  /**
   * Whether it can read records back by id after erasure (`readBack`): verification then proves
   * each erased record gone from the vendor itself, including parts a search no longer finds.
   */
  readBack?: boolean;
  /**
   * The record types whose records it can count (`countRecords`) through the vendor's own count
   * mechanism, for the data inventory's discovery scan; false or absent if none.
   */
  countRecords?: false | { recordTypes: string[] };
  /**
   * The record types whose records it can find by age (`findExpired`) for retention schedules;
   * false or absent if none.
   */
  retention?: false | RetentionCapability;
  /**
   * Whether it can report, for the calls of an interval, each participant's consent-to-record
   * facts (`readConsentEvidence`), which fill Lethe's consent ledger.
   */
  consentEvidence?: boolean;
}

export type DataCategory =
  | "contact"
  | "identity"
  | "communication"
  | "voice"
  | "transaction"
  | "support_history"
  | "consent"
  | "marketing"
  | "location"
  | "other";

export interface ConnectorDefinition<
  SettingsSchema extends z.ZodType = z.ZodType,
  SecretsSchema extends z.ZodType = z.ZodType,
> {
  /** kebab-case and permanent: stored with every task and receipt. */
  id: string;
  /**
   * The connector contract (`major.minor`) the definition implements; `defineConnector` sets it
   * to its SDK's `connectorContractVersion`, and a host refuses a plugin it cannot run.
   */
  contractVersion?: string;
  version: string;
  title: string;
  description: string;
  docsUrl: string;
  settings: SettingsSchema;
  secrets: SecretsSchema;
  /** Valid examples (used by the console's form and checked by the conformance suite). */
  examples: { settings: z.input<SettingsSchema>; secrets: z.input<SecretsSchema> };
  /** A settings value that must be rejected (the conformance suite checks it is). */
  invalidSettingsExample?: unknown;
  identifiers: IdentifierKind[];
  /**
   * Record type → the personal data it holds, in which fields, why, on which lawful basis and for
   * how long by default (the data inventory, GDPR Art. 30; see `RecordTypeInventory`). Every type
   * of `recordSchemas` has an entry. Since connector contract 1.1.
   */
  inventory: DataInventory;
  /** Record type → the shape of its exported JSON. */
  recordSchemas: Record<string, z.ZodType>;
  /** Fields of the exported JSON that never go into a person's copy (vendor API URLs, other parties' metadata). */
  exportFieldRoles?: ExportFieldRoles;
  /**
   * Recipients and source of the data this system holds (GDPR Art. 15(1)(c), (g)), shown to the
   * person in the access bundle's index beside the purposes, basis and retention of `inventory`.
   * Written by the organisation's deployment of the connector in practice; the connector's own is
   * the vendor-typical default.
   */
  processing?: ProcessingDeclaration;
  capabilities: Capabilities;
  /** The vendor's documented default; an admin may configure a lower one per instance. */
  rateLimit: { requestsPerMinute: number };

  check(ctx: Ctx<SettingsSchema, SecretsSchema>): Promise<void>;
  locate(ctx: Ctx<SettingsSchema, SecretsSchema>, query: LocateQuery): AsyncIterable<LocatedRecord>;
  export?(ctx: Ctx<SettingsSchema, SecretsSchema>, refs: RecordRef[]): AsyncIterable<ExportItem>;
  erase?(
    ctx: Ctx<SettingsSchema, SecretsSchema>,
    refs: RecordRef[],
    plan: ErasePlan,
  ): AsyncIterable<ErasureReceipt>;
  confirm?(
    ctx: Ctx<SettingsSchema, SecretsSchema>,
    pending: ErasureReceipt[],
  ): AsyncIterable<ErasureReceipt>;
  redact?(
    ctx: Ctx<SettingsSchema, SecretsSchema>,
    ref: RecordRef,
    spans: RedactionSpan[],
  ): Promise<ErasureReceipt>;
  /** Applies reviewed field updates; receipts `rectified` (or `already-absent`). */
  rectify?(
    ctx: Ctx<SettingsSchema, SecretsSchema>,
    ref: RecordRef,
    updates: FieldUpdate[],
  ): Promise<ErasureReceipt>;
  /** Marks records restricted (or lifts it); receipts `restricted` / `unrestricted`. */
  restrict?(
    ctx: Ctx<SettingsSchema, SecretsSchema>,
    refs: RecordRef[],
    restriction: { lift: boolean },
  ): AsyncIterable<ErasureReceipt>;
  /**
   * The card sweep (`capabilities.cardSweep`): every record of the interval searched for payment
   * card numbers and each removed, a page at a time with the cursor to resume from. Repeating a
   * page must be harmless: a resumed sweep starts again at the page it was on.
   */
  sweepCardNumbers?(ctx: Ctx<SettingsSchema, SecretsSchema>, input: CardSweepInput): AsyncIterable<CardSweepPage>;
  /**
   * The audio of one record of the type `capabilities.recordingAudio` names, as the vendor holds
   * it now; undefined when the record or its media no longer exists.
   */
  openRecordingAudio?(ctx: Ctx<SettingsSchema, SecretsSchema>, ref: RecordRef): Promise<RecordingAudio | undefined>;
  /**
   * Each record as the vendor holds it now, read by its id (never searched): one answer per ref,
   * `present: false` when the vendor no longer holds it in any store the connector can read.
   * Verification asks twice: for records the plan erased (gone?) and, with the subject's
   * identifiers in `query`, for records the plan redacted (still there, and `mentionsSubject`
   * false?).
   */
  readBack?(
    ctx: Ctx<SettingsSchema, SecretsSchema>,
    refs: RecordRef[],
    query?: ReadBackQuery,
  ): AsyncIterable<RecordPresence>;
  /**
   * How many records of one type the vendor holds now (`capabilities.countRecords`), asked through
   * the vendor's count mechanism; never reads or returns the records themselves.
   */
  countRecords?(ctx: Ctx<SettingsSchema, SecretsSchema>, query: RecordCountQuery): Promise<RecordCount>;
  /**
   * The records of one type (of `capabilities.retention.recordTypes`) whose retention clock is
   * before `input.before`, a page at a time with the cursor to resume from. Finds only: the runtime
   * decides what is kept and erases the rest through `erase`.
   */
  findExpired?(ctx: Ctx<SettingsSchema, SecretsSchema>, input: FindExpiredInput): AsyncIterable<ExpiredPage>;
  /**
   * The consent facts of every participant of the calls that started in the interval
   * (`capabilities.consentEvidence`), a page at a time with the cursor to resume from. Reads only.
   */
  readConsentEvidence?(ctx: Ctx<SettingsSchema, SecretsSchema>, input: ConsentEvidenceInput): AsyncIterable<ConsentEvidencePage>;
}

type Ctx<A extends z.ZodType, B extends z.ZodType> = ConnectorContext<z.output<A>, z.output<B>>;

/** A connector package's default export, with its sandbox attached by the `./sandbox` subpath. */
export type AnyConnector = ConnectorDefinition;

export interface ConnectorPackage {
  connector: AnyConnector;
  sandbox: SandboxDefinition;
}
