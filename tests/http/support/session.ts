// A signed-in member over plain HTTP, as a browser would be: Auth.js's CSRF token, then its
// credentials callback; answers the Cookie header to send.
import { addMember } from "@/lib/auth/team";
import type { Caller } from "@/lib/auth/caller";

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (HTTP ${res.status})`);
  return [...jar, session].join("; ");
}

/** A new member of the caller's app with a password, signed in. */
export async function memberSession(
  base: string,
  owner: Caller,
  member: { role: "owner" | "admin" | "staff"; companyIds?: string[]; name?: string },
): Promise<{ cookie: string; email: string; name: string }> {
  const email = `membre-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@exemple.ci`;
  const password = "Mot-de-passe-2026";
  const name = member.name ?? `Membre ${member.role}`;
  await addMember(owner, { email, name, role: member.role, companyIds: member.companyIds ?? [], password });
  return { cookie: await signIn(base, email, password), email, name };
}
