/** Why an export bundle could not be written or read. Every case names what was wrong. */
export abstract class ExportBundleError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request or system description handed to the writer cannot make a valid bundle. */
export class InvalidExportInputError extends ExportBundleError {
  readonly code = "invalid_export_input";
}

/**
 * A connector streamed a different number of bytes than the size it declared for a binary.
 * The bundle is abandoned: a truncated recording must never be handed over as if complete.
 */
export class BinarySizeMismatchError extends ExportBundleError {
  readonly code = "binary_size_mismatch";
  constructor(
    readonly details: {
      instanceId: string;
      ref: { type: string; id: string };
      declared: number;
      /** Bytes received before the mismatch was detected. */
      streamed: number;
      /** False when streaming was stopped early because it already exceeded the declared size. */
      complete: boolean;
    },
  ) {
    super(
      `binary ${details.ref.type}/${details.ref.id} of instance ${details.instanceId} declared ${details.declared} bytes ` +
        `but streamed ${details.complete ? "" : "at least "}${details.streamed}`,
    );
  }
}

/** A file that claims to be an export bundle is not one (no manifest, or one that does not parse). */
export class MalformedBundleError extends ExportBundleError {
  readonly code = "malformed_bundle";
}
