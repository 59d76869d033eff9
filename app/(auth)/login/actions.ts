"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { safeCallbackUrl } from "@/lib/contract/callback-url";

export type SignInState = { error?: "invalid" | "throttled" | "required" | "error"; email?: string };

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { error: "required", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
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
