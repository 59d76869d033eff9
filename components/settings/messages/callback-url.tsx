"use client";

import { useTranslations } from "next-intl";
import type { MessageChannel } from "@/lib/contract/messages";
import { CopyButton } from "../copy-button";

/** The address to paste into the provider's console, with its copy button. */
export function CallbackUrl({ channel, url }: { channel: MessageChannel; url: string }) {
  const t = useTranslations("settings.messages");
  return (
    <div className="grid gap-1.5 rounded-md bg-muted/50 p-3">
      <p className="text-xs font-medium">{t(`callback.${channel}.label`)}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code className="min-w-0 flex-1 rounded border bg-card px-2 py-1.5 text-xs break-all" data-testid={`callback-${channel}`}>
          {url}
        </code>
        <CopyButton text={url} label={t("copyUrl")} className="h-8 shrink-0 text-xs" />
      </div>
      <p className="text-xs text-muted-foreground">{t(`callback.${channel}.hint`)}</p>
    </div>
  );
}
