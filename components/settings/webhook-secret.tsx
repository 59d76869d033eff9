"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CopyButton } from "./copy-button";

/** The signing secret, after adding an endpoint or regenerating it: shown this once. */
export function WebhookSecretDialog({ shown, onClose }: { shown: { url: string; secret: string } | null; onClose: () => void }) {
  const t = useTranslations("settings.webhooks");
  const tc = useTranslations("catalog");
  const id = useId();
  return (
    <Dialog open={shown !== null} onOpenChange={(o) => !o && onClose()}>
      <DialogContent
        closeLabel={tc("close")}
        className="sm:max-w-xl"
        // Shown once: a stray click outside must not lose it.
        onInteractOutside={(e) => e.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>{t("secretTitle")}</DialogTitle>
          <DialogDescription>
            {t("secretBody")} <code className="break-all">{shown?.url}</code>
          </DialogDescription>
        </DialogHeader>
        <div className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          {t("onceWarning")}
        </div>
        <div className="grid gap-2">
          <Label htmlFor={id}>{t("secretTitle")}</Label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Input id={id} readOnly value={shown?.secret ?? ""} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="webhook-secret" />
            <CopyButton text={shown?.secret ?? ""} label={t("copy")} variant="default" />
          </div>
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose}>
            {t("done")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
