"use client";

import { useTranslations } from "next-intl";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { ShownOnce } from "./shown-once";

/** The signing secret, after adding an endpoint or regenerating it: shown this once. */
export function WebhookSecretDialog({ shown, onClose }: { shown: { url: string; secret: string } | null; onClose: () => void }) {
  const t = useTranslations("settings.webhooks");
  const tc = useTranslations("catalog");
  return (
    <Dialog open={shown !== null} onOpenChange={(o) => !o && onClose()}>
      <DialogContent
        closeLabel={tc("close")}
        className="sm:max-w-xl"
        // Shown once: a stray click outside must not lose it.
        onInteractOutside={(e) => e.preventDefault()}
      >
        <ShownOnce
          title={t("secretTitle")}
          description={
            <>
              {t("secretBody")} <code className="break-all">{shown?.url}</code>
            </>
          }
          warning={t("onceWarning")}
          label={t("secretTitle")}
          value={shown?.secret ?? ""}
          copyLabel={t("copy")}
          doneLabel={t("done")}
          onDone={onClose}
          testId="webhook-secret"
        />
      </DialogContent>
    </Dialog>
  );
}
