// The SMS provider's signed callbacks: server/inbound.ts answers them, as it does under the
// production server.
import { inbound } from "@/server/inbound";

export const dynamic = "force-dynamic";

const handle = (request: Request) => inbound.fetch(request);

export { handle as POST };
