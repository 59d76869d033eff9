// An answer kept as its parts, for the production server's listener (node-listener.ts), which
// writes them to the socket as they are. Making a web Response instead costs a `get` more than
// its JSON (undici's builds a web stream for the body; @hono/node-server's lightweight one only
// while it stands in for the global). It reads as a Response where the API's middleware reads
// its answer, and nowhere else: status, clone().json() (the Idempotency-Key step stores the
// body). Whatever would set headers on an answer checks for it first (envelope.ts,
// node-context.ts), and the listener writes it before any other kind.
/** Set on a context whose answers may be plain (node-context.ts); envelope.ts reads it. */
export const ANSWERS_PLAIN = Symbol("answers plain");

export class PlainAnswer {
  constructor(
    readonly status: number,
    readonly bodyText: string,
    /** The header object, complete (envelope.ts): written as it is. */
    readonly headerObject: Record<string, string>,
  ) {}

  clone(): PlainAnswer {
    return this;
  }

  json(): Promise<unknown> {
    return Promise.resolve().then(() => JSON.parse(this.bodyText));
  }
}
