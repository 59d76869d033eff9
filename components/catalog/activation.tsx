"use client";

// Editing and (de)activating a catalog row (a service, an agent), the same way in every list:
// activating is immediate, deactivating asks first; the toast names the row.
import { Pencil, Power, PowerOff } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/contract/action-result";
import { ConfirmDialog, useErrorMessage } from "@/components/form";

type Row = { id: string; name: string; isActive: boolean };
/** The messages namespace holding activated, deactivated, deactivateTitle/Body and the *Named labels. */
type Namespace = "services" | "agents";

/**
 * State for a list's activation buttons: which row is saving, what a click does, and the
 * confirmation dialog to render once in the list.
 */
export function useActivation<R extends { id: string; isActive: boolean }>({
  namespace,
  nameOf,
  save,
}: {
  namespace: Namespace;
  nameOf: (row: R) => string;
  save: (row: R, isActive: boolean) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations(namespace);
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<R | null>(null);
  const [, start] = useTransition();

  function setActive(row: R, isActive: boolean) {
    return new Promise<void>((resolve) => {
      setBusy(row.id);
      start(async () => {
        const r = await save(row, isActive);
        setBusy(null);
        if (r.ok) toast.success(isActive ? t("activated") : t("deactivated"), { description: nameOf(row) });
        else toast.error(words(r));
        resolve();
      });
    });
  }

  const onToggle = (row: R) => (row.isActive ? setAsking(row) : void setActive(row, true));
  const dialog = (
    <ConfirmDialog
      open={asking !== null}
      onOpenChange={(o) => !o && setAsking(null)}
      title={t("deactivateTitle", { name: asking ? nameOf(asking) : "" })}
      description={t("deactivateBody")}
      confirmLabel={tc("deactivate")}
      destructive
      onConfirm={() => (asking ? setActive(asking, false) : undefined)}
    />
  );
  return { busy, onToggle, dialog };
}

/** Edit and (de)activate: compact in a table row (labels from xl up), full width on a card. */
export function RowActions({
  namespace,
  row,
  href,
  busy,
  onToggle,
  card = false,
}: {
  namespace: Namespace;
  row: Row;
  href: string;
  busy: boolean;
  onToggle: () => void;
  card?: boolean;
}) {
  const t = useTranslations(namespace);
  const tc = useTranslations("catalog");
  const variant = card ? "outline" : "ghost";
  const label = (text: string) => (card ? text : <span className="hidden xl:inline">{text}</span>);
  return (
    <div className={card ? "flex gap-2 border-t pt-2" : "flex items-center justify-end gap-1"}>
      <Button variant={variant} size="sm" asChild className={card ? "flex-1" : undefined}>
        <Link href={href} aria-label={t("editNamed", { name: row.name })}>
          <Pencil aria-hidden />
          {label(tc("edit"))}
        </Link>
      </Button>
      <Button
        variant={variant}
        size="sm"
        className={card ? "flex-1" : undefined}
        disabled={busy}
        onClick={onToggle}
        aria-label={row.isActive ? t("deactivateNamed", { name: row.name }) : t("activateNamed", { name: row.name })}
      >
        {row.isActive ? <PowerOff aria-hidden /> : <Power aria-hidden />}
        {label(row.isActive ? tc("deactivate") : tc("activate"))}
      </Button>
    </div>
  );
}
