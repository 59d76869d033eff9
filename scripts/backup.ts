// `npm run db:backup [-- <file>]`: the whole database in one file. With DATABASE_URL, pg_dump's
// custom format (needs PostgreSQL's client tools); without, the embedded folder (PGLITE_DIR,
// default .data/pglite) as PGlite's dump; stop the app first, it holds that folder.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { BackupError, backupEmbedded, backupPostgres } from "../db/backup";
import { EmbeddedFolderError } from "../db/embedded-lock";

const url = process.env.DATABASE_URL;
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
const file = process.argv[2] ?? path.join("backups", `rendez-vous-${stamp}.${url ? "dump" : "tar.gz"}`);
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
try {
  if (url) await backupPostgres(url, file);
  else await backupEmbedded(process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data/pglite"), file);
  console.log(`Sauvegarde écrite : ${file}`);
} catch (err) {
  if (!(err instanceof BackupError || err instanceof EmbeddedFolderError)) throw err;
  console.error(err.message);
  process.exit(1);
}
