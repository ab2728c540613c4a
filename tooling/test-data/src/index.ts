export { dataFile } from "./data-file";
export { naughtyStrings } from "./naughty-strings";
export { emailEdgeCases, type EmailEdgeCase } from "./email-edge-cases";

/** presidio-research's synthetic labelled PII texts (1,500 texts), the redaction quality benchmark. */
export { piiTextDatasetPath } from "./pii-text";
