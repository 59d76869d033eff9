// Hono's trie router, with its matches kept per path shape. The API has some 200 route entries
// (each route's validators are entries of their own) and the trie walks them on every call:
// 6 to 10 µs a match here, a few per cent of a `get`'s CPU. Hono's faster RegExpRouter refuses
// `appointments/:id` beside `appointments/list`. Paths differ mostly by their ids, so a match
// is kept for the path with each UUID segment blanked, and the ids are put back into the
// params from the call's own path.
import type { Result, Router } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Past this many shapes (paths that are not ids vary without bound), the cache starts again. */
const MAX_SHAPES = 2000;

/** A param's value: the n-th id of the path, or the same text whatever the ids. */
type ParamSource = [name: string, idIndex: number, literal: string];
type Shape = { handlers: unknown[]; params: ParamSource[][] };

export class ShapeCachedRouter<T> implements Router<T> {
  name = "ShapeCachedRouter";
  #trie = new TrieRouter<T>();
  #shapes = new Map<string, Shape>();

  add(method: string, path: string, handler: T): void {
    this.#trie.add(method, path, handler);
    this.#shapes.clear();
  }

  match(method: string, path: string): Result<T> {
    const segments = path.split("/");
    const ids: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      if (segments[i].length === 36 && UUID.test(segments[i])) {
        ids.push(segments[i]);
        segments[i] = "\0";
      }
    }
    const key = `${method} ${segments.join("/")}`;
    const shape = this.#shapes.get(key);
    if (shape) return fill(shape, ids) as Result<T>;
    const result = this.#trie.match(method, path);
    // A path whose ids cannot be told apart is not kept, and does not stop the next call of the
    // same shape from being kept.
    const made = shapeOf(result as unknown as [unknown, Record<string, string>][][], ids);
    if (made) {
      if (this.#shapes.size >= MAX_SHAPES) this.#shapes.clear();
      this.#shapes.set(key, made);
    }
    return result;
  }
}

/**
 * The match as a shape, or null (not kept) when an id cannot be told from its place: one id twice
 * in the path, or a param holding an id within other text.
 */
function shapeOf(result: [unknown, Record<string, string>][][], ids: string[]): Shape | null {
  if (new Set(ids).size !== ids.length) return null;
  const [matches] = result;
  const params: ParamSource[][] = [];
  for (const [, values] of matches) {
    const sources: ParamSource[] = [];
    for (const name in values) {
      const value = values[name];
      const idIndex = ids.indexOf(value);
      if (idIndex === -1 && ids.some((id) => value.includes(id))) return null;
      sources.push([name, idIndex, value]);
    }
    params.push(sources);
  }
  return { handlers: matches.map(([handler]) => handler), params };
}

function fill(shape: Shape, ids: string[]): [[unknown, Record<string, string>][]] {
  const matches: [unknown, Record<string, string>][] = [];
  for (let i = 0; i < shape.handlers.length; i++) {
    const values: Record<string, string> = {};
    for (const [name, idIndex, literal] of shape.params[i]) values[name] = idIndex === -1 ? literal : ids[idIndex];
    matches.push([shape.handlers[i], values]);
  }
  return [matches];
}
