// One process per embedded data folder: two PGlite instances on one folder lose writes without
// an error (STACK.md, trap 3), so a process takes the folder with a lock file naming its pid
// and another process is refused with what to do. A lock left by a process that died is taken
// over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class EmbeddedFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedFolderError";
  }
}

const held = new Set<string>();

export function lockFile(dir: string): string {
  return path.join(dir, ".rendez-vous.lock");
}

/** Takes the folder for this process (again is fine); throws when another live process holds it. */
export function lockEmbeddedFolder(dir: string): void {
  const file = lockFile(dir);
  if (held.has(file)) return;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      if (held.size === 1) process.once("exit", releaseAll);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new EmbeddedFolderError(
          `La base embarquée ${dir} est déjà ouverte par un autre processus (pid ${owner}). ` +
            `Arrêtez-le (ou choisissez un autre dossier avec PGLITE_DIR) puis recommencez.`,
        );
      }
      // Left by a process that is gone (or by this one before a reload): take it over.
      rmSync(file, { force: true });
    }
  }
  throw new EmbeddedFolderError(`Impossible de verrouiller la base embarquée ${dir}.`);
}

export function unlockEmbeddedFolder(dir: string): void {
  const file = lockFile(dir);
  if (!held.delete(file)) return;
  rmSync(file, { force: true });
}

function releaseAll(): void {
  for (const file of held) rmSync(file, { force: true });
  held.clear();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
