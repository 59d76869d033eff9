"use client";

// A secret shown this once (an API key, a webhook's signing secret, a member's new password):
// the title and what to do with it, an optional warning, the value to select or copy, and
// "Terminé". One screen for every dialog that hands out a secret.
import { AlertTriangle } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CopyButton } from "./copy-button";

export function ShownOnce({
  title,
  description,
  warning,
  label,
  value,
  copyLabel,
  doneLabel,
  onDone,
  testId,
}: {
  title: string;
  description: React.ReactNode;
  /** "Copy it now: it will not be shown again" (amber), when the dialog says it apart from the description. */
  warning?: string;
  label: string;
  value: string;
  copyLabel: string;
  doneLabel: string;
  onDone: () => void;
  /** The value's field, for the tests that read it. */
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="grid gap-4">
      <DialogHeader className="pr-6">
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      {warning ? (
        <div className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          {warning}
        </div>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor={id}>{label}</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
          <CopyButton text={value} label={copyLabel} variant="default" />
        </div>
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {doneLabel}
        </Button>
      </DialogFooter>
    </div>
  );
}
