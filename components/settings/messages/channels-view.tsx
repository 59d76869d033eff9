"use client";

import { BookText, Loader2, Mail, MessageCircle, MessageSquareText, Settings2, Trash2, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { ConfirmDialog, useErrorMessage } from "@/components/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import type { MessageChannel } from "@/lib/contract/messages";
import { CallbackUrl } from "./callback-url";
import { ChannelDialog } from "./channel-dialog";
import { CHANNEL_ORDER, type ProviderRow } from "./channel-fields";

const ICONS: Record<MessageChannel, LucideIcon> = {
  journal: BookText,
  email: Mail,
  whatsapp: MessageCircle,
  sms: MessageSquareText,
};

/**
 * Settings → Messages → Channels, for the whole app (owners and admins): each channel on or
 * off, its provider's settings (secrets write-only), and the callback addresses to give the
 * provider so delivery states and replies come back.
 */
export function ChannelsView({ providers, origin, appId }: { providers: ProviderRow[]; origin: string; appId: string }) {
  const actions = useActions();
  const t = useTranslations("settings.messages");
  const words = useErrorMessage();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<{ channel: MessageChannel; key: number } | null>(null);
  const [removing, setRemoving] = useState<MessageChannel | null>(null);
  const [busy, start] = useTransition();
  const byChannel = new Map(providers.map((p) => [p.channel, p]));

  function toggle(channel: MessageChannel, enabled: boolean) {
    start(async () => {
      const r = await actions.setMessageProvider({ channel, values: { enabled } });
      if (r.ok) toast.success(enabled ? t("channelEnabled", { channel: t(`channels.${channel}.name`) }) : t("channelDisabled", { channel: t(`channels.${channel}.name`) }));
      else toast.error(words(r));
    });
  }

  async function remove(channel: MessageChannel) {
    const r = await actions.deleteMessageProvider({ channel });
    if (r.ok) toast.success(t("channelRemoved", { channel: t(`channels.${channel}.name`) }));
    else toast.error(words(r));
    return r.ok;
  }

  const callbacks: Partial<Record<MessageChannel, string>> = {
    whatsapp: `${origin}/api/messages/whatsapp`,
    sms: `${origin}/api/messages/sms/${appId}`,
  };

  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <p className="max-w-3xl text-sm text-muted-foreground">{t("channelsIntro")}</p>
      <ul className="grid gap-3" aria-label={t("channelsTitle")}>
        {CHANNEL_ORDER.map((channel) => {
          const row = byChannel.get(channel);
          const Icon = ICONS[channel];
          const name = t(`channels.${channel}.name`);
          const state = !row ? "unset" : row.enabled ? "enabled" : "disabled";
          const configurable = channel !== "journal";
          const callback = callbacks[channel];
          return (
            <li key={channel} data-channel={channel} data-state={state} className="grid gap-3 rounded-lg border bg-card p-4 sm:p-5">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="flex min-w-0 items-start gap-3">
                  <span className="grid size-9 shrink-0 place-items-center rounded-md bg-muted text-muted-foreground">
                    <Icon aria-hidden className="size-5" />
                  </span>
                  <div className="grid min-w-0 gap-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <h2 className="font-semibold">{name}</h2>
                      <Badge variant={state === "enabled" ? "secondary" : "outline"} data-testid="channel-state">
                        {t(`state.${state}`)}
                      </Badge>
                    </div>
                    <p className="text-sm text-muted-foreground">{t(`channels.${channel}.description`)}</p>
                    {row && configurable ? <Summary channel={channel} row={row} /> : null}
                  </div>
                </div>
                <div className="flex shrink-0 flex-wrap gap-2">
                  {configurable ? (
                    <Button variant={row ? "outline" : "default"} size="sm" onClick={() => setEditing({ channel, key: Date.now() })}>
                      <Settings2 aria-hidden />
                      {row ? t("configureEdit") : t("configure")}
                      <span className="sr-only"> — {name}</span>
                    </Button>
                  ) : null}
                  {row || !configurable ? (
                    <Button variant="outline" size="sm" disabled={busy} onClick={() => toggle(channel, !row?.enabled)}>
                      {busy ? <Loader2 aria-hidden className="animate-spin" /> : null}
                      {row?.enabled ? t("disable") : t("enable")}
                      <span className="sr-only"> — {name}</span>
                    </Button>
                  ) : null}
                  {row && configurable ? (
                    <Button variant="outline" size="sm" disabled={busy} className="text-destructive hover:text-destructive" onClick={() => setRemoving(channel)}>
                      <Trash2 aria-hidden />
                      {t("remove")}
                      <span className="sr-only"> — {name}</span>
                    </Button>
                  ) : null}
                </div>
              </div>
              {callback ? <CallbackUrl channel={channel} url={callback} /> : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title={removing ? t("removeTitle", { channel: t(`channels.${removing}.name`) }) : ""}
        description={t("removeBody")}
        confirmLabel={t("remove")}
        destructive
        onConfirm={() => (removing ? remove(removing) : true)}
      />
      {editing ? (
        <ChannelDialog
          key={editing.key}
          channel={editing.channel}
          row={byChannel.get(editing.channel) ?? null}
          callbackUrl={callbacks[editing.channel]}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

/** What is set, in a line: the public values that identify the provider, and which secrets are stored. */
function Summary({ channel, row }: { channel: MessageChannel; row: ProviderRow }) {
  const t = useTranslations("settings.messages");
  const main = channel === "email" ? row.settings.host : channel === "whatsapp" ? row.settings.phoneNumberId : row.settings.url;
  const secrets = Object.keys(row.secrets);
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
      {main ? <code className="break-all">{main}</code> : null}
      <span data-testid="channel-rate">· {row.ratePerSecond === null ? t("rate.unlimited") : t("rate.summary", { n: row.ratePerSecond })}</span>
      {secrets.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          · {t(`fields.${channel}.${s}.label`)} <Badge variant="outline" className="px-1.5 py-0 text-[0.7rem]">{t("secretSet")}</Badge>
        </span>
      ))}
    </p>
  );
}
