"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export type CancelTarget = {
  ids: string[];
  title: string;
  description: string;
  skipped?: number;
  /** A no-show rather than a cancellation: its own confirm word. */
  noShow?: { confirm: string; keep: string };
};

/** Asks before cancelling (a final status), with an optional reason kept in the history. */
export function CancelDialog({
  target,
  onClose,
  onConfirm,
}: {
  target: CancelTarget | null;
  onClose: () => void;
  onConfirm: (target: CancelTarget, reason: string) => void;
}) {
  const t = useTranslations("appointments.cancelDialog");
  const id = useId();
  const [reason, setReason] = useState("");
  return (
    <AlertDialog
      open={target !== null}
      onOpenChange={(open) => {
        if (!open) {
          setReason("");
          onClose();
        }
      }}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{target?.title}</AlertDialogTitle>
          <AlertDialogDescription>{target?.description}</AlertDialogDescription>
        </AlertDialogHeader>
        <div className="grid gap-2">
          <Label htmlFor={`${id}-reason`}>{t("reason")}</Label>
          <Textarea
            id={`${id}-reason`}
            value={reason}
            maxLength={500}
            placeholder={t("reasonPlaceholder")}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <AlertDialogFooter>
          <AlertDialogCancel>{target?.noShow?.keep ?? t("keep")}</AlertDialogCancel>
          <AlertDialogAction
            className="bg-destructive text-white hover:bg-destructive/90"
            onClick={() => {
              if (target) onConfirm(target, reason.trim());
              setReason("");
            }}
          >
            {target?.noShow ? target.noShow.confirm : target && target.ids.length > 1 ? t("confirmMany") : t("confirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
