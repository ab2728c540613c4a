import type { PiiSpan } from "./pii-span";

// A capitalised name word (Unicode: `Szöllösy`, `O'Neil`, `Jean-Luc`) or an initial (`J.`).
const word = "(?:\\p{Lu}[\\p{Ll}\\p{Lm}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?|\\p{Lu}\\.?)";
const fullName = `${word}(?:[ \\t]+${word}){0,3}`;
const cue = "(?:[Mm]y name is|[Nn]ame is|[Nn]ame[:?]|[Cc]alled|[Nn]amed|[Cc]alls me|[Ss]ays|[Ss]aid|[Bb]y|[Ss]tarring|[Uu]ser:|[Hh]i|[Hh]ello|[Tt]his is|[Ii] am|[Ii]'m|[Cc]all me|[Ss]igned|[Rr]egards,|[Ss]incerely,|[Dd]ear|(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?)";
const afterCue = new RegExp(`(?<=${cue}[ \\t]+)${fullName}`, "gu");
// A line holding nothing but two to four name words at the top of a signature or contact card.
const nameLine = new RegExp(`^${word}(?:[ \\t]+${word}){1,3}(?=[ \\t]*\\n)`, "gu");
// Words that follow the cues without being names ("I am Looking", "This is Urgent").
// Two or three capitalised words inside a sentence (not its first word): a weak signal (0.45, below the
// default threshold of 0.5), for callers who prefer recall (`minConfidence: 0.4`).
const capitalisedRun = new RegExp(`(?<=[\\p{Ll},;:][ \\t]+)\\p{Lu}[\\p{Ll}'’]+(?:[ \\t]+(?:\\p{Lu}\\.?[ \\t]+)?\\p{Lu}[\\p{Ll}'’]+){1,2}(?![\\p{L}])`, "gu");
// Words that mark a capitalised run as an organisation, place or title.
const notInNames = new Set(["Inc", "Ltd", "LLC", "Group", "Orchestra", "Technologies", "Associates", "Insurance", "Capital", "Bank", "Weekly", "Act", "Republic", "Southern", "Northern", "Eastern", "Western", "Street", "St", "Road", "Avenue", "Apt", "Suite", "Port", "City", "University", "Company", "Corporation", "Global", "Health", "Pleasures", "Love", "To", "Of", "And", "Me", "You're"]);
const notNames = new Set(["I", "The", "A", "An", "Not", "Just", "Very", "So", "Still", "Looking", "Calling", "Writing", "Trying", "Here", "Sorry", "Happy", "Glad", "Unable", "Please", "Urgent", "It", "This", "That", "Your", "My", "Our"]);

/**
 * Best-effort person names: after a cue ("my name is", "Name:", an honorific, "Dear") and a
 * line of name words at the top of a text (a signature or contact card). No dictionary of names,
 * so recall is partial by design; the subject's own name is found reliably by the subject detector.
 */
export function detectPersonNames(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(afterCue)) {
    const first = match[0].split(/[ \t]+/)[0] ?? "";
    if (notNames.has(first)) continue;
    spans.push({ type: "person", start: match.index, end: match.index + match[0].length, confidence: 0.7, detector: "person-cue" });
  }
  for (const match of text.matchAll(capitalisedRun)) {
    if (match[0].split(/[ \t]+/).some((token) => notNames.has(token) || notInNames.has(token))) continue;
    spans.push({ type: "person", start: match.index, end: match.index + match[0].length, confidence: 0.45, detector: "person-capitalised" });
  }
  const top = nameLine.exec(text);
  nameLine.lastIndex = 0;
  if (top && top.index === 0 && !notNames.has(top[0].split(/[ \t]+/)[0] ?? "")) {
    spans.push({ type: "person", start: 0, end: top[0].length, confidence: 0.55, detector: "person-name-line" });
  }
  return spans;
}
