// The server keeps an idle keep-alive connection open longer than a proxy keeps its idle
// connections to it (haproxy purges them after 5 s): otherwise the server could close one just
// as the proxy sends a request on it, and the proxy would cut its client (server/index.ts).
import http from "node:http";
import { afterAll, expect, it } from "vitest";
import { API_URL } from "./support/api";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => agent.destroy());

function ready(): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${API_URL}/api/ready`, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on("error", reject);
  });
}

it("an idle connection still answers after 6 s (Node's default would have closed it at 5 s)", async () => {
  expect(await ready()).toEqual({ status: 200, reused: false });
  await new Promise((r) => setTimeout(r, 6_000));
  expect(await ready()).toEqual({ status: 200, reused: true });
});
