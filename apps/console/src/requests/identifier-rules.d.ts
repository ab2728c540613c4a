/**
 * @lethe/core's identifier rules, as the console uses them. Vite maps this name to @lethe/core
 * (vite.config.ts). It is declared here rather than imported by type because type-checking core's
 * sources pulls in @lethe/connector-sdk, whose fetch bodies are typed for Node's fetch and do not
 * check against the browser's DOM types. The e2e test checks the bundled rules in a real browser.
 */
declare module "lethe:identifier-rules" {
  export function normaliseEmail(raw: string): string;
  export function normalisePhone(raw: string, defaultRegion: string): string;
  export class InvalidIdentifierError extends Error {}
  export class UnsupportedRegionError extends Error {}
}
