// The security headers of pages and of the API. Pure: proxy.ts, the production server's own
// pages and the API's middleware share them.

/**
 * Pages: scripts only from this origin or carrying the request's nonce (and what they load:
 * 'strict-dynamic'), never framed, no MIME sniffing, referrers kept to this origin, powerful
 * browser features off, and HTTPS pinned when the page came over HTTPS. Styles may be inline:
 * the calendar and the UI kit position things with style attributes.
 */
export function pageSecurityHeaders({ nonce, https, dev = false }: { nonce: string; https: boolean; dev?: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // Development: React's debugging needs eval, and the dev server's socket.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The API: JSON that is never sniffed as something else, and never cached. */
export const API_SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
} as const;
