// The generic SMS provider's shape (README) on 127.0.0.1, in a process of its own, forked by
// scripts/bench/reminders.ts: the load generator measuring the API then does not share its event
// loop with hundreds of provider calls a second. `Idempotency-Key` is our message id; it answers
// `data.id`, after `argv[2]` ms. Over IPC: {port} once listening; "count" → {count} (messages
// received at least once); "report" → {arrivals: first arrival time of each, duplicates}.
import { createServer } from "node:http";

const delayMs = Number(process.argv[2] ?? 0);
const first = new Map();
let repeats = 0;
let n = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const id = String(req.headers["idempotency-key"]);
    if (first.has(id)) repeats++;
    else first.set(id, Date.now());
    const answer = JSON.stringify({ data: { id: `sms-${++n}`, status: "queued" } });
    const send = () => res.writeHead(201, { "content-type": "application/json" }).end(answer);
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  });
});
// An answer racing the parent's disconnect is dropped, not a crash.
const say = (m) => process.connected && process.send(m, () => {});
process.on("message", (m) => {
  if (m === "count") say({ count: first.size });
  else if (m === "report") say({ arrivals: [...first.values()], duplicates: repeats });
});
server.listen(0, "127.0.0.1", () => say({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
