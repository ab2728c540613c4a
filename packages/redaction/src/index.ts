export * from "./audio/audio-errors";
export * from "./audio/wav-header";
export * from "./audio/mu-law";
export * from "./audio/redaction-fill";
export * from "./audio/redact-wav-stream";
export * from "./audio/synthetic-recording";
