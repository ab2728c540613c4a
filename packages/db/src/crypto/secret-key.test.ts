import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSecretKey, SecretKeyError } from "./secret-key";

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "lethe-key-"));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("loadSecretKey", () => {
  it("creates .lethe/secret.key with mode 0600 on first use and returns the same key afterwards", async () => {
    const lethe = join(directory, ".lethe");
    const created = await loadSecretKey({ directory: lethe });
    const file = join(lethe, "secret.key");
    expect(created).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, "utf8")).trim()).toBe(created.toString("base64"));
    expect(await loadSecretKey({ directory: lethe })).toEqual(created);
  });

  it("gives two concurrent first starters the same key", async () => {
    const [one, two] = await Promise.all([loadSecretKey({ directory }), loadSecretKey({ directory })]);
    expect(one).toEqual(two);
  });

  it.each([
    ["base64", (key: Buffer) => key.toString("base64")],
    ["base64url", (key: Buffer) => key.toString("base64url")],
    ["hex", (key: Buffer) => key.toString("hex")],
  ])("uses a %s key from the environment and writes no key file", async (_encoding, encode) => {
    const key = randomBytes(32);
    expect(await loadSecretKey({ keyFromEnvironment: `${encode(key)}\n`, directory })).toEqual(key);
    await expect(stat(join(directory, "secret.key"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it.each([
    ["too short", randomBytes(16).toString("base64")],
    ["empty", ""],
    ["not an encoding", "correct horse battery staple correct horse battery"],
  ])("rejects an environment key that is %s without echoing it", async (_case, value) => {
    const failure = loadSecretKey({ keyFromEnvironment: value, directory });
    await expect(failure).rejects.toThrow(SecretKeyError);
    await expect(failure).rejects.toThrow(/LETHE_SECRET_KEY must hold a 32-byte key/);
    const message = await failure.catch((error: Error) => error.message);
    if (value !== "") expect(message).not.toContain(value);
  });

  it("rejects a corrupted key file instead of replacing it", async () => {
    const file = join(directory, "secret.key");
    await writeFile(file, "not a key\n", { mode: 0o600 });
    await expect(loadSecretKey({ directory })).rejects.toThrow(SecretKeyError);
    expect(await readFile(file, "utf8")).toBe("not a key\n");
  });
});
