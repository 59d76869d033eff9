// haproxy in front of the app instances. Two pools of the same instances:
// - `ready`: checked on /api/ready every second (fails while an instance drains or cannot reach
//   the database); requests normally go here, round robin;
// - `live`: checked by a plain TCP connect. Used only when no instance is ready, which is what a
//   database outage looks like: every instance fails readiness at once. The instances then
//   answer themselves (the API's 503 service-unavailable with Retry-After, the French page) and
//   serve again the moment the database is back, before the checks notice.
// With no instance alive at all, haproxy answers the same 503s itself.
// Connection failures to an instance are retried on another (nothing was sent); a request an
// instance took and never answered is not (it may have been done).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { defaultMessage, RETRY_AFTER_SECONDS } from "../../lib/contract/errors";
import { UNAVAILABLE_PAGE } from "../../server/unavailable-page";

export type ProxyOptions = {
  /** Where the configuration and its files go. */
  dir: string;
  host?: string;
  port: number;
  /** The stats page (CSV at `/;csv`), on 127.0.0.1. */
  statsPort: number;
  instances: { name: string; port: number }[];
  /** API-only instances (RDV_ROLE=api): /app/ goes to them while one is ready. */
  apiInstances?: { name: string; port: number }[];
  /** Checks: every `checkMs`; down after `fall` failures, up after `rise` successes. */
  checkMs?: number;
  fall?: number;
  rise?: number;
  /** Foreground with logs on stdout (tests) or a daemon with a pid file (npm run cluster). */
  foreground?: boolean;
};

/** Writes haproxy.cfg and its 503 answers into `dir`; answers the configuration's path. */
export function writeProxyConfig(o: ProxyOptions): string {
  const apiBody = path.join(o.dir, "api-503.json");
  const page = path.join(o.dir, "page-503.http");
  writeFileSync(
    apiBody,
    JSON.stringify({ success: false, error: { code: "service-unavailable", message: defaultMessage("service-unavailable") } }),
  );
  writeFileSync(
    page,
    [
      "HTTP/1.1 503 Service Unavailable",
      "Content-Type: text/html; charset=utf-8",
      `Retry-After: ${RETRY_AFTER_SECONDS}`,
      "Cache-Control: no-store",
      "Connection: close",
      "",
      UNAVAILABLE_PAGE,
    ].join("\r\n"),
  );
  const check = `inter ${o.checkMs ?? 1000} fall ${o.fall ?? 2} rise ${o.rise ?? 2}`;
  const serversOf = (list: { name: string; port: number }[], checkArgs: string) =>
    list.map((i) => `  server ${i.name} 127.0.0.1:${i.port} check ${checkArgs}`).join("\n");
  const servers = (checkArgs: string) => serversOf(o.instances, checkArgs);
  const apiOnly = o.apiInstances?.length ? o.apiInstances : null;
  const cfg = `# Written by scripts/cluster (npm run cluster); rewritten on each start.
global
  maxconn 4096
${o.foreground ? "  log stdout format raw local0 info\n" : ""}
defaults
  mode http
${o.foreground ? "  log global\n  option httplog\n" : ""}  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  timeout queue 10s
  # A connection an instance refused is tried on another one: nothing was sent.
  retries 2
  option redispatch 1
  retry-on conn-failure

frontend rendezvous
  bind ${o.host ?? "127.0.0.1"}:${o.port}
  acl api path_beg /app/
  acl none_ready nbsrv(ready) eq 0
  acl none_live nbsrv(live) eq 0
${apiOnly ? "  acl api_up nbsrv(api_ready) gt 0\n" : ""}  http-request return status 503 content-type application/json file ${apiBody} hdr Retry-After ${RETRY_AFTER_SECONDS} if api none_ready none_live${apiOnly ? " !api_up" : ""}
${apiOnly ? "  use_backend api_ready if api api_up\n" : ""}  use_backend live if none_ready
  default_backend ready
  errorfile 503 ${page}

backend ready
  balance roundrobin
  option httpchk
  http-check send meth GET uri /api/ready
  http-check expect status 200
  # Which instance answered: the cluster tests read it.
  http-response set-header X-Rendez-Vous-Instance %s
  errorfile 503 ${page}
${servers(check)}

backend live
  balance roundrobin
  http-response set-header X-Rendez-Vous-Instance %s
  errorfile 503 ${page}
${servers(check)}

${
  apiOnly
    ? `backend api_ready
  balance roundrobin
  option httpchk
  http-check send meth GET uri /api/ready
  http-check expect status 200
  http-response set-header X-Rendez-Vous-Instance %s
${serversOf(apiOnly, check)}

`
    : ""
}listen stats
  bind 127.0.0.1:${o.statsPort}
  stats enable
  stats uri /
  stats refresh 5s
`;
  const file = path.join(o.dir, "haproxy.cfg");
  writeFileSync(file, cfg);
  return file;
}

/** The arguments to run haproxy on that configuration. */
export function haproxyArgs(configFile: string, o: { foreground?: boolean; pidFile?: string }): string[] {
  if (o.foreground) return ["-db", "-f", configFile];
  return ["-D", "-f", configFile, "-p", o.pidFile ?? path.join(path.dirname(configFile), "haproxy.pid")];
}

export type ServerState = { proxy: string; server: string; status: string };

/** The state of every server, from the stats page (e.g. UP, DOWN, "UP 1/2"). */
export async function proxyStates(statsPort: number): Promise<ServerState[]> {
  const res = await fetch(`http://127.0.0.1:${statsPort}/;csv`);
  const lines = (await res.text()).split("\n").filter((l) => l && !l.startsWith("#"));
  return lines
    .map((l) => l.split(","))
    .filter(([, server]) => server !== "FRONTEND" && server !== "BACKEND")
    .map(([proxy, server, ...rest]) => ({ proxy, server, status: rest[15] }));
}
