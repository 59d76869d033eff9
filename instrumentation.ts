// Next's server hooks. At start (`npm run dev`, `next start`; `npm start` does the same in
// server/index.ts): the database opened, migrated, and the demo made or brought to today; then the
// webhook worker started. A page
// that failed because the database cannot be reached reports it, so the production server shows
// its "try again" page to the next requests until a probe finds the database back
// (db/availability.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase, startBackgroundWork } = await import("./lib/startup");
  await prepareDatabase()
    .then(() => startBackgroundWork())
    .catch((err) => console.error(`Base de données : ${(err as Error).message}`));
}

export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isConnectionFailure }, { reportDatabaseDown }] = await Promise.all([import("./lib/contract/errors"), import("./db/availability")]);
  if (isConnectionFailure(error)) reportDatabaseDown();
}
