// The HTTP API as a Next route handler (next dev, next start, any Next host). No logic here:
// the Hono app in server/api answers everything, as it does under the production server.
import { api } from "@/server/api";

const handle = (request: Request) => api.fetch(request);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
