import type { JsonValue } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts object keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it("gives the same text whatever order the keys were written in", () => {
    expect(canonicalJson({ seq: 1, action: "erase", actor: "system" })).toBe(
      canonicalJson({ actor: "system", seq: 1, action: "erase" }),
    );
  });

  it("keeps array order, since it carries meaning", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("orders keys by UTF-16 code units, as RFC 8785 does", () => {
    expect(canonicalJson({ "é": 1, z: 2, Z: 3, "10": 4, "9": 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
  });

  it("writes strings and numbers as JSON.stringify does", () => {
    expect(canonicalJson({ s: 'line\n"quoted"', n: 1e21, f: 0.1, neg: -0 })).toBe(
      '{"f":0.1,"n":1e+21,"neg":0,"s":"line\\n\\"quoted\\""}',
    );
  });

  it.each<[string, unknown]>([
    ["a Date", { at: new Date("2025-01-01T00:00:00Z") }],
    ["undefined", { missing: undefined }],
    ["NaN", { n: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["a class instance", { map: new Map() }],
    ["a function", { f: () => 1 }],
    ["a bigint", { big: 1n }],
    ["a hole in an array", Object.assign(new Array<number>(3), { 0: 1, 2: 3 })],
  ])("refuses %s instead of converting it", (_, value) => {
    expect(() => canonicalJson(value as JsonValue)).toThrow(CanonicalJsonError);
  });

  it("names the path of the value it refuses", () => {
    expect(() => canonicalJson({ outer: [{ at: new Date(0) as unknown as JsonValue }] })).toThrow("$.outer[0].at");
  });

  it("refuses a value that contains itself", () => {
    const cyclic: { [key: string]: JsonValue } = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/refers to itself/);
  });

  it("accepts the same object twice in one value when it is not a cycle", () => {
    const shared = { id: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"id":1},"b":{"id":1}}');
  });
});
