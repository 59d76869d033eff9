"use client";

import { SectionError } from "@/components/list/section-error";

export default function CalendarError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError reset={reset} namespace="calendar.error" />;
}
