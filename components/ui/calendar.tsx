"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import * as React from "react";
import { DayPicker, getDefaultClassNames } from "react-day-picker";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** shadcn/ui's Calendar on react-day-picker: a month grid styled with the app's tokens. */
function Calendar({ className, classNames, showOutsideDays = true, ...props }: React.ComponentProps<typeof DayPicker>) {
  const d = getDefaultClassNames();
  return (
    <DayPicker
      showOutsideDays={showOutsideDays}
      className={cn("p-3 [--cell-size:2.25rem]", className)}
      classNames={{
        root: cn("w-fit", d.root),
        months: cn("relative flex flex-col gap-4", d.months),
        month: cn("flex w-full flex-col gap-3", d.month),
        nav: cn("absolute inset-x-0 top-0 flex w-full items-center justify-between", d.nav),
        button_previous: cn(buttonVariants({ variant: "ghost", size: "icon-sm" }), "aria-disabled:opacity-50", d.button_previous),
        button_next: cn(buttonVariants({ variant: "ghost", size: "icon-sm" }), "aria-disabled:opacity-50", d.button_next),
        month_caption: cn("flex h-8 items-center justify-center px-10", d.month_caption),
        caption_label: cn("text-sm font-medium first-letter:uppercase", d.caption_label),
        month_grid: "w-full border-collapse",
        weekdays: cn("flex", d.weekdays),
        weekday: cn("w-(--cell-size) text-[0.8rem] font-normal text-muted-foreground select-none", d.weekday),
        week: cn("mt-1 flex w-full", d.week),
        day: cn("relative size-(--cell-size) p-0 text-center select-none", d.day),
        day_button: cn(
          "inline-flex size-(--cell-size) items-center justify-center rounded-md text-sm tabular-nums outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60",
          d.day_button,
        ),
        selected: cn("[&>button]:bg-primary [&>button]:text-primary-foreground [&>button]:hover:bg-primary/90", d.selected),
        today: cn("[&>button]:font-semibold [&>button]:underline [&>button]:underline-offset-4", d.today),
        outside: cn("text-muted-foreground/70", d.outside),
        disabled: cn("text-muted-foreground opacity-50", d.disabled),
        hidden: cn("invisible", d.hidden),
        ...classNames,
      }}
      components={{
        Chevron: ({ orientation, className: c }) =>
          orientation === "left" ? <ChevronLeft aria-hidden className={cn("size-4", c)} /> : <ChevronRight aria-hidden className={cn("size-4", c)} />,
      }}
      {...props}
    />
  );
}

export { Calendar };
