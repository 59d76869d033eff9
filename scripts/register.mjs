// Lets plain Node (scripts, the production server) load lib/ modules marked `import "server-only"`.
// Next resolves that package to an empty module on the server; this does the same outside Next.
import { register } from "node:module";

register("./server-only-hook.mjs", import.meta.url);
