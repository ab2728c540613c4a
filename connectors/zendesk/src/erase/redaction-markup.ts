/*
 * The `html_body` the comment-redaction API takes (vendor-apis.md §2.3, Z12): the comment's own
 * HTML with `<redact>` tags around the text to remove. Spans are offsets in the plain text; the
 * HTML is walked character by character (an entity is one character, `<br>` a line break) and the
 * tags are inserted there. When the HTML's text is not the plain text, the HTML is rebuilt from
 * the plain text, which Zendesk accepts as the comment's content.
 */

export interface TextSpan {
  start: number;
  end: number;
}

export function redactionHtml(htmlBody: string, body: string, spans: readonly TextSpan[]): string {
  const marked = markHtml(htmlBody, body, spans);
  return marked ?? markHtml(plainHtml(body), body, spans) ?? plainHtml(body);
}

function markHtml(htmlBody: string, body: string, spans: readonly TextSpan[]): string | undefined {
  const inside = (offset: number) => spans.some((span) => offset >= span.start && offset < span.end);
  let out = "";
  let text = "";
  let open = false;
  const setOpen = (want: boolean) => {
    if (want !== open) out += want ? "<redact>" : "</redact>";
    open = want;
  };
  for (const [token] of htmlBody.matchAll(/<[^>]*>|&[a-z0-9#]+;|[^<&]/gi)) {
    if (token.startsWith("<")) {
      if (/^<\s*br\b/i.test(token)) {
        setOpen(false);
        text += "\n";
      } else setOpen(false);
      out += token;
      continue;
    }
    setOpen(inside(text.length));
    out += token;
    text += token.startsWith("&") ? decodeEntity(token) : token;
  }
  setOpen(false);
  return text === body ? out : undefined;
}

function plainHtml(body: string): string {
  const escaped = body.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return `<div class="zd-comment" dir="auto"><p>${escaped.replace(/\n/g, "<br>")}</p></div>`;
}

function decodeEntity(entity: string): string {
  const named: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": "\u00a0" };
  const known = named[entity];
  if (known !== undefined) return known;
  const code = /^&#(x?)([0-9a-f]+);$/i.exec(entity);
  return code?.[2] ? String.fromCodePoint(parseInt(code[2], code[1] ? 16 : 10)) : entity;
}
