import { describe, expect, it } from "vitest";
import { isDone, isSubtreeDone, position } from "./locate-position";

const sid = (prefix: string, digit: string) => `${prefix}${digit.repeat(32)}`;

describe("locate positions", () => {
  const call1 = position(0, sid("CA", "1"));
  const recording1 = position(0, sid("CA", "1"), sid("RE", "1"));
  const transcription1 = position(0, sid("CA", "1"), sid("RE", "1"), sid("TR", "1"));
  const recording2 = position(0, sid("CA", "1"), sid("RE", "2"));
  const call2 = position(0, sid("CA", "2"));
  const message = position(1, sid("MM", "0"));
  const media = position(1, sid("MM", "0"), sid("ME", "0"));

  it("sort in the order locate yields them", () => {
    const order = [call1, recording1, transcription1, recording2, call2, message, media];
    expect([...order].sort()).toEqual(order);
  });

  it("skip a call's whole subtree only once the checkpoint is past it", () => {
    expect(isSubtreeDone(transcription1, call1)).toBe(false);
    expect(isDone(transcription1, call1)).toBe(true);
    expect(isSubtreeDone(transcription1, recording1)).toBe(false);
    expect(isDone(transcription1, recording2)).toBe(false);
    expect(isSubtreeDone(call2, call1)).toBe(true);
    expect(isSubtreeDone(undefined, call1)).toBe(false);
  });
});
