/**
 * A domain in ASCII (punycode) form, as the WHATWG URL host parser's domain-to-ASCII step (UTS #46)
 * gives it; "" for a domain it cannot convert. This is what `domainToASCII` from `node:url` runs,
 * written with the URL parser every JavaScript runtime has, so the e-mail rules also run in the
 * browser (the console checks identifiers while they are typed).
 */
export function domainToASCII(domain: string): string {
  // A character that ends or splits a URL's authority would make the parser read something other
  // than the domain; such a domain is refused, as Node's function refuses it or stops at it.
  if (/[/\\?#@:\s%]/.test(domain) || domain === "") return "";
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return "";
  }
}
