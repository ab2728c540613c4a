import { describe, expect, it } from "vitest";
import { nextStep, type RequestProgress, type TaskState } from "./next-step";
import type { RequestStatus } from "./request-vocabulary";

const defaultAutoApprove = new Set(["access", "portability", "erasure"]);

function progress(
  status: RequestStatus,
  overrides: Partial<Omit<RequestProgress, "request">> & { type?: string; locateRound?: number; locateDepth?: number } = {},
): RequestProgress {
  const { type = "erasure", locateRound = 0, locateDepth = 2, ...rest } = overrides;
  return { request: { type, status, locateRound, locateDepth }, tasks: [], autoApprove: defaultAutoApprove, ...rest };
}

const task = (instanceId: string, phase: string, status: string): TaskState => ({ instanceId, phase, status });

describe("the next step of a request", () => {
  describe("before locating", () => {
    it.each(["received", "verified"] as const)("a %s request starts locating on round 0", (status) => {
      expect(nextStep(progress(status))).toEqual({ kind: "start-locating" });
    });

    it.each(["verifying", "review", "paused", "completed", "partially_completed", "rejected", "cancelled"] as const)(
      "a request %s waits: a person or nobody moves it on",
      (status) => {
        const step = nextStep(progress(status, { tasks: [task("a", "locate", "done")], pendingReview: 0 }));
        expect(step).toEqual({ kind: "wait", why: `the request is ${status}` });
      },
    );
  });

  describe("while locating", () => {
    it.each(["pending", "running"])("waits while a locate task is %s, whatever else is known", (status) => {
      const step = nextStep(progress("locating", { tasks: [task("a", "locate", "done"), task("b", "locate", status)], discovered: 3 }));
      expect(step.kind).toBe("wait");
    });

    it("once every locate of the round has finished (done or failed), stores what the records revealed first", () => {
      const tasks = [task("a", "locate", "done"), task("b", "locate", "failed")];
      expect(nextStep(progress("locating", { tasks, locateRound: 1 }))).toEqual({ kind: "discover-identifiers", round: 1 });
    });

    it("with no task at all (no instance enabled) the round is over at once", () => {
      expect(nextStep(progress("locating"))).toEqual({ kind: "discover-identifiers", round: 0 });
    });

    it("opens the next round with new identifiers and depth left, skipping instances whose locate failed for good", () => {
      const tasks = [task("a", "locate", "done"), task("b", "locate", "failed"), task("b", "locate", "failed"), task("c", "export", "failed")];
      expect(nextStep(progress("locating", { tasks, discovered: 2, locateRound: 0, locateDepth: 2 }))).toEqual({
        kind: "open-locate-round",
        round: 1,
        discovered: 2,
        skipInstances: ["b"],
      });
    });

    it.each([
      { why: "nothing new was discovered", discovered: 0, locateRound: 0, locateDepth: 2 },
      { why: "the round depth is reached", discovered: 5, locateRound: 2, locateDepth: 2 },
      { why: "depth 0 allows no further round", discovered: 5, locateRound: 0, locateDepth: 0 },
    ])("reaches the fixpoint and builds the plan when $why", ({ discovered, locateRound, locateDepth }) => {
      expect(nextStep(progress("locating", { discovered, locateRound, locateDepth }))).toEqual({ kind: "build-plan", round: locateRound });
    });

    it("counts what awaits review once the plan is built, if the runtime did not", () => {
      expect(nextStep(progress("locating", { discovered: 0, plan: { relocated: false } }))).toEqual({ kind: "count-pending-review" });
    });
  });

  describe("settling the plan at the fixpoint", () => {
    const built = (type: string, pendingReview: number, relocated = false, autoApprove = defaultAutoApprove) =>
      progress("locating", { type, discovered: 0, plan: { relocated }, pendingReview, autoApprove });

    it.each(["access", "portability", "erasure"])("approves a %s plan automatically when nothing awaits review", (type) => {
      expect(nextStep(built(type, 0))).toEqual({ kind: "approve-plan", pendingReview: 0, planStatus: "approved" });
    });

    it("approves the decided part of an erasure and leaves the plan draft while weak matches wait", () => {
      expect(nextStep(built("erasure", 3))).toEqual({ kind: "approve-plan", pendingReview: 3, planStatus: "draft" });
    });

    it.each(["access", "portability"])("holds a %s plan with weak matches in review: its bundle is written once, complete", (type) => {
      expect(nextStep(built(type, 2))).toEqual({
        kind: "review",
        reason: "2 weak match(es) await review",
        pendingReview: 2,
        resetPlan: true,
        afterExecution: false,
      });
    });

    it.each(["rectification", "restriction"])("sends a %s plan to a person when the policy does not approve it", (type) => {
      expect(nextStep(built(type, 0))).toMatchObject({ kind: "review", reason: `${type} plans are approved by a person`, resetPlan: true });
    });

    it("sends every plan to a person when the organisation approves nothing automatically", () => {
      expect(nextStep(built("erasure", 0, false, new Set()))).toMatchObject({ kind: "review", reason: "erasure plans are approved by a person" });
    });

    it("never approves a re-located plan automatically: it waits for approval again", () => {
      expect(nextStep(built("erasure", 0, true))).toMatchObject({ kind: "review", reason: "re-located: the plan waits for approval again" });
      expect(nextStep(built("erasure", 4, true))).toMatchObject({ kind: "review", reason: "re-located: the plan waits for approval again", pendingReview: 4 });
    });

    it("executes an approved plan, or finalises at once when it has nothing to run", () => {
      expect(nextStep({ ...built("erasure", 0), execution: { jobs: 2 } })).toEqual({
        kind: "execute",
        reason: "plan approved automatically",
        finaliseNow: false,
      });
      expect(nextStep({ ...built("access", 0), execution: { jobs: 0 } })).toEqual({
        kind: "execute",
        reason: "plan approved automatically",
        finaliseNow: true,
      });
    });

    it("executes the approved part of an erasure while weak matches wait, saying so", () => {
      expect(nextStep({ ...built("erasure", 2), execution: { jobs: 1 } })).toEqual({
        kind: "execute",
        reason: "plan approved except 2 weak match(es) awaiting review",
        finaliseNow: false,
      });
    });

    it("goes to review when the approved part has nothing to run and weak matches wait (plan already draft)", () => {
      expect(nextStep({ ...built("erasure", 2), execution: { jobs: 0 } })).toEqual({
        kind: "review",
        reason: "2 weak match(es) await review",
        pendingReview: 2,
        resetPlan: false,
        afterExecution: false,
      });
    });
  });

  describe("while executing", () => {
    it("waits while any task runs, of any phase", () => {
      const tasks = [task("a", "erase", "done"), task("a", "verify", "pending")];
      expect(nextStep(progress("executing", { tasks, pendingReview: 0 })).kind).toBe("wait");
    });

    it("counts what awaits review once every task has finished", () => {
      expect(nextStep(progress("executing", { tasks: [task("a", "verify", "done")] }))).toEqual({ kind: "count-pending-review" });
    });

    it("finalises when every task finished, failed ones included, and nothing awaits review", () => {
      const tasks = [task("a", "verify", "done"), task("b", "erase", "failed")];
      expect(nextStep(progress("executing", { tasks, pendingReview: 0 }))).toEqual({ kind: "finalise" });
    });

    it("returns to review when the approved part has run and weak matches still wait", () => {
      expect(nextStep(progress("executing", { tasks: [task("a", "verify", "done")], pendingReview: 1 }))).toEqual({
        kind: "review",
        reason: "the approved part of the plan has run; 1 weak match(es) await review",
        pendingReview: 1,
        resetPlan: true,
        afterExecution: true,
      });
    });
  });

  describe("a whole pass, as the runtime drives it", () => {
    /** Carries out each step the way the runtime's advanceRequest would, with the given world. */
    function drive(start: RequestProgress, world: { locating: number; discovered: number[]; pendingReview: number; jobs: number }) {
      const state: RequestProgress = { ...start, request: { ...start.request } };
      const kinds: string[] = [];
      for (let guard = 0; guard < 12; guard += 1) {
        const step = nextStep(state);
        kinds.push(step.kind);
        switch (step.kind) {
          case "wait":
          case "execute":
          case "review":
          case "finalise":
            return kinds;
          case "start-locating":
            if (world.locating > 0) return kinds;
            state.request.status = "locating";
            break;
          case "discover-identifiers":
            state.discovered = world.discovered[step.round] ?? 0;
            break;
          case "open-locate-round":
            if (world.locating > 0) return kinds;
            state.request.locateRound = step.round;
            state.discovered = 0;
            break;
          case "build-plan":
            state.plan = { relocated: false };
            state.pendingReview = world.pendingReview;
            break;
          case "count-pending-review":
            state.pendingReview = world.pendingReview;
            break;
          case "approve-plan":
            state.execution = { jobs: world.jobs };
            break;
        }
      }
      throw new Error("no settled step");
    }

    it("a request with no instance to search goes from received to executing in one pass", () => {
      expect(drive(progress("received"), { locating: 0, discovered: [], pendingReview: 0, jobs: 0 })).toEqual([
        "start-locating",
        "discover-identifiers",
        "build-plan",
        "approve-plan",
        "execute",
      ]);
    });

    it("the last locate of a round with new identifiers opens the next round and stops there", () => {
      const start = progress("locating", { tasks: [task("a", "locate", "done")] });
      expect(drive(start, { locating: 1, discovered: [2], pendingReview: 0, jobs: 1 })).toEqual(["discover-identifiers", "open-locate-round"]);
    });

    it("a next round with nobody left to search settles at once", () => {
      const start = progress("locating", { tasks: [task("a", "locate", "failed")] });
      expect(drive(start, { locating: 0, discovered: [2], pendingReview: 0, jobs: 1 })).toEqual([
        "discover-identifiers",
        "open-locate-round",
        "build-plan",
        "approve-plan",
        "execute",
      ]);
    });
  });
});
