import { databaseReady } from "@/db/availability";

// Health for load balancers and test runners: answers once the database is open and migrated.
export async function GET() {
  const ok = await databaseReady();
  return Response.json({ ok }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
