import type { Identifier } from "./identifiers";

/*
 * The personal-data service a connector finds on `ctx.personalData`: detection of personal data in
 * text and the mapping of timed transcript words to audio ranges. Declared here as an interface so
 * that connectors depend on the SDK only; the runtime and the testkit supply the implementation
 * (`@lethe/redaction`'s `personalDataService`).
 */

/** What a found span is. `identifier`: one of the subject's own identifiers of another kind (a customer id, a SIP address …). */
export type PersonalDataType = "email" | "phone" | "card" | "iban" | "person" | "address" | "identifier";

/** Personal data found in a text: UTF-16 offsets, `end` exclusive; never the matched text itself. */
export interface PersonalDataSpan {
  type: PersonalDataType;
  start: number;
  end: number;
  /** 0–1: how sure the detector is. */
  confidence: number;
}

/** The data subject as a text search knows them: their identifiers (normalised) and full names. */
export interface DataSubjectProfile {
  identifiers?: readonly Identifier[];
  /** Full names as "given [middle …] family". */
  names?: readonly string[];
}

export interface PersonalDataSearch {
  /** The kinds of personal data to look for (default: all). */
  types?: readonly PersonalDataType[];
  /** The subject, whose own identifiers and name variants are found whatever `types` says. */
  subject?: DataSubjectProfile;
  /** ISO 3166 regions for phone numbers written without a country code, the firm's own first. */
  regions?: readonly string[];
}

/** One recognised word of a transcript with its timing, and its channel when known. */
export interface SpokenWord {
  text: string;
  startMs: number;
  endMs: number;
  channel?: number;
}

/** A stretch of a recording; `channel` left out means every channel. */
export interface AudioRange {
  channel?: number;
  startMs: number;
  endMs: number;
}

export interface AudioRangeOptions {
  /** Added before and after each word, so that the edges of a word are not left audible. */
  paddingMs?: number;
  /** Ranges on one channel closer than this are merged. */
  mergeGapMs?: number;
  /** Only words spoken on these channels. */
  channels?: readonly number[];
}

export interface PersonalDataService {
  /**
   * The personal data in `text` (digits spoken as words included), overlapping finds resolved to
   * one span each, in text order.
   */
  find(text: string, search?: PersonalDataSearch): PersonalDataSpan[];
  /**
   * Where in the audio the words covered by `spans` were said, per channel, padded and merged.
   * Span offsets are into the words joined by single spaces.
   */
  audioRanges(words: readonly SpokenWord[], spans: readonly Pick<PersonalDataSpan, "start" | "end">[], options?: AudioRangeOptions): AudioRange[];
  /** Ranges on the same channel that overlap or lie closer than `gapMs` joined into one. */
  mergeAudioRanges(ranges: readonly AudioRange[], gapMs?: number): AudioRange[];
}
