// The programs a local cluster needs, found or refused with the command that installs them.
// PostgreSQL's server tools refuse to run as root: as root they run as the `postgres` user
// (runuser), on folders handed to that user.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/** A tool is missing: the message says what to install. */
export class MissingTool extends Error {}

const PG_TOOLS = ["initdb", "pg_ctl", "pg_basebackup"];
export const INSTALL_POSTGRES = "Debian/Ubuntu : apt-get install -y postgresql (ou PG_BIN=<dossier de initdb, pg_ctl, pg_basebackup>)";
export const INSTALL_HAPROXY = "Debian/Ubuntu : apt-get install -y haproxy (ou HAPROXY_BIN=<chemin de haproxy>)";

/** The folder of initdb, pg_ctl and pg_basebackup: PG_BIN if set, else the newest /usr/lib/postgresql/N/bin, or PATH. */
export function postgresBin(): string {
  const chosen = process.env.PG_BIN;
  if (chosen) {
    if (PG_TOOLS.every((t) => existsSync(path.join(chosen, t)))) return chosen;
    throw new MissingTool(`PG_BIN=${chosen} ne contient pas ${PG_TOOLS.join(", ")}. ${INSTALL_POSTGRES}`);
  }
  const candidates: string[] = [];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  for (const dir of candidates) if (PG_TOOLS.every((t) => existsSync(path.join(dir, t)))) return dir;
  const onPath = which("initdb");
  if (onPath && PG_TOOLS.every((t) => existsSync(path.join(path.dirname(onPath), t)))) return path.dirname(onPath);
  throw new MissingTool(`Outils serveur de PostgreSQL introuvables (${PG_TOOLS.join(", ")}). ${INSTALL_POSTGRES}`);
}

export function haproxyBin(): string {
  const found = process.env.HAPROXY_BIN ?? which("haproxy") ?? ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy"].find(existsSync);
  if (!found || !existsSync(found)) throw new MissingTool(`haproxy introuvable. ${INSTALL_HAPROXY}`);
  return found;
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Runs PostgreSQL's tools: directly for an ordinary user, as `postgres` for root (initdb and
 * pg_ctl refuse root). Folders they write are made with `folder()`, owned by that user.
 */
export function postgresRunner(bin = postgresBin()) {
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    try {
      owner = {
        uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
        gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
      };
    } catch {
      throw new MissingTool("Lancé en root, mais l'utilisateur « postgres » n'existe pas (il vient avec apt-get install -y postgresql) : lancez la commande sous un autre utilisateur.");
    }
    if (!existsSync("/usr/sbin/runuser") && !which("runuser")) throw new MissingTool("Lancé en root sans runuser (paquet util-linux) : lancez la commande sous un autre utilisateur.");
  }
  return {
    bin,
    /** Runs a tool and answers its output; throws with its output when it fails. */
    run(tool: string, args: string[], options: { allowFailure?: boolean } = {}): { code: number; output: string } {
      const file = path.join(bin, tool);
      const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
      // Started detached from our output pipes: pg_ctl leaves the server running, holding them.
      const r = spawnSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 180_000 });
      const output = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
      const code = r.status ?? 1;
      if (code !== 0 && !options.allowFailure) throw new Error(`${tool} ${args.join(" ")} a échoué (${code}) :\n${output}`);
      return { code, output };
    },
    /** The same without blocking this process (tests keep their load running meanwhile). */
    runAsync(tool: string, args: string[]): Promise<{ code: number; output: string }> {
      const file = path.join(bin, tool);
      const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
      return new Promise((resolve, reject) => {
        const child = spawn(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("error", reject);
        child.on("close", (code) => {
          if (code === 0) resolve({ code, output });
          else reject(new Error(`${tool} ${args.join(" ")} a échoué (${code}) :\n${output}`));
        });
      });
    },
    /** A folder the tools may write in (created if needed); data folders must be 0700. */
    folder(dir: string, mode = 0o755): string {
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, mode);
      if (owner) chownSync(dir, owner.uid, owner.gid);
      return dir;
    },
  };
}

export type PostgresRunner = ReturnType<typeof postgresRunner>;
