// Before every page: security headers, with a fresh nonce for the Content-Security-Policy (Next
// puts it on its own scripts, read from the request's CSP header), and, as a convenience only,
// visitors without a session cookie sent to the sign-in page before the dashboard renders. The
// real check is on every page and action (app/_server/session.ts): a forged or expired cookie
// passes here and is refused there.
import { NextResponse, type NextRequest } from "next/server";
import { pageSecurityHeaders } from "./lib/contract/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/c/")) {
    const hasSession = SESSION_COOKIES.some((name) =>
      request.cookies.getAll().some((c) => c.name === name || c.name.startsWith(`${name}.`)),
    );
    if (!hasSession) {
      const url = request.nextUrl.clone();
      url.pathname = "/login";
      url.search = "";
      url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
      return NextResponse.redirect(url);
    }
  }

  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = pageSecurityHeaders({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages (route handlers and the API set their own headers); not Next's static files.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|app/|api/).*)" }],
};
