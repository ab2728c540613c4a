/*
 * Comment redaction (vendor-apis.md §2.3, Z12/Z13). Every redacted character becomes U+2587 (▇),
 * irreversibly; the text keeps its length, so the offsets of the rest do not move.
 */

export const redactionCharacter = "\u2587";

export type RedactionMarkup =
  | { ok: true; mask: boolean[] }
  | { ok: false; reason: string };

/**
 * Reads an `html_body` sent to `PUT /api/v2/comment_redactions/:id`: the comment's HTML with the
 * text to remove inside `<redact>` tags. Its text, tags removed, must be the comment's text,
 * otherwise Zendesk could not tell what to redact; the mask marks the characters inside `<redact>`.
 */
export function readRedactionMarkup(htmlBody: string, body: string): RedactionMarkup {
  let text = "";
  const mask: boolean[] = [];
  let depth = 0;
  for (const [token] of htmlBody.matchAll(/<[^>]*>|[^<]+/g)) {
    if (token.startsWith("<")) {
      const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
      const name = tag?.[2]?.toLowerCase();
      if (name === "redact") depth = Math.max(0, depth + (tag?.[1] === "/" ? -1 : 1));
      else if (name === "br") {
        text += "\n";
        mask.push(depth > 0);
      }
      continue;
    }
    const decoded = decodeEntities(token);
    text += decoded;
    for (let i = 0; i < decoded.length; i++) mask.push(depth > 0);
  }
  if (text !== body) return { ok: false, reason: "The html_body does not match the comment's current text" };
  if (!mask.includes(true)) return { ok: false, reason: "The html_body marks nothing to redact" };
  return { ok: true, mask };
}

export function applyMask(body: string, mask: readonly boolean[]): string {
  let out = "";
  for (let i = 0; i < body.length; i++) out += mask[i] && body[i] !== "\n" ? redactionCharacter : (body[i] ?? "");
  return out;
}

/** The legacy endpoint: every occurrence of `text` in the body. */
export function redactText(body: string, text: string): string | undefined {
  if (text === "" || !body.includes(text)) return undefined;
  return body.split(text).join(redactionCharacter.repeat(text.length));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}
