/**
 * Names inside an export bundle come from connectors and admins (instance names, record types,
 * vendor file names). A zip entry name is a path on the recipient's disk once extracted, so every
 * name is reduced to one harmless path segment: no directories, no `..`, no control characters,
 * nothing Windows refuses, and no two entries that differ only by case (they would overwrite each
 * other on case-insensitive file systems).
 */

const maxSegmentLength = 120;

// Characters Windows forbids in file names, plus both path separators.
const forbidden = /[<>:"/\\|?*]/g;
// C0 and C1 control characters, and DEL (Unicode general category Cc).
const control = /\p{Cc}/gu;
// Device names Windows reserves whatever the extension (`CON.txt` is still the console).
const reservedDevice = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * One path segment made safe, or `fallback` (itself made safe) when nothing usable remains.
 * Only the last segment of a path-like name is kept (`../../x.wav` → `x.wav`).
 */
export function safePathSegment(name: string, fallback: string): string {
  const cleaned = clean(lastSegment(name));
  if (cleaned !== "") return cleaned;
  const cleanedFallback = clean(lastSegment(fallback));
  return cleanedFallback === "" ? "unnamed" : cleanedFallback;
}

function lastSegment(name: string): string {
  const parts = name.normalize("NFC").split(/[/\\]/);
  return parts[parts.length - 1] ?? "";
}

function clean(segment: string): string {
  let result = segment
    .replace(control, "")
    .replace(forbidden, "_")
    .trim()
    // Leading dots would hide the file or, as `..`, climb out of its folder.
    .replace(/^\.+/, "")
    // Windows silently drops trailing dots and spaces, which could make two names collide.
    .replace(/[. ]+$/, "");
  if (reservedDevice.test(result)) result = `_${result}`;
  return truncateKeepingExtension(result);
}

function truncateKeepingExtension(segment: string): string {
  if (segment.length <= maxSegmentLength) return segment;
  const { stem, extension } = splitExtension(segment);
  const keptExtension = extension.length <= 16 ? extension : "";
  return stem.slice(0, maxSegmentLength - keptExtension.length) + keptExtension;
}

function splitExtension(segment: string): { stem: string; extension: string } {
  const dot = segment.lastIndexOf(".");
  if (dot <= 0) return { stem: segment, extension: "" };
  return { stem: segment.slice(0, dot), extension: segment.slice(dot) };
}

/**
 * Hands out names that are unique within one folder, ignoring case: a second `call.wav` becomes
 * `call-2.wav`. Names it was given are already safe segments.
 */
export class UniqueNames {
  readonly #taken = new Set<string>();

  claim(safeName: string): string {
    let candidate = safeName;
    const { stem, extension } = splitExtension(safeName);
    for (let n = 2; this.#taken.has(candidate.toLowerCase()); n++) {
      candidate = `${stem}-${n}${extension}`;
    }
    this.#taken.add(candidate.toLowerCase());
    return candidate;
  }
}
