import { dataFile } from "./data-file";

/** Path of presidio-research's `synth_dataset_v2.json`: 1,500 synthetic texts with labelled PII spans. */
export const piiTextDatasetPath = dataFile("pii-text/synth_dataset_v2.json");
