/**
 * `domainToASCII` from `node:url`, for @lethe/core's e-mail rules running in the browser. Node's
 * function is the WHATWG URL host parser's domain-to-ASCII step (UTS #46), which is exactly what
 * the browser's URL parser runs on a host; like Node, an invalid domain gives "". The server
 * normalises again on filing, so the browser's answer only ever adds an early hint.
 */
export function domainToASCII(domain: string): string {
  // A character that ends or splits the authority would make URL parse something other than the domain.
  if (/[/\\?#@:\s%]/.test(domain) || domain === "") return "";
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return "";
  }
}
