// `npm run db:restore -- <file> [--force]`: puts a backup of `npm run db:backup` back. The file
// is read through first (a damaged or cut one is refused before anything changes); a database
// that holds data is replaced only with --force (the embedded folder's former content is kept
// beside it). Stop the app first.
import path from "node:path";
import { BackupError, restoreEmbedded, restorePostgres } from "../db/backup";
import { EmbeddedFolderError } from "../db/embedded-lock";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage : npm run db:restore -- <fichier> [--force]");
  process.exit(2);
}
const url = process.env.DATABASE_URL;
try {
  if (url) {
    await restorePostgres(url, file, { force });
  } else {
    const { keptAt } = await restoreEmbedded(process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data/pglite"), file, { force });
    if (keptAt) console.log(`Ancienne base embarquée gardée dans ${keptAt}`);
  }
  console.log(`Sauvegarde restaurée : ${file}`);
} catch (err) {
  if (!(err instanceof BackupError || err instanceof EmbeddedFolderError)) throw err;
  console.error(err.message);
  process.exit(1);
}
