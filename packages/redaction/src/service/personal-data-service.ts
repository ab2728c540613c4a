import type { PersonalDataService, PersonalDataSpan } from "@lethe/connector-sdk";
import { isSupportedCountry, type CountryCode } from "libphonenumber-js/max";
import { detectPii, resolveOverlaps } from "../text/detect-pii";
import type { PiiSpan } from "../text/pii-span";
import { detectSubjectIdentifiers } from "../text/subject-detector";
import { audioRangesForSpans, mergeAudioRanges } from "../transcript/transcript-audio-ranges";

/** The subject's own finds below this are guesses; the general detectors drop them too. */
const subjectMinConfidence = 0.5;

/**
 * The SDK's `ctx.personalData`, on this package's detectors: what the runtime and the testkit hand
 * connectors, so that a connector needs no dependency but the SDK.
 */
export const personalDataService: PersonalDataService = {
  find(text, search = {}) {
    const regions = (search.regions ?? []).filter((region): region is CountryCode => isSupportedCountry(region));
    const found = detectPii(text, { types: search.types, subject: search.subject, regions, includeText: false });
    // detectPii keeps only the subject's finds of the wanted types; their own identifiers count whatever the types.
    const own = search.subject
      ? detectSubjectIdentifiers(text, search.subject, { regions }).filter((span) => span.confidence >= subjectMinConfidence)
      : [];
    return resolveOverlaps([...found, ...own]).map(spanOf);
  },
  audioRanges: (words, spans, options = {}) => audioRangesForSpans({ words }, spans, options),
  mergeAudioRanges: (ranges, gapMs = 0) => mergeAudioRanges(ranges, gapMs),
};

/* Offsets, type and confidence only: the matched text stays out of what a connector may log. */
function spanOf(span: PiiSpan): PersonalDataSpan {
  return { type: span.type, start: span.start, end: span.end, confidence: span.confidence };
}
