"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ConfirmDialog, useWarnBeforeLeave } from "@/components/form";

/**
 * Unsaved changes are not lost on the way out: closing the tab asks the browser's question,
 * and a link inside the app (header navigation, back link, company switcher, cancel) asks ours
 * first. The click is caught before Next's Link sees it (capture phase; a prevented click is
 * one Link ignores) and followed only once the member agrees. Saving makes the form clean,
 * so links work again at once. The browser's back button is not caught (the App Router
 * offers no way to hold a popstate).
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const t = useTranslations("catalog.leave");
  const router = useRouter();
  const [target, setTarget] = useState<string | null>(null);
  useWarnBeforeLeave(dirty);

  useEffect(() => {
    if (!dirty) return;
    function onClick(e: MouseEvent) {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>("a[href]") : null;
      if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      // Another site: the browser's own question (beforeunload) covers it.
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      // A link in an open menu (the company switcher): close the menu before asking.
      link.closest("[role=menu]")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      setTarget(`${url.pathname}${url.search}${url.hash}`);
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [dirty]);

  return (
    <ConfirmDialog
      open={target !== null}
      onOpenChange={(open) => !open && setTarget(null)}
      title={t("title")}
      description={t("body")}
      confirmLabel={t("leave")}
      cancelLabel={t("stay")}
      destructive
      onConfirm={() => {
        if (target) router.push(target);
      }}
    />
  );
}
