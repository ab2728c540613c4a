import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { open, type Entry, type ZipFile } from "yauzl";
import { bundleManifestSchema, manifestEntryName, type BundleManifest } from "./bundle-manifest";
import { MalformedBundleError } from "./errors";

// A manifest lists files, not their content; anything this large is not one of ours.
const maxManifestBytes = 64 * 1024 * 1024;

export type BundleProblem =
  | { path: string; problem: "missing" }
  | { path: string; problem: "unlisted" }
  | { path: string; problem: "duplicate" }
  | { path: string; problem: "size-mismatch"; expected: number; actual: number }
  | { path: string; problem: "checksum-mismatch"; expected: string; actual: string };

export interface BundleVerification {
  /** True when every listed file is present with its size and sha256, nothing else is, and (when given) the archive hash matches. */
  ok: boolean;
  manifest: BundleManifest;
  /** Entries re-hashed. */
  checked: number;
  problems: BundleProblem[];
  /** Present when an expected archive sha256 was given. */
  archive?: { expected: string; actual: string; matches: boolean };
}

/** The bundle's manifest, validated. A file without a valid one is a `MalformedBundleError`. */
export async function readBundleManifest(path: string): Promise<BundleManifest> {
  let manifest: BundleManifest | undefined;
  await visitEntries(path, async (entry, openContent) => {
    if (entry.fileName !== manifestEntryName) return "continue";
    if (entry.uncompressedSize > maxManifestBytes) {
      throw new MalformedBundleError(`${path}: manifest.json is ${entry.uncompressedSize} bytes, over the limit`);
    }
    manifest = parseManifest(path, await readAll(await openContent()));
    return "stop";
  });
  if (!manifest) throw new MalformedBundleError(`${path}: no manifest.json in the archive`);
  return manifest;
}

/**
 * Re-hashes every entry of the bundle against its manifest. Problems are reported, not thrown;
 * only an unreadable archive or manifest throws.
 */
export async function verifyBundle(path: string, expected: { sha256?: string } = {}): Promise<BundleVerification> {
  const manifest = await readBundleManifest(path);
  const listed = new Map(manifest.files.map((file) => [file.path, file]));
  const seen = new Set<string>();
  const problems: BundleProblem[] = [];
  let checked = 0;
  await visitEntries(path, async (entry, openContent) => {
    const name = entry.fileName;
    if (name === manifestEntryName || name.endsWith("/")) return "continue";
    if (seen.has(name)) {
      problems.push({ path: name, problem: "duplicate" });
      return "continue";
    }
    seen.add(name);
    const file = listed.get(name);
    if (!file) {
      problems.push({ path: name, problem: "unlisted" });
      return "continue";
    }
    const actual = await digest(await openContent());
    checked++;
    if (actual.size !== file.size) {
      problems.push({ path: name, problem: "size-mismatch", expected: file.size, actual: actual.size });
    }
    if (actual.sha256 !== file.sha256) {
      problems.push({ path: name, problem: "checksum-mismatch", expected: file.sha256, actual: actual.sha256 });
    }
    return "continue";
  });
  for (const file of manifest.files) {
    if (!seen.has(file.path)) problems.push({ path: file.path, problem: "missing" });
  }
  const archive = expected.sha256 === undefined ? undefined : await archiveCheck(path, expected.sha256);
  return {
    ok: problems.length === 0 && (archive?.matches ?? true),
    manifest,
    checked,
    problems,
    ...(archive ? { archive } : {}),
  };
}

function parseManifest(path: string, content: Buffer): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(content.toString("utf8"));
  } catch (error) {
    throw new MalformedBundleError(`${path}: manifest.json is not JSON`, { cause: error });
  }
  const parsed = bundleManifestSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new MalformedBundleError(`${path}: manifest.json does not match the bundle format (${where.join("; ")})`);
  }
  return parsed.data;
}

async function archiveCheck(path: string, expected: string): Promise<{ expected: string; actual: string; matches: boolean }> {
  const { sha256 } = await digest(createReadStream(path));
  return { expected, actual: sha256, matches: sha256 === expected.toLowerCase() };
}

async function digest(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  // A file or zip entry stream without an encoding yields Buffers (Readable types its chunks any).
  for await (const bytes of stream as AsyncIterable<Buffer>) {
    hash.update(bytes);
    size += bytes.length;
  }
  return { size, sha256: hash.digest("hex") };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

type EntryVisitor = (entry: Entry, openContent: () => Promise<Readable>) => Promise<"continue" | "stop">;

/** Walks the central directory one entry at a time (yauzl's lazy mode), never holding more than one entry's stream. */
async function visitEntries(path: string, visit: EntryVisitor): Promise<void> {
  const zip = await openZip(path);
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry || (await visit(entry, () => openEntry(zip, entry))) === "stop") return;
    }
  } finally {
    zip.close();
  }
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(new MalformedBundleError(`${path}: not a readable zip archive (${error.message})`, { cause: error }));
      else resolve(zip);
    });
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: Entry) => settle(() => resolve(entry));
    const onEnd = () => settle(() => resolve(undefined));
    const onError = (error: Error) => settle(() => reject(error));
    function settle(action: () => void): void {
      zip.off("entry", onEntry).off("end", onEnd).off("error", onError);
      action();
    }
    zip.once("entry", onEntry).once("end", onEnd).once("error", onError);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}
