import type { RequestStatus } from "./request-vocabulary";

/** Statuses in which work is under way and can be paused (a connector outage, a legal question). */
export const pausableStatuses = ["locating", "review", "executing"] as const satisfies readonly RequestStatus[];
export type PausableStatus = (typeof pausableStatuses)[number];

/**
 * The lifecycle graph. `received → locating` skips verification where policy does not require it;
 * `locating → completed` serves an access request for which nothing was found. `executing → review`:
 * the approved part of a plan has run and weak matches still wait for a person (the subject's
 * erasure is not held back by a bystander's review); `review → locating` is a re-locate. A paused request
 * goes back to the status it paused from (see `resumeTo`) or is cancelled.
 */
export const allowedTransitions: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: ["verifying", "verified", "locating", "rejected", "cancelled"],
  verifying: ["verified", "rejected", "cancelled"],
  verified: ["locating", "cancelled"],
  locating: ["review", "executing", "completed", "partially_completed", "cancelled", "paused"],
  review: ["executing", "locating", "cancelled", "paused"],
  executing: ["review", "completed", "partially_completed", "cancelled", "paused"],
  paused: [...pausableStatuses, "cancelled"],
  completed: [],
  partially_completed: [],
  rejected: [],
  cancelled: [],
};

export const terminalStatuses = ["completed", "partially_completed", "rejected", "cancelled"] as const satisfies readonly RequestStatus[];

export function isTerminal(status: RequestStatus): boolean {
  return allowedTransitions[status].length === 0;
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: RequestStatus,
    readonly to: RequestStatus,
    detail?: string,
  ) {
    super(`A request cannot move from "${from}" to "${to}": ${detail ?? describeAllowed(from)}.`);
    this.name = "IllegalTransitionError";
  }
}

function describeAllowed(from: RequestStatus): string {
  const next = allowedTransitions[from];
  return next.length === 0 ? `"${from}" is final` : `from "${from}" it can only move to ${next.join(", ")}`;
}

/** Throws `IllegalTransitionError` unless the lifecycle graph has an edge from `from` to `to`. */
export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (!allowedTransitions[from].includes(to)) throw new IllegalTransitionError(from, to);
}

/** One recorded move. The first entry of every history has `from: null` and `to: "received"`. */
export interface StatusTransition {
  from: RequestStatus | null;
  to: RequestStatus;
  /** Who moved it: a user id, `api-token:<id>`, or `system` for the engine. */
  actor: string;
  reason?: string;
  at: Date;
}

export interface RequestLifecycleState {
  status: RequestStatus;
  history: readonly StatusTransition[];
}

export interface TransitionInput {
  actor: string;
  reason?: string | undefined;
  at: Date;
}

function historyEntry(from: RequestStatus | null, to: RequestStatus, input: TransitionInput): StatusTransition {
  if (input.actor.trim() === "") throw new TypeError("A status transition needs an actor.");
  if (Number.isNaN(input.at.getTime())) throw new TypeError("A status transition needs a valid time.");
  const entry: StatusTransition = { from, to, actor: input.actor, at: new Date(input.at.getTime()) };
  if (input.reason !== undefined) entry.reason = input.reason;
  return entry;
}

/** The state of a request that has just arrived, with its first history entry. */
export function initialRequestState(input: TransitionInput): RequestLifecycleState {
  return { status: "received", history: [historyEntry(null, "received", input)] };
}

/**
 * The status a paused request returns to: the one it was paused from, read from its history so
 * that the history stays the single record. `null` when the request is not paused.
 */
export function resumeTo(state: RequestLifecycleState): PausableStatus | null {
  if (state.status !== "paused") return null;
  const pause = state.history.findLast((entry) => entry.to === "paused");
  const from = pause?.from;
  return pausableStatuses.find((status) => status === from) ?? null;
}

/**
 * Moves a request to `to` and appends the move to its history; returns a new state and leaves the
 * given one untouched. Other properties of `state` are carried over.
 *
 * Beyond the graph: a paused request resumes only to the status it paused from, and a rejection
 * must carry a reason (GDPR Art. 12(4): the person is told why no action is taken).
 */
export function transition<S extends RequestLifecycleState>(state: S, to: RequestStatus, input: TransitionInput): S {
  const from = state.status;
  assertTransition(from, to);
  if (from === "paused" && to !== "cancelled") {
    const expected = resumeTo(state);
    if (to !== expected) {
      throw new IllegalTransitionError(
        from,
        to,
        expected === null
          ? "its history does not show which status it was paused from"
          : `a paused request resumes to the status it was paused from ("${expected}")`,
      );
    }
  }
  if (to === "rejected" && (input.reason ?? "").trim() === "") {
    throw new IllegalTransitionError(from, to, "a rejection must record its reason");
  }
  return { ...state, status: to, history: [...state.history, historyEntry(from, to, input)] };
}
