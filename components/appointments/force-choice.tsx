"use client";

// Outside the agent's hours, when the server says this member may force it (`forceable`:
// owners and admins): the refusal's words (that day's hours) and the choice, in the form's body
// beside the date and time it concerns, focused as soon as it shows (the next thing to do).
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function ForceChoice({
  message,
  pending,
  onForce,
  onChangeTime,
}: {
  /** The server's refusal: who does not work then, and their hours that day. */
  message: string | null;
  pending: boolean;
  onForce: () => void;
  onChangeTime: () => void;
}) {
  const t = useTranslations("form");
  const groupRef = useRef<HTMLDivElement>(null);
  const forceRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) return;
    // Focus without the browser's own scroll, which stops at the screen's bottom edge: under the
    // sticky bar on a phone. The whole choice goes to the middle of the screen instead.
    forceRef.current?.focus({ preventScroll: true });
    groupRef.current?.scrollIntoView({ block: "center" });
  }, [pending]);
  return (
    <div
      ref={groupRef}
      role="group" aria-label={t("forceTitle")} data-testid="force-outside-hours" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      {message ? (
        <p role="alert" aria-label={message} className="font-medium">
          {message}
        </p>
      ) : null}
      <p>{t("forceHint")}</p>
      <div className="flex flex-wrap gap-2">
        <Button ref={forceRef} type="button" variant="destructive" disabled={pending} onClick={onForce}>
          {t("forceOutsideHours")}
        </Button>
        <Button type="button" variant="outline" disabled={pending} onClick={onChangeTime}>
          {t("forceChange")}
        </Button>
      </div>
    </div>
  );
}
