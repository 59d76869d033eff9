// What the code running for one request carries without being passed it: the request's deadline
// (deadline.ts) and its open transaction (index.ts). One AsyncLocalStorage for both: on Node 20
// every storage in use adds work to every promise the process makes (measured on a chain of
// awaits: one storage about triples a promise's cost, a second adds some 15 %).
import { AsyncLocalStorage } from "node:async_hooks";
import type { DeadlineScope } from "./deadline";
import type { Tx } from "./index";

export type RequestContext = {
  deadline?: DeadlineScope;
  /** `open` turns false when the transaction ends (index.ts, withTransaction). */
  transaction?: { tx: Tx; open: boolean };
};

export const requestContext = new AsyncLocalStorage<RequestContext>();
