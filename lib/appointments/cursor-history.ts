// Where the live hub's cursor stood over the last minute (renderedCursor in live.ts): a page
// read on a replica is as old as the replica's lag, and its stream must start from that far back.
export type CursorHistory = { at: number; cursor: number }[];

const KEEP_MS = 60_000;

/** The cursor reached `cursor` at `at`. Kept: the last minute, and the entry before it. */
export function recordCursor(history: CursorHistory, cursor: number, at: number): void {
  history.push({ at, cursor });
  const old = history.findLastIndex((h) => h.at < at - KEEP_MS);
  if (old > 0) history.splice(0, old);
}

/** The cursor as it stood at `asOf`; before the first entry (the hub's start), that entry's. */
export function cursorAsOf(history: CursorHistory, asOf: number): number | undefined {
  return (history.findLast((h) => h.at <= asOf) ?? history[0])?.cursor;
}
