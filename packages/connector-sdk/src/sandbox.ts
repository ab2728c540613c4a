import type { Identifier } from "./identifiers";
import type { RecordRef } from "./records";

export interface SandboxStartOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Seed of the synthetic world; the same seed gives the same people and records. */
  seed?: number;
  /** Overrides the vendor's default rate limit (requests per minute). */
  rateLimitPerMinute?: number;
  /** Extra people to generate beyond the default world (for benchmarks and scale tests). */
  people?: number;
  /**
   * A fixture world (parsed JSON) in the sandbox's own documented shape, loaded instead of the
   * seeded one (`POST /__sandbox/reset` goes back to it). A sandbox checks it and refuses a bad one
   * with an error naming each bad path. Only for a definition with `loadsWorlds`.
   */
  world?: unknown;
  /**
   * How long the vendor's asynchronous work takes (deletion jobs, background jobs): `realistic`
   * (the default, what tests rely on) as the vendor documents it, or `demo`, every such job done
   * within seconds, so that a demo request completes while one watches.
   */
  timing?: SandboxTiming;
}

export const sandboxTimings = ["realistic", "demo"] as const;
export type SandboxTiming = (typeof sandboxTimings)[number];

export interface RunningSandbox {
  /** Base URL of the vendor API; the oracle lives under `${url}/__sandbox/`. */
  url: string;
  /** Settings and secrets that make a connector instance talk to this sandbox. */
  settings: Record<string, unknown>;
  credentials: Record<string, unknown>;
  /** Well-formed secrets the sandbox refuses (for the AuthError check). */
  badCredentials: Record<string, unknown>;
  stop(): Promise<void>;
}

export interface SandboxDefinition {
  connectorId: string;
  /** True when `start` takes a fixture `world` (its shape documented in the connector's API.md). */
  loadsWorlds?: boolean;
  start(options?: SandboxStartOptions): Promise<RunningSandbox>;
}

/* The oracle's wire shapes: the same routes in every sandbox (docs/connectors.md, "Sandboxes"). */

export interface OraclePerson {
  id: string;
  role: "subject" | "bystander";
  /** For a bystander: the subject whose identifiers theirs nearly match. */
  bystanderOf?: string;
  /**
   * For `lethe start`'s welcome: `clean`, a subject whose identifiers are theirs alone in every
   * bundled sandbox, so an erasure or access request completes with no weak match to review;
   * `review`, a subject whose household shares their number, so a request waits in review.
   */
  demo?: "clean" | "review";
  /** Normalised identifiers (e-mail canonical form, phone E.164), as the engine would query. */
  identifiers: Identifier[];
}

export type OracleStore = "active" | "soft-deleted" | "recycle-bin" | "archived";

export interface OracleRecord {
  ref: RecordRef;
  store: OracleStore;
  /** The fields of the record that still hold the person's data, with their values. */
  personalData: Record<string, unknown>;
  /** True when the remaining fields are anonymised placeholders rather than the person's data. */
  anonymised: boolean;
  /**
   * Whether the vendor marks the record restricted from processing (GDPR Art. 18); served by
   * sandboxes whose connector declares `restrict`, absent where the vendor has no such mark.
   */
  restricted?: boolean;
}

export interface OracleStats {
  /** Calls per route label, e.g. `GET /api/people` → 12. */
  calls: Record<string, number>;
  /** Effective deletions per record key (`type/id`): a DELETE that found nothing is not counted. */
  deletions: Record<string, number>;
  /** 429 responses sent. */
  throttled: number;
  /** Requests refused for bad credentials. */
  unauthorised: number;
}

export type OracleFault =
  | { route: string; times?: number; kind: "status"; status: number; retryAfterSeconds?: number }
  | { route: string; times?: number; kind: "slow"; delayMs: number }
  | { route: string; times?: number; kind: "truncated" }
  | { route: string; times?: number; kind: "malformed" };

/**
 * `POST /__sandbox/faults/random`: from now on each vendor request (of `route`, default `*`)
 * meets a fault with probability `rate`, of a kind drawn from `kinds`; a `status` fault answers
 * one of `statuses` (default 429, 500, 502, 503), a `slow` one waits `delayMs` (default 250).
 * The draws come from a generator seeded with `seed`, so a run's sequence of faults repeats.
 * Faults armed with `POST /__sandbox/faults` go first; `DELETE /__sandbox/faults` stops both.
 */
export interface OracleRandomFaults {
  rate: number;
  kinds: ReadonlyArray<OracleFault["kind"]>;
  seed?: number;
  route?: string;
  statuses?: readonly number[];
  delayMs?: number;
  retryAfterSeconds?: number;
}

export interface OracleClockChange {
  advanceMs?: number;
  set?: string;
}

/**
 * `GET /__sandbox/card-numbers` → `{ cardNumbers }`, in the sandbox of a connector declaring
 * `capabilities.cardSweep`: each payment card number the store still holds in readable form, once
 * per place it is held (a text field, or the audio where it was spoken).
 */
/**
 * When a record's retention period starts counting, as the vendor's store holds it (a call's end, a
 * closed ticket's last update): `GET /__sandbox/retention-clocks?recordType=` of a sandbox whose
 * connector declares `capabilities.retention`, so the conformance suite can judge `findExpired`.
 */
export interface OracleRetentionClock {
  ref: RecordRef;
  /** ISO 8601 instant. */
  at: string;
}

export interface OracleCardNumber {
  /** The record the sweep reports it under (its `recordId` is this ref's id). */
  ref: RecordRef;
  /** A field path, e.g. `utterances[3].text`, or `audio:<channel>` for speech not yet muted. */
  location: string;
}
