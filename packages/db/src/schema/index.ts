export * from "./requests";
export * from "./identifiers";
export * from "./connector-instances";
export * from "./work";
export * from "./records";
export * from "./audit";
