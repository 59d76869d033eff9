// The typed client can be lifted out as its own package: bundled alone, it pulls in nothing but
// its own files and the contract (no server module, no database driver, no Next, no React).
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("lib/client", () => {
  it("bundles alone from lib/client and lib/contract, with nothing of the server inside", async () => {
    const result = await build({
      entryPoints: [path.join(root, "lib/client/index.ts")],
      bundle: true,
      write: false,
      metafile: true,
      platform: "neutral",
      format: "esm",
      logLevel: "silent",
      absWorkingDir: root,
      tsconfig: path.join(root, "tsconfig.json"),
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((f) => !/^lib\/(client|contract)\//.test(f))).toEqual([]);
    const code = result.outputFiles[0].text;
    for (const word of ["server-only", "drizzle", "postgres", "pglite", "next/", "react"]) expect(code).not.toContain(word);
    expect(code).toContain("createClient");
  });
});
