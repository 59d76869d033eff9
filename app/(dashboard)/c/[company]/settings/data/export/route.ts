// The app's data export for the signed-in owner or admin: the same streamed ZIP as the API's
// `export` (lib/export/zip.ts), with the member's rights (owners and admins see every company).
import { Readable } from "node:stream";
import { currentMember } from "@/app/_server/session";
import { isManager } from "@/lib/auth/caller";
import { exportAppZip, exportFileName } from "@/lib/export/zip";

export async function GET() {
  const member = await currentMember();
  if (!member) return new Response("Non connecté", { status: 401 });
  // Settings are for owners and admins; anyone else gets what a missing page answers.
  if (!isManager(member.caller)) return new Response("Introuvable", { status: 404 });
  const now = new Date();
  const zip = exportAppZip(member.caller, { now });
  return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFileName(now)}"`,
      "Cache-Control": "no-store",
    },
  });
}
