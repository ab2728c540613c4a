import { describe, expect, it } from "vitest";
import { afterConfirmRound, confirmDelayMs, defaultConfirmSchedule, type ConfirmSchedule } from "./confirm-schedule";

const schedule: ConfirmSchedule = { delaysMs: [1_000, 10_000, 60_000], deadlineMs: 3_600_000 };
const since = new Date("2026-05-01T08:00:00Z");
const at = (ms: number) => new Date(since.getTime() + ms);

describe("confirming asynchronous deletions", () => {
  it("backs off through the schedule and repeats its last delay", () => {
    expect([0, 1, 2, 3, 40].map((round) => confirmDelayMs(schedule, round))).toEqual([1_000, 10_000, 60_000, 60_000, 60_000]);
    expect(confirmDelayMs(defaultConfirmSchedule, 99)).toBe(3_600_000);
  });

  it.each([
    { case: "nothing pending", rounds: 1, outstanding: 0, now: at(5_000), step: { kind: "verify", gaveUp: false } },
    { case: "nothing pending, even past the deadline", rounds: 9, outstanding: 0, now: at(7_200_000), step: { kind: "verify", gaveUp: false } },
    { case: "pending with time left", rounds: 1, outstanding: 2, now: at(5_000), step: { kind: "confirm-again", at: at(15_000) } },
    { case: "pending, late rounds", rounds: 7, outstanding: 1, now: at(600_000), step: { kind: "confirm-again", at: at(660_000) } },
    { case: "pending at the deadline", rounds: 30, outstanding: 1, now: at(3_600_000), step: { kind: "verify", gaveUp: true } },
    { case: "pending past the deadline", rounds: 30, outstanding: 3, now: at(9_000_000), step: { kind: "verify", gaveUp: true } },
  ])("after a round with $case", ({ rounds, outstanding, now, step }) => {
    expect(afterConfirmRound({ schedule, rounds, outstanding, since, now })).toEqual(step);
  });
});
