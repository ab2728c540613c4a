import { describe, expect, it } from "vitest";
import { safePathSegment, UniqueNames } from "./bundle-names";

describe("bundle names", () => {
  it("keeps only the last segment of a path so a name cannot climb out of its folder", () => {
    expect(safePathSegment("../../etc/passwd", "x")).toBe("passwd");
    expect(safePathSegment("..\\..\\windows\\win.ini", "x")).toBe("win.ini");
    expect(safePathSegment("/abs/path/call.wav", "x")).toBe("call.wav");
  });

  it("falls back when nothing usable is left", () => {
    expect(safePathSegment("..", "recording-42")).toBe("recording-42");
    expect(safePathSegment("../", "recording-42")).toBe("recording-42");
    expect(safePathSegment("\u0000\u0001", "recording-42")).toBe("recording-42");
    expect(safePathSegment("", "")).toBe("unnamed");
  });

  it("removes control characters, hidden-file dots and characters Windows refuses", () => {
    expect(safePathSegment("a\u0000b\nc.wav", "x")).toBe("abc.wav");
    expect(safePathSegment(".bashrc", "x")).toBe("bashrc");
    expect(safePathSegment('what?<is>"this"|*.txt', "x")).toBe("what__is__this___.txt");
    expect(safePathSegment("notes. . ", "x")).toBe("notes");
    expect(safePathSegment("CON.txt", "x")).toBe("_CON.txt");
  });

  it("shortens very long names but keeps their extension", () => {
    const name = safePathSegment(`${"a".repeat(500)}.wav`, "x");
    expect(name.length).toBe(120);
    expect(name.endsWith(".wav")).toBe(true);
  });

  it("numbers names that collide, ignoring case", () => {
    const names = new UniqueNames();
    expect(names.claim("call.wav")).toBe("call.wav");
    expect(names.claim("CALL.wav")).toBe("CALL-2.wav");
    expect(names.claim("call.wav")).toBe("call-3.wav");
    expect(names.claim("notes")).toBe("notes");
    expect(names.claim("notes")).toBe("notes-2");
  });
});
