// Next's server hooks. A page that failed because the database cannot be reached reports it,
// so the production server shows its "try again" page to the next requests until a probe finds
// the database back (db/availability.ts).
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isConnectionFailure }, { reportDatabaseDown }] = await Promise.all([import("./lib/errors"), import("./db/availability")]);
  if (isConnectionFailure(error)) reportDatabaseDown();
}
