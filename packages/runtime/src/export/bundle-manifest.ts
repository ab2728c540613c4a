import { z } from "zod";

/**
 * Bumped when a reader of an older format could misread a newer bundle. 2: the `index` file kind
 * (index.html), what was withheld per system, and the processing information. 3: the
 * `consent-evidence` file kind (consent-evidence.json).
 */
export const bundleFormatVersion = 3;

/** The human-readable summary beside the manifest. */
export const indexEntryName = "index.html";

/** The manifest's own name inside the zip. It lists every other entry; it cannot list itself. */
export const manifestEntryName = "manifest.json";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const bundleFileSchema = z.object({
  /** Entry name inside the zip, `/`-separated. */
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
  contentType: z.string(),
  /** The connector instance the file came from; absent for the index. */
  instanceId: z.string().optional(),
  kind: z.enum(["records-json", "records-csv", "binary", "index", "consent-evidence"]),
  /** For record files: the record type they hold. */
  recordType: z.string().optional(),
  /** For binaries: the record the file belongs to in its system. */
  ref: z.object({ type: z.string(), id: z.string() }).optional(),
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

const processingInformation = {
  purposes: z.array(z.string()),
  recipients: z.array(z.string()),
  retention: z.string(),
  source: z.string(),
};
const processingSchema = z.object({
  ...processingInformation,
  recordTypes: z.record(z.string(), z.object(processingInformation).partial()).optional(),
});

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
  /** What was left out of, or masked in, this system's records on their way into the person's copy. */
  withheld: z
    .object({
      /** Parts of shared records that are other people's contributions (GDPR Art. 15(4)). */
      otherPeoplesParts: z.number().int().nonnegative(),
      /** Fields the connector declares internal (vendor API URLs) or other parties' metadata. */
      internalFields: z.number().int().nonnegative(),
      /** Payment card numbers masked to their first six and last four digits at most. */
      cardNumbersMasked: z.number().int().nonnegative(),
    })
    .optional(),
  /** Purposes, recipients, retention and source (GDPR Art. 15(1)) as the connector declares them. */
  processing: processingSchema.optional(),
});
export type BundleSystem = z.infer<typeof bundleSystemSchema>;

export const bundleManifestSchema = z.object({
  format: z.literal("lethe-export"),
  // Version 1 bundles (no index, nothing withheld) and 2 (no consent evidence) are still read.
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(bundleFormatVersion)]),
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
