"use client";

import { SectionError } from "@/components/list/section-error";

export default function SettingsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError reset={reset} />;
}
