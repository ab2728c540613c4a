import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, SecretBoxError } from "./secret-box";
import { SecretKeyError } from "./secret-key-error";

const box = createSecretBox(randomBytes(32));
const secrets = JSON.stringify({ apiToken: "zd-token-Ω-1234", subdomain: "example" });

function replacePart(sealed: string, index: number, replace: (part: string) => string): string {
  const parts = sealed.split(":");
  parts[index] = replace(parts[index] ?? "");
  return parts.join(":");
}

/** Flips one bit of a base64 field, keeping it valid base64 of the same length. */
function flipBit(part: string): string {
  const bytes = Buffer.from(part, "base64");
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString("base64");
}

function failureOf(open: () => unknown): unknown {
  try {
    open();
  } catch (error) {
    return error;
  }
  throw new Error("expected open to fail");
}

describe("createSecretBox", () => {
  it("opens what it sealed, with the plaintext nowhere in the sealed text", () => {
    const sealed = box.seal(secrets);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain("zd-token");
    expect(box.open(sealed)).toBe(secrets);
  });

  it("seals the same plaintext differently every time (a fresh IV)", () => {
    expect(box.seal(secrets)).not.toBe(box.seal(secrets));
  });

  it.each([
    ["ciphertext", 3],
    ["auth tag", 2],
    ["IV", 1],
  ])("rejects a sealed secret whose %s was altered", (_part, index) => {
    const tampered = replacePart(box.seal(secrets), index, flipBit);
    const error = failureOf(() => box.open(tampered));
    expect(error).toBeInstanceOf(SecretBoxError);
    expect(error).toMatchObject({ reason: "authentication-failed" });
  });

  it("rejects a secret sealed under another key", () => {
    const sealedElsewhere = createSecretBox(randomBytes(32)).seal(secrets);
    expect(failureOf(() => box.open(sealedElsewhere))).toMatchObject({ reason: "authentication-failed" });
  });

  it.each([
    ["not a sealed secret at all", "plain text"],
    ["a missing part", "v1:AAAA:BBBB"],
    ["a part that is not base64", "v1:!!!!:AAAAAAAAAAAAAAAAAAAAAA==:AAAA"],
    ["an IV of the wrong length", "v1:AAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA"],
  ])("reports %s as malformed", (_case, sealed) => {
    expect(failureOf(() => box.open(sealed))).toMatchObject({ name: "SecretBoxError", reason: "malformed" });
  });

  it("reports an unknown format version as unsupported", () => {
    const future = replacePart(box.seal(secrets), 0, () => "v9");
    expect(failureOf(() => box.open(future))).toMatchObject({ reason: "unsupported-version" });
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(SecretKeyError);
  });

  it("keeps working when the caller later overwrites its key buffer", () => {
    const key = randomBytes(32);
    const ownBox = createSecretBox(key);
    const sealed = ownBox.seal(secrets);
    key.fill(0);
    expect(ownBox.open(sealed)).toBe(secrets);
  });

  it("derives independent 32-byte keys per purpose, the same for the same key, never the box key", () => {
    const key = Buffer.alloc(32, 3);
    const box = createSecretBox(key);
    const hashKey = box.deriveKey("identifier-hash/v1");
    expect(hashKey).toHaveLength(32);
    expect(createSecretBox(Buffer.alloc(32, 3)).deriveKey("identifier-hash/v1").equals(hashKey)).toBe(true);
    expect(box.deriveKey("other").equals(hashKey)).toBe(false);
    expect(createSecretBox(Buffer.alloc(32, 4)).deriveKey("identifier-hash/v1").equals(hashKey)).toBe(false);
    expect(hashKey.equals(key)).toBe(false);
    expect(() => box.deriveKey(" ")).toThrow(/purpose/);
  });
});
