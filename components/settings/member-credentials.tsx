"use client";

// What an owner hands to a new member: where to sign in, their e-mail and (when set here) the
// password, with one button to copy them all.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { CopyButton } from "./copy-button";

export type NewMember = { email: string; password: string | null; name: string };

export function MemberCredentials({ done, onClose }: { done: NewMember; onClose: () => void }) {
  const t = useTranslations("settings.team");
  const signInUrl = typeof window === "undefined" ? "/login" : `${window.location.origin}/login`;
  return (
    <div className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{t("doneTitle", { name: done.name })}</DialogTitle>
        <DialogDescription>{done.password ? t("doneBody") : t("doneExisting")}</DialogDescription>
      </DialogHeader>
      <dl className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm">
        <div className="flex flex-wrap justify-between gap-2">
          <dt className="text-muted-foreground">{t("signInAt")}</dt>
          <dd className="font-mono">{signInUrl}</dd>
        </div>
        <div className="flex flex-wrap justify-between gap-2">
          <dt className="text-muted-foreground">{t("email")}</dt>
          <dd className="font-mono">{done.email}</dd>
        </div>
        {done.password ? (
          <div className="flex flex-wrap justify-between gap-2">
            <dt className="text-muted-foreground">{t("password")}</dt>
            <dd className="font-mono" data-testid="new-member-password">
              {done.password}
            </dd>
          </div>
        ) : null}
      </dl>
      <DialogFooter>
        <CopyButton
          label={t("copyCredentials")}
          text={[signInUrl, done.email, done.password].filter(Boolean).join("\n")}
        />
        <Button type="button" onClick={onClose}>
          {t("done")}
        </Button>
      </DialogFooter>
    </div>
  );
}
