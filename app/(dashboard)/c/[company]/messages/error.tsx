"use client";

import { SectionError } from "@/components/list/section-error";

export default function MessagesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError reset={reset} />;
}
