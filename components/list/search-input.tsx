"use client";

// The search box of a list: a magnifier, a label for screen readers, type="search".
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export function SearchInput({ id, label, className, ...props }: Omit<React.ComponentProps<"input">, "type" | "placeholder"> & { id: string; label: string }) {
  return (
    <div className={cn("relative", className)}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input id={id} type="search" placeholder={label} className="pl-8" {...props} />
    </div>
  );
}
