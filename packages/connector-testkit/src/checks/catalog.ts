import type { AnyConnector } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { badCredentialsGiveAuthError, checkPassesWithGoodCredentials } from "./connection";
import {
  capabilitiesMatchOperations,
  dataInventoryComplete,
  examplesParse,
  idAndVersionWellFormed,
  invalidSettingsRejected,
  noSecretInSettings,
} from "./declaration";
import {
  bystandersUntouchedByErase,
  erasedRecordsAreGoneFromTheOracle,
  locateFindsNothingAfterErase,
  secondEraseIsAlreadyAbsent,
} from "./erase";
import { binariesStreamWithTypeAndSize, everyLocatedRefExports, exportedRecordsMatchTheirSchemas, noSecretInExport } from "./export";
import {
  longRetryAfterGivesRateLimitedError,
  malformedExportGivesVendorContractError,
  malformedLocateGivesVendorContractError,
  serverErrorsGiveTransientError,
  shortRetryAfterIsRetriedTransparently,
  unauthorisedGivesAuthError,
} from "./faults";
import { secondSweepFindsNothing, sweepRemovesEveryCardNumber } from "./card-sweep";
import { consentEvidenceCoversEverySubjectCall, consentEvidenceResumesAndChangesNothing } from "./consent-evidence";
import { findExpiredChangesNothing, findsExactlyTheExpiredRecords } from "./retention";
import { logsHoldNoSecretOrIdentifier } from "./hygiene";
import { abortStopsPromptly, resumeFromCheckpointLeavesNoGapOrDuplicate } from "./locate-interruption";
import {
  bystandersNeverStrong,
  findsEverySubjectRecord,
  noDuplicateRefs,
  strengthFollowsIdentifierUniqueness,
  unknownSubjectYieldsNothing,
} from "./locate-matching";
import { mentionsAreRedactedNotErased } from "./mentions";
import { erasedRecordsReadBackAbsent, locatedRecordsReadBackPresent, redactedMentionsReadBackKept } from "./read-back";
import { recordingAudioStreamsAsDeclared, unknownRecordingHasNoAudio } from "./recording-audio";
import { rectifiedFieldsHoldTheNewValues, rectifyLeavesOtherRecordsUntouched, secondRectifyIsHarmless } from "./rectify";
import { redactedRecordsAreKeptWithoutTheSubject, redactLeavesBystandersUntouched } from "./redact";
import { countsMatchTheOracle, countsStoreNothingPersonal } from "./record-counts";
import { restrictLeavesBystandersUntouched, restrictMarksAndLiftClears } from "./restrict";

export const checkGroups = [
  { group: 1, title: "Declaration" },
  { group: 2, title: "Connection" },
  { group: 3, title: "Locate" },
  { group: 4, title: "Export" },
  { group: 5, title: "Erase (verified by the oracle)" },
  { group: 6, title: "Faults" },
  { group: 7, title: "Hygiene" },
  { group: 8, title: "Declared vendor features (card sweep, recording audio, consent evidence, retention)" },
  { group: 9, title: "Third-party record mentioning the subject" },
  { group: 10, title: "Read back by id" },
  { group: 11, title: "Rectify" },
  { group: 12, title: "Restrict processing" },
  { group: 13, title: "Redact records a legal hold keeps" },
  { group: 14, title: "Record counts (the data inventory's discovery scan)" },
] as const;

export type CheckGroup = (typeof checkGroups)[number]["group"];

export interface ConformanceCheck {
  group: CheckGroup;
  /** A sentence about the connector's behaviour: the test's name. */
  title: string;
  /** Why the check cannot apply to this connector (e.g. it declares no erase), if it cannot. */
  notApplicable?: (connector: AnyConnector) => string | undefined;
  run: (h: ConformanceHarness) => Promise<void>;
}

const needsExport = (connector: AnyConnector) =>
  connector.capabilities.export ? undefined : "the connector declares no export capability";
const needsErase = (connector: AnyConnector) =>
  connector.capabilities.erase ? undefined : "the connector declares no erase capability";
const needsCardSweep = (connector: AnyConnector) =>
  connector.capabilities.cardSweep ? undefined : "the connector declares no card sweep";
const needsConsentEvidence = (connector: AnyConnector) =>
  connector.capabilities.consentEvidence ? undefined : "the connector declares no consent evidence";
const needsRetention = (connector: AnyConnector) =>
  connector.capabilities.retention ? undefined : "the connector declares no retention";
const needsRecordingAudio = (connector: AnyConnector) =>
  connector.capabilities.recordingAudio ? undefined : "the connector declares no recording audio";
const needsMentions = (connector: AnyConnector) => {
  if (!connector.capabilities.mentions) return "the connector reports no other person's record as one that mentions the subject (capabilities.mentions)";
  return connector.capabilities.erase ? undefined : "the connector declares mentions but no erase, through which they are redacted";
};

const needsRectify = (connector: AnyConnector) =>
  connector.capabilities.rectify ? undefined : "the connector declares no rectify capability";
const needsRestrict = (connector: AnyConnector) =>
  connector.capabilities.restrict ? undefined : "the connector declares no restrict capability";
const needsRedact = (connector: AnyConnector) => {
  if (!connector.capabilities.redact) return "the connector declares no redact capability (records a legal hold keeps are not redacted)";
  return connector.capabilities.erase ? undefined : "the connector declares redact but no erase, through which a redact plan is carried out";
};

const needsCountRecords = (connector: AnyConnector) =>
  connector.capabilities.countRecords ? undefined : "the connector declares no countRecords (its vendor offers no way to count records)";

const needsReadBack = (connector: AnyConnector) =>
  connector.capabilities.readBack ? undefined : "the connector declares no readBack";
/** Mentions are redacted by connectors declaring `mentions`, or `redact` (the engine plans `redact` for them either way). */
const needsReadBackAndRedaction = (connector: AnyConnector) => {
  const missing = needsReadBack(connector) ?? needsErase(connector);
  if (missing) return missing;
  return connector.capabilities.mentions || connector.capabilities.redact ? undefined : "the connector redacts nothing (neither mentions nor redact)";
};

/**
 * Every check of docs/connectors.md groups 1–7, of the declared vendor features (8), of other
 * people's records mentioning the subject (9), of reading records back by id (10), of rectify
 * (11), restrict (12), redact (13) and record counts (14), by stable id (the key a `skip` entry names).
 */
export const conformanceChecks = {
  "declaration.examples-parse": {
    group: 1,
    title: "its settings and secrets schemas accept the declared examples and the sandbox's configuration",
    run: examplesParse,
  },
  "declaration.invalid-settings-rejected": {
    group: 1,
    title: "its settings schema rejects the declared invalid settings example",
    notApplicable: (connector) =>
      connector.invalidSettingsExample === undefined ? "the connector declares no invalidSettingsExample" : undefined,
    run: invalidSettingsRejected,
  },
  "declaration.no-secret-in-settings": {
    group: 1,
    title: "its settings hold no secret field and repeat no secret value",
    run: noSecretInSettings,
  },
  "declaration.capabilities-match-operations": {
    group: 1,
    title: "it declares exactly the operations it implements",
    run: capabilitiesMatchOperations,
  },
  "declaration.data-inventory": {
    group: 1,
    title: "every record type with a schema has a data inventory entry naming its categories, fields of its schema, purposes, lawful basis and an ISO 8601 retention period, and none without",
    run: dataInventoryComplete,
  },
  "count-records.match-oracle": {
    group: 14,
    title: "countRecords answers, for every record type it declares, the number of records the oracle holds",
    notApplicable: needsCountRecords,
    run: countsMatchTheOracle,
  },
  "count-records.numbers-only": {
    group: 14,
    title: "countRecords answers only a count and whether it is exact, nothing of the records",
    notApplicable: needsCountRecords,
    run: countsStoreNothingPersonal,
  },
  "declaration.id-and-version": {
    group: 1,
    title: "its id is kebab-case, its version semver and its docs link a URL",
    run: idAndVersionWellFormed,
  },
  "connection.check-passes": {
    group: 2,
    title: "check() passes with the sandbox's credentials",
    run: checkPassesWithGoodCredentials,
  },
  "connection.bad-credentials-auth-error": {
    group: 2,
    title: "check() with refused credentials fails with AuthError",
    run: badCredentialsGiveAuthError,
  },
  "locate.finds-every-record": {
    group: 3,
    title: "locate finds every record the oracle lists for each subject, across pages and stores",
    run: findsEverySubjectRecord,
  },
  "locate.match-strength": {
    group: 3,
    title: "locate matches strongly only through identifiers no one else holds, and weakly through shared ones",
    run: strengthFollowsIdentifierUniqueness,
  },
  "locate.bystanders-never-strong": {
    group: 3,
    title: "locate never matches a bystander's records as strong for the subject",
    run: bystandersNeverStrong,
  },
  "locate.unknown-subject": {
    group: 3,
    title: "locate finds nothing for an unknown subject",
    run: unknownSubjectYieldsNothing,
  },
  "locate.no-duplicates": {
    group: 3,
    title: "locate yields each record once",
    run: noDuplicateRefs,
  },
  "locate.abort": {
    group: 3,
    title: "locate stops within 2 seconds when its signal is aborted",
    run: abortStopsPromptly,
  },
  "locate.resume": {
    group: 3,
    title: "locate resumed from its checkpoint yields the rest with no gap and no duplicate",
    run: resumeFromCheckpointLeavesNoGapOrDuplicate,
  },
  "export.every-located-ref": {
    group: 4,
    title: "export hands over every located record and nothing that was not asked for",
    notApplicable: needsExport,
    run: everyLocatedRefExports,
  },
  "export.records-validate": {
    group: 4,
    title: "exported records match the declared record schemas",
    notApplicable: needsExport,
    run: exportedRecordsMatchTheirSchemas,
  },
  "export.binaries-stream": {
    group: 4,
    title: "exported binaries stream with a content type and exactly their declared size",
    notApplicable: needsExport,
    run: binariesStreamWithTypeAndSize,
  },
  "export.no-secrets": {
    group: 4,
    title: "exported output holds no credential of the instance",
    notApplicable: needsExport,
    run: noSecretInExport,
  },
  "erase.oracle-confirms": {
    group: 5,
    title: "after erasure the oracle finds none of the subject's erased records in any store (or only as the declared mode leaves them)",
    notApplicable: needsErase,
    run: erasedRecordsAreGoneFromTheOracle,
  },
  "erase.locate-finds-nothing": {
    group: 5,
    title: "after erasure locate no longer finds the subject",
    notApplicable: needsErase,
    run: locateFindsNothingAfterErase,
  },
  "erase.bystanders-untouched": {
    group: 5,
    title: "erasure leaves every bystander's records exactly as they were",
    notApplicable: needsErase,
    run: bystandersUntouchedByErase,
  },
  "erase.twice-is-safe": {
    group: 5,
    title: "erasing the same records again receipts already-absent and changes nothing",
    notApplicable: needsErase,
    run: secondEraseIsAlreadyAbsent,
  },
  "mentions.redacted-not-erased": {
    group: 9,
    title: "another person's record that mentions the subject keeps everything but the subject's identifiers after a redaction",
    notApplicable: needsMentions,
    run: mentionsAreRedactedNotErased,
  },
  "read-back.located-present": {
    group: 10,
    title: "every record locate found reads back present, with exactly one answer per ref",
    notApplicable: needsReadBack,
    run: locatedRecordsReadBackPresent,
  },
  "read-back.erased-absent": {
    group: 10,
    title: "after erasure every record receipted gone reads back absent (present while the oracle still holds it), and every record not erased that the vendor still holds reads back present",
    notApplicable: (connector) => needsReadBack(connector) ?? needsErase(connector),
    run: erasedRecordsReadBackAbsent,
  },
  "read-back.redacted-mention-kept": {
    group: 10,
    title: "another person's record redacted for a mention reads back present with mentionsSubject false (true before), and the oracle agrees the subject's data left it",
    notApplicable: needsReadBackAndRedaction,
    run: redactedMentionsReadBackKept,
  },
  "faults.unauthorised": {
    group: 6,
    title: "a 401 from the vendor becomes AuthError",
    run: unauthorisedGivesAuthError,
  },
  "faults.short-retry-after": {
    group: 6,
    title: "a 429 with a short Retry-After is waited out and retried transparently",
    run: shortRetryAfterIsRetriedTransparently,
  },
  "faults.long-retry-after": {
    group: 6,
    title: "a 429 with a long Retry-After becomes RateLimitedError carrying the wait",
    run: longRetryAfterGivesRateLimitedError,
  },
  "faults.server-error": {
    group: 6,
    title: "5xx answers that outlast the retries become TransientError",
    run: serverErrorsGiveTransientError,
  },
  "faults.malformed-locate": {
    group: 6,
    title: "a malformed answer during locate becomes VendorContractError, never a silently shorter result",
    run: malformedLocateGivesVendorContractError,
  },
  "faults.malformed-export": {
    group: 6,
    title: "a malformed answer during export becomes VendorContractError, never a silently dropped record",
    notApplicable: needsExport,
    run: malformedExportGivesVendorContractError,
  },
  "hygiene.logs": {
    group: 7,
    title: "across check, locate, export and erase the connector logs no secret and no identifier above debug",
    run: logsHoldNoSecretOrIdentifier,
  },
  "card-sweep.removes-every-card": {
    group: 8,
    title: "a card sweep over every record runs to its last page and the oracle finds no card number left",
    notApplicable: needsCardSweep,
    run: sweepRemovesEveryCardNumber,
  },
  "card-sweep.twice-is-safe": {
    group: 8,
    title: "a second card sweep finds no card number and redacts nothing",
    notApplicable: needsCardSweep,
    run: secondSweepFindsNothing,
  },
  "recording-audio.streams": {
    group: 8,
    title: "the audio of located recordings opens with an audio media type and streams exactly its declared size",
    notApplicable: needsRecordingAudio,
    run: recordingAudioStreamsAsDeclared,
  },
  "recording-audio.unknown-record": {
    group: 8,
    title: "an unknown recording opens no audio",
    notApplicable: needsRecordingAudio,
    run: unknownRecordingHasNoAudio,
  },
  "consent-evidence.covers-subject-calls": {
    group: 8,
    title: "consent evidence reports every subject's calls with them among the participants, facts inside the call",
    notApplicable: needsConsentEvidence,
    run: consentEvidenceCoversEverySubjectCall,
  },
  "consent-evidence.resumes-and-reads-only": {
    group: 8,
    title: "consent evidence resumes from a page's cursor and changes nothing",
    notApplicable: needsConsentEvidence,
    run: consentEvidenceResumesAndChangesNothing,
  },
  "retention.finds-exactly-expired": {
    group: 8,
    title: "findExpired finds exactly the records whose retention clock, per the oracle, is before the cut-off, each once",
    notApplicable: needsRetention,
    run: findsExactlyTheExpiredRecords,
  },
  "retention.reads-only": {
    group: 8,
    title: "finding expired records changes nothing",
    notApplicable: needsRetention,
    run: findExpiredChangesNothing,
  },
  "rectify.fields-updated": {
    group: 11,
    title: "rectify gives each declared field of a subject's record its new value, per the oracle, with a rectified receipt",
    notApplicable: needsRectify,
    run: rectifiedFieldsHoldTheNewValues,
  },
  "rectify.others-untouched": {
    group: 11,
    title: "rectify changes no record it was not asked to, bystanders' included",
    notApplicable: needsRectify,
    run: rectifyLeavesOtherRecordsUntouched,
  },
  "rectify.twice-is-harmless": {
    group: 11,
    title: "rectifying again with the same values receipts rectified and changes nothing",
    notApplicable: needsRectify,
    run: secondRectifyIsHarmless,
  },
  "restrict.marks-and-lifts": {
    group: 12,
    title: "restrict marks each of a subject's records restricted and lifting clears it, per the oracle, with restricted / unrestricted receipts",
    notApplicable: needsRestrict,
    run: restrictMarksAndLiftClears,
  },
  "restrict.bystanders-untouched": {
    group: 12,
    title: "restrict changes no record it was not asked to",
    notApplicable: needsRestrict,
    run: restrictLeavesBystandersUntouched,
  },
  "redact.kept-without-identifiers": {
    group: 13,
    title: "erase with a redact plan keeps each record (never deleted or trashed) with none of the subject's e-mail addresses or phone numbers left",
    notApplicable: needsRedact,
    run: redactedRecordsAreKeptWithoutTheSubject,
  },
  "redact.bystanders-untouched": {
    group: 13,
    title: "erase with a redact plan leaves other people's records as they were",
    notApplicable: needsRedact,
    run: redactLeavesBystandersUntouched,
  },
} as const satisfies Record<string, ConformanceCheck>;

export type CheckId = keyof typeof conformanceChecks;

export const checkIds: readonly CheckId[] = Object.keys(conformanceChecks).filter(
  (id): id is CheckId => id in conformanceChecks,
);

/** One check by id, to run on its own (the testkit's self-test calls checks this way). */
export function conformanceCheck(id: CheckId): ConformanceCheck {
  return conformanceChecks[id];
}
