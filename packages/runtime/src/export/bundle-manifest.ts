import { z } from "zod";

/** Bumped when a reader of an older format could misread a newer bundle. */
export const bundleFormatVersion = 1;

/** The manifest's own name inside the zip. It lists every other entry; it cannot list itself. */
export const manifestEntryName = "manifest.json";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const bundleFileSchema = z.object({
  /** Entry name inside the zip, `/`-separated. */
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
  contentType: z.string(),
  /** The connector instance the file came from. */
  instanceId: z.string(),
  kind: z.enum(["records-json", "records-csv", "binary"]),
  /** For record files: the record type they hold. */
  recordType: z.string().optional(),
  /** For binaries: the record the file belongs to in its system. */
  ref: z.object({ type: z.string(), id: z.string() }).optional(),
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

export const bundleSystemSchema = z.object({
  instanceId: z.string(),
  instanceName: z.string(),
  /** Folder of this system's files inside the zip, e.g. `systems/Support desk`. */
  directory: z.string(),
  connector: z.object({ id: z.string(), version: z.string() }),
  /** Records exported per record type. */
  records: z.record(z.string(), z.number().int().nonnegative()),
  /** Binary files exported. */
  files: z.number().int().nonnegative(),
});
export type BundleSystem = z.infer<typeof bundleSystemSchema>;

export const bundleManifestSchema = z.object({
  format: z.literal("lethe-export"),
  formatVersion: z.literal(bundleFormatVersion),
  request: z.object({
    id: z.string(),
    type: z.string(),
    regime: z.string(),
    receivedAt: z.string(),
  }),
  generatedAt: z.string(),
  systems: z.array(bundleSystemSchema),
  files: z.array(bundleFileSchema),
  /** How the CSV files were written (the formula guard changes some cells). */
  csvConventions: z.string(),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;
