"use client";

import { Check, ChevronsUpDown, Loader2, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { FieldMessage, PhoneField, TextField, useErrorMessage, useFieldErrors } from "@/components/form";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";
import type { CustomerOption } from "@/lib/contract/customer-option";
import { useActions } from "@/components/actions-context";

/** Find a customer by name or phone (searched on the server), or add one without leaving the form. */
export function CustomerPicker({
  value,
  onChange,
  ...control
}: {
  value: CustomerOption | null;
  onChange: (c: CustomerOption | null) => void;
  /** The booking form's control props: id, aria-invalid, aria-describedby. */
  id: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const actions = useActions();
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<CustomerOption[]>([]);
  const [searching, startSearch] = useTransition();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      startSearch(async () => {
        const r = await actions.searchCustomers({ q: query });
        if (r.ok) setOptions(r.data);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [query, open]);

  if (creating) {
    return (
      <NewCustomer
        initial={query}
        onCancel={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          onChange(c);
        }}
      />
    );
  }

  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button
            {...control}
            type="button"
            variant="outline"
            role="combobox"
            aria-expanded={open}
            className={cn("h-auto min-h-9 flex-1 justify-between py-1.5 font-normal", control["aria-invalid"] && "border-destructive")}
          >
            {value ? (
              <span className="flex flex-col items-start text-left">
                <span className="font-medium">{value.name}</span>
                <span className="text-xs text-muted-foreground">{value.phone}</span>
              </span>
            ) : (
              <span className="text-muted-foreground">{t("form.chooseCustomer")}</span>
            )}
            <ChevronsUpDown aria-hidden className="opacity-50" />
          </Button>
        </PopoverTrigger>
        <PopoverContent className="w-[var(--radix-popover-trigger-width)] min-w-72 p-0" align="start">
          <Command shouldFilter={false}>
            <CommandInput
              placeholder={t("form.searchCustomer")}
              value={query}
              onValueChange={setQuery}
              aria-label={t("form.searchCustomer")}
            />
            <CommandList>
              {searching && options.length === 0 ? (
                <div className="flex items-center justify-center gap-2 py-6 text-sm text-muted-foreground">
                  <Loader2 aria-hidden className="size-4 animate-spin" />
                  {t("form.loadingCustomers")}
                </div>
              ) : (
                <CommandEmpty>{t("form.noCustomer")}</CommandEmpty>
              )}
              <CommandGroup>
                {options.map((c) => (
                  <CommandItem
                    key={c.id}
                    value={c.id}
                    onSelect={() => {
                      onChange(c);
                      setOpen(false);
                    }}
                  >
                    <Check aria-hidden className={value?.id === c.id ? "opacity-100" : "opacity-0"} />
                    <span className="flex flex-col">
                      <span>{c.name}</span>
                      <span className="text-xs text-muted-foreground">{c.phone}</span>
                    </span>
                  </CommandItem>
                ))}
              </CommandGroup>
            </CommandList>
          </Command>
        </PopoverContent>
      </Popover>
      <Button type="button" variant="secondary" onClick={() => setCreating(true)}>
        <UserPlus aria-hidden />
        {t("form.newCustomer")}
      </Button>
    </div>
  );
}

function NewCustomer({
  initial,
  onCancel,
  onCreated,
}: {
  initial: string;
  onCancel: () => void;
  onCreated: (c: CustomerOption) => void;
}) {
  const actions = useActions();
  const t = useTranslations("form");
  const words = useErrorMessage();
  const form = useFieldErrors();
  const looksLikePhone = /^[+\d\s]{6,}$/.test(initial.trim());
  const [name, setName] = useState(looksLikePhone ? "" : initial);
  const [phone, setPhone] = useState(looksLikePhone ? initial : "");
  const [email, setEmail] = useState("");
  const [pending, start] = useTransition();

  function submit() {
    start(async () => {
      const r = await actions.createCustomerInline({ fullname: name, telephone: phone, email: email || undefined });
      if (!r.ok) {
        form.setErrors(r.fields ?? { _: [words(r)] });
        return;
      }
      if (r.data.created) toast.success(t("customerCreated"), { description: r.data.customer.name });
      else toast.info(t("customerExisting", { name: r.data.customer.name }));
      onCreated(r.data.customer);
    });
  }

  return (
    // Not a <form>: it sits inside the appointment form. Enter in a field adds the customer.
    <fieldset
      className="grid gap-3 rounded-lg border bg-muted/30 p-3"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") {
          e.preventDefault();
          submit();
        }
      }}
    >
      <legend className="px-1 text-sm font-medium">{t("newCustomer")}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField form={form} name="fullname" label={t("customerName")} value={name} onValueChange={setName} autoFocus autoComplete="off" />
        <PhoneField form={form} name="telephone" label={t("customerPhone")} value={phone} onValueChange={setPhone} />
        <TextField form={form} name="email" label={t("customerEmail")} value={email} onValueChange={setEmail} type="email" autoComplete="off" className="sm:col-span-2" />
      </div>
      <FieldMessage id={form.errorId("_")} messages={form.errors._} />
      <div className="flex gap-2">
        <Button type="button" onClick={submit} disabled={pending}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : <UserPlus aria-hidden />}
          {t("createCustomer")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancelNewCustomer")}
        </Button>
      </div>
    </fieldset>
  );
}
