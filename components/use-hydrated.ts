"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** true once React runs in the browser: marks controls as live (data-hydrated) for tests. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
