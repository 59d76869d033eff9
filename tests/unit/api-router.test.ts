// The API's router keeps Hono's trie router's matches per path shape (server/api/router.ts): it
// must answer exactly what the trie answers, for every route, whatever the ids.
import { randomUUID } from "node:crypto";
import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, it } from "vitest";
import { createApi } from "@/server/api/app";
import { ShapeCachedRouter } from "@/server/api/router";

type Match = [unknown, Record<string, string>][];

function routers() {
  const trie = new TrieRouter<unknown>();
  const cached = new ShapeCachedRouter<unknown>();
  for (const r of createApi().routes) {
    trie.add(r.method, r.path, r.handler);
    cached.add(r.method, r.path, r.handler);
  }
  return { trie, cached };
}

/** Concrete paths for every route: each `:param` filled with a fresh id or a word. */
function pathsOf(pattern: string, fill: (name: string) => string): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => fill(name)).replace(/\/\*$/, "/anything");
}

describe("the API's router", () => {
  const { trie, cached } = routers();
  const patterns = [...new Set(createApi().routes.map((r) => `${r.method} ${r.path}`))];

  it("answers what Hono's trie router answers, for every route and fresh ids each time", () => {
    expect(patterns.length).toBeGreaterThan(40);
    for (let round = 0; round < 3; round++) {
      for (const entry of patterns) {
        const [method, pattern] = entry.split(" ");
        const path = pathsOf(pattern, () => randomUUID());
        for (const m of [method === "ALL" ? "POST" : method, "GET", "OPTIONS"]) {
          expect(cached.match(m, path)[0] as Match).toEqual(trie.match(m, path)[0] as Match);
        }
      }
    }
  });

  it("puts each call's own ids in the params, not those of the call that made the shape", () => {
    const app1 = randomUUID();
    const app2 = randomUUID();
    const id1 = randomUUID();
    const id2 = randomUUID();
    const first = cached.match("POST", `/app/${app1}/multi-service/appointments/${id1}/status`)[0] as Match;
    const second = cached.match("POST", `/app/${app2}/multi-service/appointments/${id2}/status`)[0] as Match;
    expect(first.some(([, p]) => p.id === id1 && p.appId === app1)).toBe(true);
    expect(second.some(([, p]) => p.id === id2 && p.appId === app2)).toBe(true);
    expect(second.some(([, p]) => p.id === id1 || p.appId === app1)).toBe(false);
  });

  it("matches ids that are not UUIDs, one id twice and unknown paths as the trie does", () => {
    // A fresh router: the shape seen first is the one with the same id twice.
    const { trie, cached } = routers();
    const same = randomUUID();
    const paths = [
      `/app/${same}/multi-service/appointments/${same}`,
      `/app/${randomUUID()}/multi-service/appointments/${same}`,
      "/app/not-an-id/multi-service/appointments/list",
      "/app/not-an-id/multi-service/appointments/also-not-an-id",
      `/app/${randomUUID()}/multi-service/appointments/x-${randomUUID()}`,
      `/app/${randomUUID()}/multi-service/nothing/here`,
      "/elsewhere",
    ];
    for (const path of [...paths, ...paths]) {
      expect(cached.match("POST", path)[0] as Match).toEqual(trie.match("POST", path)[0] as Match);
    }
  });
});
