import type { z } from "zod";
import type { CardSweepInput, CardSweepPage } from "./card-sweep";
import type { ConsentEvidenceInput, ConsentEvidencePage } from "./consent-evidence";
import type { ConnectorContext } from "./context";
import type { ConnectorDefinition, EraseMode } from "./definition";
import type {
  ErasePlan,
  ErasureReceipt,
  ExportItem,
  FieldUpdate,
  ReadBackQuery,
  RecordPresence,
  RecordRef,
  RedactionSpan,
} from "./records";
import type { RecordCount, RecordCountQuery } from "./record-count";
import type { RecordingAudio } from "./recording-audio";
import type { ExpiredPage, FindExpiredInput } from "./retention";

/**
 * The optional operations a connector declared, each bound to the connector and present only
 * when both the capability is declared and the operation implemented: the one place the host
 * reads `capabilities` together with the methods, instead of checking both at every call site.
 */
export interface DeclaredOperations<Settings = unknown, Secrets = unknown> {
  export?: (ctx: ConnectorContext<Settings, Secrets>, refs: RecordRef[]) => AsyncIterable<ExportItem>;
  erase?: {
    mode: EraseMode;
    caveats: string[];
    run: (ctx: ConnectorContext<Settings, Secrets>, refs: RecordRef[], plan: ErasePlan) => AsyncIterable<ErasureReceipt>;
  };
  confirm?: (ctx: ConnectorContext<Settings, Secrets>, pending: ErasureReceipt[]) => AsyncIterable<ErasureReceipt>;
  redact?: (ctx: ConnectorContext<Settings, Secrets>, ref: RecordRef, spans: RedactionSpan[]) => Promise<ErasureReceipt>;
  rectify?: {
    /** Record type → the fields it can update. */
    fields: Record<string, string[]>;
    apply: (ctx: ConnectorContext<Settings, Secrets>, ref: RecordRef, updates: FieldUpdate[]) => Promise<ErasureReceipt>;
  };
  restrict?: (
    ctx: ConnectorContext<Settings, Secrets>,
    refs: RecordRef[],
    restriction: { lift: boolean },
  ) => AsyncIterable<ErasureReceipt>;
  cardSweep?: (ctx: ConnectorContext<Settings, Secrets>, input: CardSweepInput) => AsyncIterable<CardSweepPage>;
  recordingAudio?: {
    recordType: string;
    open: (ctx: ConnectorContext<Settings, Secrets>, ref: RecordRef) => Promise<RecordingAudio | undefined>;
  };
  readBack?: (ctx: ConnectorContext<Settings, Secrets>, refs: RecordRef[], query?: ReadBackQuery) => AsyncIterable<RecordPresence>;
  countRecords?: {
    /** The record types it can count. */
    recordTypes: string[];
    count: (ctx: ConnectorContext<Settings, Secrets>, query: RecordCountQuery) => Promise<RecordCount>;
  };
  retention?: {
    recordTypes: string[];
    findExpired: (ctx: ConnectorContext<Settings, Secrets>, input: FindExpiredInput) => AsyncIterable<ExpiredPage>;
  };
  consentEvidence?: (ctx: ConnectorContext<Settings, Secrets>, input: ConsentEvidenceInput) => AsyncIterable<ConsentEvidencePage>;
}

/** The optional operations `connector` declared and implements, bound to it (see `DeclaredOperations`). */
export function declaredOperations<S extends z.ZodType, K extends z.ZodType>(
  connector: ConnectorDefinition<S, K>,
): DeclaredOperations<z.output<S>, z.output<K>> {
  const { capabilities } = connector;
  const operations: DeclaredOperations<z.output<S>, z.output<K>> = {};
  if (capabilities.export && connector.export) operations.export = connector.export.bind(connector);
  if (capabilities.erase && connector.erase) {
    operations.erase = { mode: capabilities.erase.mode, caveats: capabilities.erase.caveats ?? [], run: connector.erase.bind(connector) };
  }
  if (capabilities.confirm && connector.confirm) operations.confirm = connector.confirm.bind(connector);
  if (capabilities.redact && connector.redact) operations.redact = connector.redact.bind(connector);
  if (capabilities.rectify && connector.rectify) operations.rectify = { fields: capabilities.rectify, apply: connector.rectify.bind(connector) };
  if (capabilities.restrict && connector.restrict) operations.restrict = connector.restrict.bind(connector);
  if (capabilities.cardSweep && connector.sweepCardNumbers) operations.cardSweep = connector.sweepCardNumbers.bind(connector);
  if (capabilities.recordingAudio && connector.openRecordingAudio) {
    operations.recordingAudio = { recordType: capabilities.recordingAudio.recordType, open: connector.openRecordingAudio.bind(connector) };
  }
  if (capabilities.readBack && connector.readBack) operations.readBack = connector.readBack.bind(connector);
  if (capabilities.countRecords && connector.countRecords) {
    operations.countRecords = { recordTypes: [...capabilities.countRecords.recordTypes], count: connector.countRecords.bind(connector) };
  }
  if (capabilities.retention && connector.findExpired) {
    operations.retention = { recordTypes: capabilities.retention.recordTypes, findExpired: connector.findExpired.bind(connector) };
  }
  if (capabilities.consentEvidence && connector.readConsentEvidence) operations.consentEvidence = connector.readConsentEvidence.bind(connector);
  return operations;
}
