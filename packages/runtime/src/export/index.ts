export {
  writeExportBundle,
  type ExportBundleRequest,
  type ExportBundleSystem,
  type WriteExportBundleOptions,
  type WrittenExportBundle,
} from "./write-export-bundle";
export { readBundleManifest, verifyBundle, type BundleProblem, type BundleVerification } from "./read-bundle";
export {
  bundleFormatVersion,
  bundleManifestSchema,
  manifestEntryName,
  type BundleFile,
  type BundleManifest,
  type BundleSystem,
} from "./bundle-manifest";
export { csvConventions } from "./csv-encoding";
export { safePathSegment } from "./bundle-names";
export { ExportBundleError, InvalidExportInputError, BinarySizeMismatchError, MalformedBundleError } from "./errors";
