/**
 * Where to go after signing in: only a path of this site, so a crafted link cannot send a member
 * to another one (`//evil.example`, `/\evil.example` and absolute URLs fall back to the home page).
 */
export function safeCallbackUrl(value: unknown): string {
  const s = typeof value === "string" ? value : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/";
}
