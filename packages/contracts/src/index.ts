export * from "./common";
export * from "./errors";
export * from "./health";
export * from "./requests";
export * from "./connectors";
export * from "./audit";
export * from "./auth";
export * from "./routes";
