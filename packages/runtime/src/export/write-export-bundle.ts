import { randomUUID } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ExportFieldRoles, ExportItem, ProcessingDeclaration } from "@lethe/connector-sdk";
import { safePathSegment, UniqueNames } from "./bundle-names";
import { BundleZip, type WrittenEntry } from "./bundle-zip";
import { renderBundleIndex, type IndexSystemDetails } from "./bundle-index";
import { consentEvidenceEntryName, consentEvidenceJson, type ConsentEvidenceItem } from "./consent-evidence-file";
import {
  bundleFormatVersion,
  indexEntryName,
  manifestEntryName,
  type BundleFile,
  type BundleManifest,
  type BundleSystem,
} from "./bundle-manifest";
import { csvConventions } from "./csv-encoding";
import { BinarySizeMismatchError, InvalidExportInputError } from "./errors";
import { csvChunks, jsonArrayChunks } from "./record-files";
import { RecordSpool } from "./record-spool";
import { addTally, emptyTally, fieldPatternsFor, subjectCopy } from "./subject-copy";

export interface ExportBundleRequest {
  id: string;
  type: string;
  regime: string;
  receivedAt: string;
}

export interface ExportBundleSystem {
  instanceId: string;
  instanceName: string;
  connectorId: string;
  connectorVersion: string;
  /** The system's export stream for the subject; called once, consumed item by item. */
  items: () => AsyncIterable<ExportItem>;
  /** The connector's title, for the index. */
  title?: string;
  /** Record type → categories of personal data, for the index. */
  dataCategories?: Record<string, string[]>;
  /** Fields never copied into the person's bundle (the connector's declaration). */
  fieldRoles?: ExportFieldRoles;
  /** Purposes, recipients, retention and source (GDPR Art. 15(1)), from the connector's declaration. */
  processing?: ProcessingDeclaration;
}

export interface WriteExportBundleOptions {
  /** Folder the bundle is written to; created when missing. */
  directory: string;
  request: ExportBundleRequest;
  systems: ExportBundleSystem[];
  /** The person's consent-to-record evidence from the ledger, for the calls in the bundle. */
  consentEvidence?: readonly ConsentEvidenceItem[];
  now?: () => Date;
}

export interface WrittenExportBundle {
  /** `<directory>/<request id>.zip`, absolute. */
  path: string;
  /** sha256 of the whole zip file. */
  sha256: string;
  bytes: number;
  /** Per connector instance id. */
  counts: Record<string, { records: number; files: number }>;
}

// The request id becomes a file name, so it must already be one; request ids are UUIDs.
const requestIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Writes an access/portability bundle: `index.html` (the bundle explained to the person),
 * `manifest.json`, per system `systems/<name>/<type>.json` and `.csv`, and binaries under
 * `systems/<name>/files/`. Records are the person's copy: parts the connector marks as other
 * people's are left out (Art. 15(4)), fields it declares internal are dropped, and card numbers are
 * masked. Memory stays flat however large the
 * bundle: records are spooled to disk per type, binaries stream straight into the zip. The zip is
 * written beside its final path and renamed into place only when complete, so a reader never sees
 * half a bundle; on any failure every temporary file is removed and the error is rethrown.
 */
export async function writeExportBundle(options: WriteExportBundleOptions): Promise<WrittenExportBundle> {
  checkInput(options);
  const directory = resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const generatedAt = (options.now ?? (() => new Date()))();
  const { request } = options;
  const finalPath = join(directory, `${request.id}.zip`);
  const temporaryPath = join(directory, `.${request.id}.${randomUUID()}.zip.partial`);

  const zip = new BundleZip(temporaryPath, generatedAt);
  try {
    const systemFolders = new UniqueNames();
    const systems: BundleSystem[] = [];
    const files: BundleFile[] = [];
    const counts: WrittenExportBundle["counts"] = {};
    for (const system of options.systems) {
      const folder = `systems/${systemFolders.claim(safePathSegment(system.instanceName, system.instanceId))}`;
      const written = await writeSystem({ zip, system, folder, spoolParent: directory, requestId: request.id });
      systems.push(written.system);
      files.push(...written.files);
      counts[system.instanceId] = {
        records: Object.values(written.system.records).reduce((sum, n) => sum + n, 0),
        files: written.system.files,
      };
    }
    const described: Omit<BundleManifest, "files"> = {
      format: "lethe-export",
      formatVersion: bundleFormatVersion,
      request: { id: request.id, type: request.type, regime: request.regime, receivedAt: request.receivedAt },
      generatedAt: generatedAt.toISOString(),
      systems,
      csvConventions,
    };
    const details = new Map<string, IndexSystemDetails>(
      options.systems.map((system) => [system.instanceId, { title: system.title, dataCategories: system.dataCategories }]),
    );
    const evidence = options.consentEvidence ?? [];
    if (evidence.length > 0) {
      const written = await zip.addBuffer(consentEvidenceEntryName, consentEvidenceJson(evidence));
      files.push(describe(written, undefined, "application/json", "consent-evidence", {}));
    }
    const index = await zip.addBuffer(indexEntryName, Buffer.from(renderBundleIndex(described, files, details, evidence), "utf8"));
    const manifest: BundleManifest = {
      ...described,
      files: [...files, describe(index, undefined, "text/html; charset=utf-8", "index", {})],
    };
    await zip.addBuffer(manifestEntryName, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
    const archive = await zip.finish();
    await rename(temporaryPath, finalPath);
    return { path: finalPath, sha256: archive.sha256, bytes: archive.bytes, counts };
  } catch (error) {
    await zip.abort();
    await rm(temporaryPath, { force: true });
    throw error;
  }
}

function checkInput(options: WriteExportBundleOptions): void {
  if (!requestIdPattern.test(options.request.id)) {
    throw new InvalidExportInputError(
      "request id must be 1–128 letters, digits, dots, dashes or underscores, starting with a letter or digit",
    );
  }
  const seen = new Set<string>();
  for (const system of options.systems) {
    if (seen.has(system.instanceId)) {
      throw new InvalidExportInputError(`connector instance ${system.instanceId} appears twice in the export`);
    }
    seen.add(system.instanceId);
  }
}

async function writeSystem(input: {
  zip: BundleZip;
  system: ExportBundleSystem;
  folder: string;
  spoolParent: string;
  requestId: string;
}): Promise<{ system: BundleSystem; files: BundleFile[] }> {
  const { zip, system, folder } = input;
  const files: BundleFile[] = [];
  const fileNames = new UniqueNames();
  const spool = await RecordSpool.create(input.spoolParent, `.${input.requestId}.spool-`);
  const tally = emptyTally();
  try {
    for await (const item of system.items()) {
      if (item.kind === "record") {
        checkRecord(system.instanceId, item);
        const copy = subjectCopy(item.data, item.parts, fieldPatternsFor(system.fieldRoles, item.ref.type));
        addTally(tally, copy.tally);
        await spool.add(item.ref.type, copy.data);
        continue;
      }
      checkBinary(system.instanceId, item);
      const name = fileNames.claim(safePathSegment(item.name, `${item.ref.type}-${item.ref.id}`));
      // Stored, not deflated: recordings and documents are mostly compressed already, and
      // "binary files as they are" should cost no CPU per byte beyond the checksums.
      const entry = await zip.add(`${folder}/files/${name}`, declaredSizeContent(system.instanceId, item), {
        compress: false,
      });
      files.push(describe(entry, system.instanceId, item.contentType, "binary", { ref: { ...item.ref } }));
    }

    const records: Record<string, number> = {};
    const typeNames = new UniqueNames();
    for (const spooled of await spool.seal()) {
      records[spooled.type] = spooled.count;
      const stem = typeNames.claim(safePathSegment(spooled.type, "records"));
      const recordType = { recordType: spooled.type };
      const json = await zip.add(`${folder}/${stem}.json`, jsonArrayChunks(spool.records(spooled.type)), {
        compress: true,
      });
      files.push(describe(json, system.instanceId, "application/json", "records-json", recordType));
      const csv = await zip.add(`${folder}/${stem}.csv`, csvChunks(spooled.columns, spool.records(spooled.type)), {
        compress: true,
      });
      files.push(describe(csv, system.instanceId, "text/csv; charset=utf-8", "records-csv", recordType));
    }

    return {
      system: {
        instanceId: system.instanceId,
        instanceName: system.instanceName,
        directory: folder,
        connector: { id: system.connectorId, version: system.connectorVersion },
        records,
        files: files.filter((file) => file.kind === "binary").length,
        withheld: {
          otherPeoplesParts: tally.otherPeoplesParts,
          internalFields: tally.roledFields,
          cardNumbersMasked: tally.cardNumbersMasked,
        },
        ...(system.processing ? { processing: system.processing } : {}),
      },
      files,
    };
  } finally {
    await spool.remove();
  }
}

function describe(
  entry: WrittenEntry,
  instanceId: string | undefined,
  contentType: string,
  kind: BundleFile["kind"],
  extra: Pick<BundleFile, "recordType" | "ref">,
): BundleFile {
  return {
    path: entry.path,
    size: entry.size,
    sha256: entry.sha256,
    contentType,
    ...(instanceId === undefined ? {} : { instanceId }),
    kind,
    ...extra,
  };
}

function checkRecord(instanceId: string, item: Extract<ExportItem, { kind: "record" }>): void {
  const data: unknown = item.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InvalidExportInputError(
      `record ${item.ref.type}/${item.ref.id} of instance ${instanceId} is not a JSON object`,
    );
  }
}

function checkBinary(instanceId: string, item: Extract<ExportItem, { kind: "binary" }>): void {
  if (!Number.isSafeInteger(item.size) || item.size < 0) {
    throw new InvalidExportInputError(
      `binary ${item.ref.type}/${item.ref.id} of instance ${instanceId} declares an invalid size (${item.size})`,
    );
  }
}

/** The binary's content, refused as soon as it streams more, or ends with fewer, bytes than declared. */
async function* declaredSizeContent(
  instanceId: string,
  item: Extract<ExportItem, { kind: "binary" }>,
): AsyncGenerator<Uint8Array> {
  let streamed = 0;
  for await (const chunk of item.content()) {
    streamed += chunk.byteLength;
    if (streamed > item.size) {
      throw new BinarySizeMismatchError({ instanceId, ref: item.ref, declared: item.size, streamed, complete: false });
    }
    yield chunk;
  }
  if (streamed !== item.size) {
    throw new BinarySizeMismatchError({ instanceId, ref: item.ref, declared: item.size, streamed, complete: true });
  }
}
