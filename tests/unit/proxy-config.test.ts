// The proxy's configuration with API-only instances (npm run cluster, CLUSTER_API_INSTANCES):
// /app/ goes to them while one is ready, to the full instances otherwise; pages never do.
// (haproxy itself runs in tests/cluster, where it is installed.)
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeProxyConfig } from "../../scripts/cluster/haproxy";

const config = (apiInstances?: { name: string; port: number }[]) =>
  readFileSync(
    writeProxyConfig({
      dir: mkdtempSync(path.join(os.tmpdir(), "rdv-proxy-")),
      port: 18080,
      statsPort: 18081,
      instances: [{ name: "app1", port: 13101 }],
      apiInstances,
    }),
    "utf8",
  );

describe("proxy configuration", () => {
  it("without API-only instances: no API backend", () => {
    expect(config()).not.toContain("api_ready");
  });

  it("sends /app/ to the API-only instances while one is ready, checked on /api/ready", () => {
    const cfg = config([{ name: "api2", port: 13102 }]);
    expect(cfg).toContain("use_backend api_ready if api api_up");
    expect(cfg).toContain("acl api_up nbsrv(api_ready) gt 0");
    // Checked first: the full instances' fallbacks come after it.
    expect(cfg.indexOf("use_backend api_ready")).toBeLessThan(cfg.indexOf("use_backend live"));
    const backend = cfg.slice(cfg.indexOf("\nbackend api_ready"), cfg.indexOf("listen stats"));
    expect(backend).toContain("http-check send meth GET uri /api/ready");
    expect(backend).toContain("server api2 127.0.0.1:13102 check");
    expect(backend).not.toContain("app1");
    // The proxy's own 503 only when no instance of either kind is left.
    expect(cfg).toMatch(/http-request return status 503 .* if api none_ready none_live !api_up/);
  });
});
