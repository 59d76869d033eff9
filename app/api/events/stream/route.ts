// Live appointment events for a signed-in member's screens (Server-Sent Events): one stream per
// tab, only the companies the member may see (one company with ?company=), resumable with
// Last-Event-ID after a cut. lib/appointments/live.ts does the work.
import { eventStream } from "@/lib/appointments/live";
import { currentMember } from "@/app/_server/session";
import { EVENT_ID } from "@/lib/contract/events";
import { isUuid } from "@/lib/contract/ids";
import { onDrain } from "@/server/lifecycle";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const member = await currentMember();
  if (!member) return Response.json({ error: "not-authorized" }, { status: 401 });
  const { caller } = member;
  const url = new URL(request.url);
  const companyId = url.searchParams.get("company") ?? undefined;
  if (companyId !== undefined && (!isUuid(companyId) || (caller.companyIds !== "all" && !caller.companyIds.includes(companyId)))) {
    return Response.json({ error: "company-not-found" }, { status: 404 });
  }
  const last = request.headers.get("last-event-id") ?? url.searchParams.get("after");
  const lastEventId = last && EVENT_ID.test(last) ? Number(last) : undefined;
  const stream = eventStream(caller, { companyId, lastEventId, signal: request.signal, closeOn: onDrain });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // nginx and others: do not buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
