"use client";

import { Check, ChevronDown } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandItem,
  CommandList,
  CommandSeparator,
} from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";
import { cn } from "@/lib/utils";

export type FacetOption = { value: string; label: string; count?: number; icon?: React.ReactNode };

/** shadcn's faceted filter, controlled: options with counts, several may be chosen. */
export function DataTableFacetedFilter({
  title,
  options,
  selected,
  onChange,
  clearLabel,
  emptyLabel,
  selectedLabel,
}: {
  title: string;
  options: FacetOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  clearLabel: string;
  emptyLabel: string;
  selectedLabel: (count: number) => string;
}) {
  const chosen = new Set(selected);
  return (
    <Popover>
      <PopoverTrigger asChild>
        {/* Solid, like the selects beside it: a dashed outline read as disabled. */}
        <Button variant="outline" size="sm" className="h-9 bg-card text-sm font-normal">
          {title}
          {chosen.size > 0 ? (
            <>
              <Separator orientation="vertical" className="mx-1 h-4" />
              <Badge variant="secondary" className="rounded-sm px-1 font-normal lg:hidden">
                {chosen.size}
              </Badge>
              <div className="hidden gap-1 lg:flex">
                {chosen.size > 2 ? (
                  <Badge variant="secondary" className="rounded-sm px-1 font-normal">
                    {selectedLabel(chosen.size)}
                  </Badge>
                ) : (
                  options
                    .filter((o) => chosen.has(o.value))
                    .map((o) => (
                      <Badge key={o.value} variant="secondary" className="rounded-sm px-1 font-normal">
                        {o.label}
                      </Badge>
                    ))
                )}
              </div>
            </>
          ) : null}
          <ChevronDown aria-hidden className="text-muted-foreground" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-60 p-0" align="start">
        <Command>
          <CommandList>
            <CommandEmpty>{emptyLabel}</CommandEmpty>
            <CommandGroup>
              {options.map((option) => {
                const isSelected = chosen.has(option.value);
                return (
                  <CommandItem
                    key={option.value}
                    value={option.value}
                    keywords={[option.label]}
                    role="option"
                    aria-selected={isSelected}
                    onSelect={() => {
                      const next = new Set(chosen);
                      if (isSelected) next.delete(option.value);
                      else next.add(option.value);
                      onChange(options.map((o) => o.value).filter((v) => next.has(v)));
                    }}
                  >
                    <span
                      aria-hidden
                      className={cn(
                        "flex size-4 items-center justify-center rounded-[4px] border border-input",
                        isSelected ? "border-primary bg-primary text-primary-foreground" : "[&_svg]:invisible",
                      )}
                    >
                      <Check className="size-3.5 text-current" />
                    </span>
                    {option.icon}
                    <span>{option.label}</span>
                    {option.count !== undefined ? (
                      <span className="ml-auto flex h-4 min-w-4 items-center justify-center font-mono text-xs tabular-nums">
                        {option.count}
                      </span>
                    ) : null}
                  </CommandItem>
                );
              })}
            </CommandGroup>
            {chosen.size > 0 ? (
              <>
                <CommandSeparator />
                <CommandGroup>
                  <CommandItem onSelect={() => onChange([])} className="justify-center text-center">
                    {clearLabel}
                  </CommandItem>
                </CommandGroup>
              </>
            ) : null}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
