export * from "./identifiers";
export * from "./records";
export * from "./errors";
export * from "./context";
export * from "./logger";
export * from "./definition";
export * from "./define-connector";
export * from "./sandbox";
