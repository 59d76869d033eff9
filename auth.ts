// Auth.js v5: staff sign in with e-mail and password (Credentials, so JWT sessions). The
// token carries the user id and the app they signed in to; the member's role and companies
// are read again from the database on every request (app/_server/session.ts).
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "@/lib/auth/members";
import { authSecret } from "@/lib/auth/secret";

declare module "next-auth" {
  interface Session {
    appId: string;
    /** The user's session version when they signed in (lib/auth/members.ts, endSessions). */
    sessionVersion?: number;
    user: { id: string } & DefaultSession["user"];
  }
  interface User {
    appId?: string;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    appId?: string;
    sv?: number;
  }
}

/** Wrong e-mail or password: one answer for both. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

/** Too many failures for this e-mail: locked for a while. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

const credentialsInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!result.ok) throw result.reason === "throttled" ? new ThrottledSignIn() : new InvalidCredentials();
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          appId: result.appId,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.appId = user.appId;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      if (token.appId) session.appId = token.appId;
      // Sessions signed before versions existed count as the first version.
      session.sessionVersion = token.sv ?? 1;
      return session;
    },
  },
}));
