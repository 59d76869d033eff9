export * from "./companies";
export * from "./services";
export * from "./agents";
export * from "./customers";
