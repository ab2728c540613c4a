/**
 * The settings of a connector instance that say where its requests go, found from the values
 * rather than from a list per connector (issue 13): any string that parses as an http(s) URL, and
 * any string under a key ending in `Url`, `Uri`, `Host` or `Endpoint` (a bare host name becomes
 * `https://<host>`). Pure. Used to check each destination against the outbound policy at write time,
 * and to notice a changed destination, which must come with its secrets re-entered.
 */
export interface DestinationSetting {
  /** `settings.baseUrl`, `settings.auth.loginUrl`. */
  field: string;
  /** As an absolute URL. */
  url: string;
}

const destinationKey = /(url|uri|host|endpoint)$/i;

export function destinationSettings(settings: unknown, prefix = "settings"): DestinationSetting[] {
  return visit("", settings, prefix);
}

function visit(key: string, value: unknown, field: string): DestinationSetting[] {
  if (typeof value === "string") {
    const url = asDestinationUrl(key, value);
    return url === undefined ? [] : [{ field, url }];
  }
  // An array's items are named by the array's key (`mirrorUrls.0` is a URL as `mirrorUrls` says).
  if (Array.isArray(value)) return value.flatMap((item, index) => visit(key, item, `${field}.${index}`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([name, item]) => visit(name, item, `${field}.${name}`));
}

function asDestinationUrl(key: string, value: string): string | undefined {
  if (/^https?:\/\//i.test(value) && URL.canParse(value)) return value;
  if (!destinationKey.test(key) || value.trim() === "") return undefined;
  const asHost = `https://${value.trim()}`;
  return URL.canParse(asHost) ? asHost : value;
}

/** The destination fields whose URL differs between two settings values (added and removed ones too). */
export function changedDestinations(before: unknown, after: unknown): string[] {
  const old = new Map(destinationSettings(before).map((setting) => [setting.field, normalised(setting.url)]));
  const now = new Map(destinationSettings(after).map((setting) => [setting.field, normalised(setting.url)]));
  const fields = new Set([...old.keys(), ...now.keys()]);
  return [...fields].filter((field) => old.get(field) !== now.get(field)).sort();
}

function normalised(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}
