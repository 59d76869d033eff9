const EMPTY = new URL("../node_modules/server-only/empty.js", import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: EMPTY, shortCircuit: true };
  return next(specifier, context);
}
