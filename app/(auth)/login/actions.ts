"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";

export type SignInState = { error?: "invalid" | "throttled" | "required" | "error"; email?: string };

/** Only same-site paths: a callbackUrl must not send a member to another site. */
function safeCallback(value: FormDataEntryValue | null): string {
  const s = typeof value === "string" ? value : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/";
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { error: "required", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallback(formData.get("callbackUrl")) });
    return {};
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      if (err.type === "CredentialsSignin") return { error: code === "throttled" ? "throttled" : "invalid", email };
      console.error(err);
      return { error: "error", email };
    }
    throw err; // the redirect after a successful sign-in
  }
}
