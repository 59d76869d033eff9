// Which failures are "the database cannot serve now" (503, retry) rather than a bug (500) or
// the caller's mistake (4xx).
import { describe, expect, it } from "vitest";
import { AppError, isConnectionFailure, isUnavailable } from "@/lib/contract/errors";

const pg = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query"), { cause });

describe("isUnavailable", () => {
  it.each(["57P01", "57P03", "08006", "08001", "53300", "57014", "55P03"])("SQLSTATE %s, also wrapped by Drizzle", (code) => {
    expect(isUnavailable(pg(code))).toBe(true);
    expect(isUnavailable(wrapped(pg(code)))).toBe(true);
  });

  it.each(["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "CONNECTION_ENDED"])("driver code %s", (code) => {
    expect(isUnavailable(wrapped(pg(code)))).toBe(true);
  });

  it("not constraint violations, bad input, bugs or other app errors", () => {
    for (const code of ["23505", "23P01", "22P02", "42P01", "40P01"]) expect(isUnavailable(pg(code))).toBe(false);
    expect(isUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isUnavailable(new AppError("agent-unavailable"))).toBe(false);
    expect(isUnavailable(new AppError("service-unavailable"))).toBe(true);
  });
});

describe("isConnectionFailure", () => {
  it("a database out of reach: the pages say so until it answers again", () => {
    for (const code of ["57P01", "57P03", "08006", "53300"]) expect(isConnectionFailure(wrapped(pg(code)))).toBe(true);
    expect(isConnectionFailure(wrapped(pg("ECONNREFUSED")))).toBe(true);
  });

  it("not a slow or cancelled statement, nor a deadline: the database is there", () => {
    for (const code of ["57014", "55P03", "23505"]) expect(isConnectionFailure(wrapped(pg(code)))).toBe(false);
    expect(isConnectionFailure(new AppError("service-unavailable"))).toBe(false);
  });
});
