// Lists read from a cursor in the URL.
import "server-only";
import { isAppError } from "@/lib/contract/errors";

/** Reads a page; a stale or hand-edited cursor (validation-error) reads the first page rather than fail. */
export async function orFirstPage<T>(read: () => Promise<T>, first: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (isAppError(err) && err.code === "validation-error") return first();
    throw err;
  }
}
