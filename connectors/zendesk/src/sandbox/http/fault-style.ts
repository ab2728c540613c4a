import type { FaultStyle } from "@lethe/sandbox-kit";
import type { SandboxState } from "../sandbox-state";
import { sendStatus } from "./zendesk-error";

/**
 * How injected faults look at Zendesk: a `status` fault answers with Zendesk's body for that status
 * (§2.6; a 429 in plain text with `Retry-After`); a `malformed` body has every record it carries —
 * in a list (`users`, `tickets`, `results` …) or alone (`user`, `ticket`) — lose `created_at` and
 * get a number for its first string field other than `id` and `url`, and an empty list becomes a
 * string; a `truncated` body is the kit's default, its first half.
 */
export function faultStyle(state: SandboxState): FaultStyle {
  return { faults: state.faults, stats: state.stats, sendStatus, malform };
}

/* Zendesk wraps records under their own keys, several per body, so the kit's one-list shape does not fit. */
function malform(body: unknown): unknown {
  if (!isObject(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[key] = value.length > 0 ? value.map(malformedRecord) : "unavailable";
    else if (isObject(value) && "id" in value) out[key] = malformedRecord(value);
    else out[key] = value;
  }
  return out;
}

function malformedRecord(record: unknown): unknown {
  if (!isObject(record)) return record;
  const { created_at: _dropped, ...rest } = record;
  const field = Object.keys(rest).find((key) => key !== "id" && key !== "url" && typeof rest[key] === "string");
  return field ? { ...rest, [field]: 404 } : rest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
