import { describe, expect, it } from "vitest";
import {
  IllegalTransitionError,
  allowedTransitions,
  assertTransition,
  initialRequestState,
  isTerminal,
  resumeTo,
  terminalStatuses,
  transition,
  type RequestLifecycleState,
} from "./lifecycle";
import { requestStatuses, requestStatusSchema, requestTypeSchema, regimeSchema, type RequestStatus } from "./request-vocabulary";

const at = new Date("2025-03-10T09:00:00.000Z");
const by = { actor: "user:ada", at };

function walk(...statuses: RequestStatus[]): RequestLifecycleState {
  return statuses.reduce((state, status) => transition(state, status, by), initialRequestState(by));
}

describe("request vocabulary", () => {
  it("parses the known types, regimes and statuses and refuses others", () => {
    expect(requestTypeSchema.parse("erasure")).toBe("erasure");
    expect(regimeSchema.parse("ccpa")).toBe("ccpa");
    expect(requestStatusSchema.parse("partially_completed")).toBe("partially_completed");
    expect(requestTypeSchema.safeParse("objection").success).toBe(false);
    expect(requestStatusSchema.safeParse("done").success).toBe(false);
  });
});

describe("request lifecycle", () => {
  it("starts a request in received with one history entry from nowhere", () => {
    const state = initialRequestState(by);
    expect(state.status).toBe("received");
    expect(state.history).toEqual([{ from: null, to: "received", actor: "user:ada", at }]);
  });

  it("walks the full path and records every move with its actor, time and reason", () => {
    let state = walk("verifying", "verified", "locating", "review");
    state = transition(state, "executing", { actor: "user:grace", reason: "plan approved", at });
    state = transition(state, "completed", { actor: "system", at });
    expect(state.status).toBe("completed");
    expect(state.history.map((entry) => [entry.from, entry.to])).toEqual([
      [null, "received"],
      ["received", "verifying"],
      ["verifying", "verified"],
      ["verified", "locating"],
      ["locating", "review"],
      ["review", "executing"],
      ["executing", "completed"],
    ]);
    expect(state.history[5]).toMatchObject({ actor: "user:grace", reason: "plan approved" });
  });

  it("lets a partly executed plan wait in review for weak matches, and a review re-locate", () => {
    const waiting = walk("locating", "executing", "review");
    expect(waiting.status).toBe("review");
    expect(transition(waiting, "locating", by).status).toBe("locating");
    expect(() => assertTransition("executing", "locating")).toThrow(IllegalTransitionError);
  });

  it("lets an access request with nothing found complete straight from locating", () => {
    expect(walk("locating", "completed").status).toBe("completed");
  });

  it("leaves the state it was given untouched", () => {
    const before = walk("verifying");
    const after = transition(before, "verified", by);
    expect(before.status).toBe("verifying");
    expect(before.history).toHaveLength(2);
    expect(after.history).toHaveLength(3);
  });

  it("carries the other properties of the state along", () => {
    const state = { ...initialRequestState(by), id: "req-1" };
    expect(transition(state, "verifying", by).id).toBe("req-1");
  });

  it("refuses a move the graph does not have, with a typed error naming both statuses", () => {
    const error = (() => {
      try {
        transition(walk("verifying"), "executing", by);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toMatchObject({ from: "verifying", to: "executing" });
  });

  it("refuses to skip verification once it has started, and to execute before locating", () => {
    expect(() => assertTransition("verifying", "locating")).toThrow(IllegalTransitionError);
    expect(() => assertTransition("verified", "executing")).toThrow(IllegalTransitionError);
  });

  it("treats completed, partially completed, rejected and cancelled as final", () => {
    for (const status of requestStatuses) {
      expect(isTerminal(status)).toBe((terminalStatuses as readonly string[]).includes(status));
    }
    for (const status of terminalStatuses) {
      for (const next of requestStatuses) expect(() => assertTransition(status, next)).toThrow(IllegalTransitionError);
    }
  });

  it("has an entry for every status and only edges to known statuses", () => {
    expect(Object.keys(allowedTransitions).sort()).toEqual([...requestStatuses].sort());
    for (const next of Object.values(allowedTransitions).flat()) expect(requestStatuses).toContain(next);
  });

  it("resumes a paused request to the status it paused from, and only to that", () => {
    const paused = walk("locating", "review", "paused");
    expect(resumeTo(paused)).toBe("review");
    expect(() => transition(paused, "executing", by)).toThrow(/resumes to the status it was paused from \("review"\)/);
    expect(transition(paused, "review", by).status).toBe("review");
  });

  it("remembers the latest pause when a request is paused more than once", () => {
    const pausedAgain = walk("locating", "paused", "locating", "executing", "paused");
    expect(resumeTo(pausedAgain)).toBe("executing");
  });

  it("lets a paused request be cancelled", () => {
    expect(transition(walk("locating", "executing", "paused"), "cancelled", by).status).toBe("cancelled");
  });

  it("has no resume target for a request that is not paused", () => {
    expect(resumeTo(walk("locating"))).toBeNull();
  });

  it("refuses a rejection without a reason and records one with it", () => {
    expect(() => transition(walk("verifying"), "rejected", by)).toThrow(IllegalTransitionError);
    const rejected = transition(walk("verifying"), "rejected", { ...by, reason: "identity could not be verified" });
    expect(rejected.history.at(-1)).toMatchObject({ to: "rejected", reason: "identity could not be verified" });
  });
});
