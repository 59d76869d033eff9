// WhatsApp Cloud API callbacks (GET challenge, signed POSTs): server/inbound.ts answers them, as
// it does under the production server.
import { inbound } from "@/server/inbound";

export const dynamic = "force-dynamic";

const handle = (request: Request) => inbound.fetch(request);

export { handle as GET, handle as POST };
