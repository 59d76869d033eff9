// An answer kept as its parts, for the production server's listener (node-listener.ts), which
// writes them to the socket as they are. Making a web Response instead costs a `get` more than
// its JSON (undici's builds a web stream for the body; @hono/node-server's lightweight one only
// while it stands in for the global). It reads as a Response where the API's middleware reads
// its answer: status, ok, clone().json() (the Idempotency-Key step stores the body).
/** Set on a context whose answers may be plain (node-context.ts); envelope.ts reads it. */
export const ANSWERS_PLAIN = Symbol("answers plain");

export class PlainAnswer {
  constructor(
    readonly status: number,
    readonly bodyText: string,
    /** The header object, complete (envelope.ts): written as it is. */
    readonly headerObject: Record<string, string>,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** A copy: the answer's headers are final once it is made. */
  get headers(): Headers {
    return new Headers(this.headerObject);
  }

  clone(): PlainAnswer {
    return this;
  }

  json(): Promise<unknown> {
    return Promise.resolve().then(() => JSON.parse(this.bodyText));
  }

  text(): Promise<string> {
    return Promise.resolve(this.bodyText);
  }
}
