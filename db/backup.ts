// Backups of the whole database and their restore, with PostgreSQL's own tools on a server
// (pg_dump's custom format, pg_restore) and PGlite's data-folder dump for the embedded one.
// A backup is read through completely before anything is dropped, and a database that holds
// data is only replaced when asked (`force`).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { lockEmbeddedFolder, unlockEmbeddedFolder } from "./embedded-lock";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Runs a PostgreSQL tool; its stderr becomes the error's message. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (err) =>
      reject(
        new BackupError(
          (err as NodeJS.ErrnoException).code === "ENOENT"
            ? `${command} est introuvable : installez les outils clients de PostgreSQL (Debian : apt-get install -y postgresql-client).`
            : err.message,
        ),
      ),
    );
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new BackupError(stderr.trim() || `${command} a échoué (code ${code})`))));
  });
}

// --- PostgreSQL server ---------------------------------------------------------------------

export async function backupPostgres(url: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, url]);
}

/** Reads the whole backup as a restore would (into nothing): a damaged or cut file fails here. */
export async function checkPostgresBackup(file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`Fichier de sauvegarde introuvable : ${file}`);
  try {
    await run("pg_restore", ["--file=/dev/null", file]);
  } catch (err) {
    throw new BackupError(`Sauvegarde illisible ou incomplète (${file}) : rien n'a été modifié. ${(err as Error).message}`);
  }
}

/** Whether the database holds any table of its own. */
export async function postgresHasTables(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`;
    return Number(row.n) > 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function restorePostgres(url: string, file: string, { force = false } = {}): Promise<void> {
  await checkPostgresBackup(file);
  if (await postgresHasTables(url)) {
    if (!force) throw new BackupError("La base de destination contient déjà des données : ajoutez --force pour la remplacer par la sauvegarde.");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const schemas = await sql<{ name: string }[]>`
        SELECT nspname AS name FROM pg_namespace
        WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'`;
      await sql.begin(async (tx) => {
        for (const { name } of schemas) await tx.unsafe(`DROP SCHEMA "${name.replace(/"/g, '""')}" CASCADE`);
        await tx.unsafe("CREATE SCHEMA public");
      });
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file]);
}

// --- Embedded PGlite folder ------------------------------------------------------------------

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  return PGlite.create(dataDir, { extensions: { btree_gist }, ...(loadDataDir ? { loadDataDir } : {}) });
}

export async function backupEmbedded(dir: string, file: string): Promise<void> {
  if (!existsSync(dir) || readdirSync(dir).length === 0) throw new BackupError(`Aucune base embarquée dans ${dir}`);
  lockEmbeddedFolder(dir);
  try {
    const db = await openPglite(dir);
    try {
      const dump = await db.dumpDataDir("gzip");
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    unlockEmbeddedFolder(dir);
  }
}

/** Loads the dump into a throwaway in-memory database and reads it: a damaged file fails here. */
export async function checkEmbeddedBackup(file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`Fichier de sauvegarde introuvable : ${file}`);
  try {
    const db = await openPglite(undefined, new Blob([readFileSync(file)]));
    try {
      await db.query("SELECT count(*) FROM pg_class");
    } finally {
      await db.close();
    }
  } catch (err) {
    throw new BackupError(`Sauvegarde illisible ou incomplète (${file}) : rien n'a été modifié. ${(err as Error).message ?? err}`);
  }
}

/**
 * Restores into the folder. The folder's former content is kept beside it
 * (`<dir>.before-restore-<time>`), never deleted.
 */
export async function restoreEmbedded(dir: string, file: string, { force = false } = {}): Promise<{ keptAt: string | null }> {
  await checkEmbeddedBackup(file);
  let keptAt: string | null = null;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force) throw new BackupError(`La base embarquée ${dir} contient déjà des données : ajoutez --force pour la remplacer par la sauvegarde.`);
    lockEmbeddedFolder(dir);
    keptAt = `${path.resolve(dir)}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    unlockEmbeddedFolder(dir);
    renameSync(dir, keptAt);
  }
  const db = await openPglite(dir, new Blob([readFileSync(file)]));
  await db.query("SELECT 1");
  await db.close();
  return { keptAt };
}
