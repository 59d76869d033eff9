"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/forms/date-field";
import { TimeField } from "@/components/forms/time-field";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ServiceField } from "@/lib/contract/fields";
import { formatMoney, formatTimeZone } from "@/lib/contract/format";
import { normalizePhone } from "@/lib/contract/phone";
import { computeTotalPrice } from "@/lib/contract/pricing";
import { CustomerPicker, FieldError } from "./customer-picker";
import { CustomField, RequiredMark } from "./custom-field";
import { SlotSuggestions } from "./slot-suggestions";
import { useHydrated } from "@/components/use-hydrated";
import type { CustomerOption } from "@/lib/contract/customer-option";
import { useActions } from "@/components/actions-context";

type Service = { id: string; name: string; basePrice: number; duration: number; fields: ServiceField[] };
type Agent = { id: string; name: string; role: string | null; serviceIds: string[] };
type Filled = Record<string, string | string[]>;

/**
 * The new-appointment form. The service's custom fields render from their definitions; the
 * total uses the same pricing function as the domain; date and time are read on the
 * company's clock (converted on the server with the company's zone).
 */
export function AppointmentForm({
  company,
  services,
  agents,
  defaults,
  locale,
  returnTo,
  cancelHref,
}: {
  company: { slug: string; name: string; timezone: string; currency: string };
  services: Service[];
  agents: Agent[];
  /** Prefill: the company wall clock, an agent (a slot picked in the calendar), a customer (from their page). */
  defaults: { date: string; time: string; agentId?: string; customer?: CustomerOption };
  locale: string;
  /** Where to go back once saved: the calendar (its `date` and `appointment` set to the new one's) or a customer's page. */
  returnTo?: string;
  /** Where "Annuler" leads: where the form was opened from. */
  cancelHref: string;
}) {
  const actions = useActions();
  const t = useTranslations();
  const router = useRouter();
  const hydrated = useHydrated();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [serviceId, setServiceId] = useState("");
  const [customer, setCustomer] = useState<CustomerOption | null>(defaults.customer ?? null);
  const [agentId, setAgentId] = useState(defaults.agentId ?? "");
  const [date, setDate] = useState(defaults.date);
  const [time, setTime] = useState(defaults.time);
  // Text in the date or time field that is not a date or a time (yet): said at submit.
  const [unreadable, setUnreadable] = useState<Record<string, boolean>>({});
  const readable = (key: string, v: string | null) => setUnreadable((u) => ({ ...u, [key]: v === null }));
  const [commune, setCommune] = useState("");
  const [filled, setFilled] = useState<Filled>({});
  const [confirm, setConfirm] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Refused outside the hours and the server says this member may force it (an owner or
  // admin): asked inline before booking anyway.
  const [outsideHours, setOutsideHours] = useState(false);
  const forceRef = useRef<HTMLButtonElement>(null);
  const [pending, start] = useTransition();
  // The choice is the next thing to do: focus goes to it once it shows and can be pressed.
  useEffect(() => {
    if (outsideHours && !pending) forceRef.current?.focus();
  }, [outsideHours, pending]);

  const service = services.find((s) => s.id === serviceId) ?? null;
  // Before a service is chosen, a prefilled agent still shows (alone) in the agent list.
  const serviceAgents = useMemo(
    () => agents.filter((a) => (service ? a.serviceIds.includes(service.id) : a.id === agentId)),
    [agents, service, agentId],
  );
  const money = (n: number) => formatMoney(n, company.currency, locale);
  const total = service ? computeTotalPrice(service, filled) : null;

  function chooseService(next: string) {
    setServiceId(next);
    setFilled({});
    if (agentId && !agents.find((a) => a.id === agentId)?.serviceIds.includes(next)) setAgentId("");
    setErrors({});
  }

  function setField(name: string, value: string | string[]) {
    setFilled((f) => ({ ...f, [name]: value }));
    setErrors((e) => {
      const { [`filledFields.${name}`]: _, ...rest } = e;
      return rest;
    });
  }

  /** The form's strings as the field types expect them (numbers, E.164 phones); blanks left out. */
  function filledForServer(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of service?.fields ?? []) {
      const v = filled[f.name];
      if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
      if (f.type === "number" && typeof v === "string") out[f.name] = Number(v.replace(",", "."));
      else if (f.type === "phone" && typeof v === "string") out[f.name] = normalizePhone(v) ?? v;
      else out[f.name] = v;
    }
    return out;
  }

  function checkLocally(): Record<string, string[]> {
    const e: Record<string, string[]> = {};
    const required = t("form.requiredField");
    if (!service) e.serviceId = [t("form.chooseService")];
    if (!customer) e.customerId = [t("form.chooseCustomer")];
    if (!date) e.date = [required];
    if (!time) e.time = [required];
    for (const f of service?.fields ?? []) {
      const v = filled[f.name];
      if (f.required && (v === undefined || v === "" || (Array.isArray(v) && v.length === 0))) e[`filledFields.${f.name}`] = [required];
    }
    for (const key of Object.keys(unreadable)) {
      if (unreadable[key] && (key === "time" || key === "date" || service?.fields.some((f) => `filledFields.${f.name}` === key))) {
        e[key] = [key === "time" ? t("form.unreadableTime") : t("form.unreadableDate")];
      }
    }
    return e;
  }

  function focusFirstError(keys: string[]) {
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]");
      el?.focus();
      if (!el && keys.length) formRef.current?.querySelector<HTMLElement>("button[type=submit]")?.focus();
    });
  }

  function submit(e: React.FormEvent, force = false) {
    e.preventDefault();
    setFormError(null);
    setOutsideHours(false);
    const local = checkLocally();
    if (Object.keys(local).length) {
      setErrors(local);
      setFormError(t("form.fixErrors"));
      focusFirstError(Object.keys(local));
      return;
    }
    start(async () => {
      const r = await actions.createAppointment({
        company: company.slug,
        serviceId,
        customerId: customer!.id,
        agentId: agentId || undefined,
        date,
        time,
        commune: commune || undefined,
        filledFields: filledForServer(),
        confirm,
        force,
      });
      if (!r.ok) {
        if (r.code === "outside-working-hours" && r.forceable) {
          setOutsideHours(true);
          setErrors(r.fields ?? {});
          setFormError(r.message);
          return;
        }
        const message = t.has(`errors.${r.code}`) ? t(`errors.${r.code}`) : r.message;
        const fields = r.fields ?? {};
        // Friendly words for the codes the receptionist can fix, next to their field.
        for (const [code, key] of [
          ["agent-unavailable", "agentId"],
          ["agent-not-found", "agentId"],
          ["customer-not-found", "customerId"],
          ["service-not-found", "serviceId"],
        ] as const) {
          if (r.code === code) fields[key] = [message];
        }
        setErrors(fields);
        setFormError(message);
        focusFirstError(Object.keys(fields));
        return;
      }
      toast.success(t("form.created"), { description: `${customer!.name} · ${service!.name}` });
      if (returnTo) {
        const back = new URL(returnTo, window.location.origin);
        // The calendar opens on the new appointment's day with its drawer; a customer's page lists it first.
        if (back.pathname.endsWith("/calendar")) {
          back.searchParams.set("date", r.data.day);
          back.searchParams.set("appointment", r.data.id);
        }
        router.push(`${back.pathname}${back.search}`);
        return;
      }
      router.push(
        `/c/${company.slug}/appointments?range=custom&from=${r.data.day}&to=${r.data.day}&appointment=${r.data.id}`,
      );
    });
  }

  const chosenAgent = agentId ? (agents.find((a) => a.id === agentId) ?? null) : null;
  const serviceOption = (s: Service) => (
    <option key={s.id} value={s.id}>
      {s.name} — {money(s.basePrice)} · {s.duration} min
    </option>
  );

  const err = (key: string) => errors[key];
  const aria = (key: string) => ({
    "aria-invalid": err(key) ? true : undefined,
    "aria-describedby": err(key) ? `${id}-${key.replace(/\./g, "-")}-error` : undefined,
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6" data-hydrated={hydrated || undefined}>
      <section className="grid gap-4 rounded-lg border bg-card p-4 sm:p-6">
        <div className="grid gap-2">
          <Label htmlFor={`${id}-service`}>
            {t("form.service")} <RequiredMark />
          </Label>
          <NativeSelect id={`${id}-service`} value={serviceId} onChange={(e) => chooseService(e.target.value)} {...aria("serviceId")}>
            <option value="">{t("form.chooseService")}</option>
            {chosenAgent ? (
              // An agent picked first (a calendar column): their services first.
              <>
                <optgroup label={t("calendar.form.agentServices", { agent: chosenAgent.name })}>
                  {services.filter((s) => chosenAgent.serviceIds.includes(s.id)).map(serviceOption)}
                </optgroup>
                {services.some((s) => !chosenAgent.serviceIds.includes(s.id)) ? (
                  <optgroup label={t("calendar.form.otherServices")}>
                    {services.filter((s) => !chosenAgent.serviceIds.includes(s.id)).map(serviceOption)}
                  </optgroup>
                ) : null}
              </>
            ) : (
              services.map(serviceOption)
            )}
          </NativeSelect>
          <FieldError id={`${id}-serviceId-error`} messages={err("serviceId")} />
        </div>

        <div className="grid gap-2">
          <Label htmlFor={`${id}-customer`}>
            {t("form.customer")} <RequiredMark />
          </Label>
          <CustomerPicker
            id={`${id}-customer`}
            value={customer}
            onChange={(c) => {
              setCustomer(c);
              setErrors(({ customerId: _, ...rest }) => rest);
            }}
            error={err("customerId")?.join(" ")}
          />
          <FieldError id={`${id}-customer-error`} messages={err("customerId")} />
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid gap-2">
            <Label htmlFor={`${id}-date`}>
              {t("form.date")} <RequiredMark />
            </Label>
            <DateField
              id={`${id}-date`}
              value={date}
              timeZone={company.timezone}
              onValueChange={(v) => {
                readable("date", v);
                if (v !== null) setDate(v);
              }}
              required
              {...aria("date")}
            />
            <FieldError id={`${id}-date-error`} messages={err("date")} />
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`${id}-time`}>
              {t("form.time")} <RequiredMark />
            </Label>
            <TimeField
              id={`${id}-time`}
              value={time}
              onValueChange={(v) => {
                readable("time", v);
                if (v !== null) setTime(v);
              }}
              required
              {...aria("time")}
            />
            <FieldError id={`${id}-time-error`} messages={err("time")} />
          </div>
          <p className="text-xs text-muted-foreground sm:col-span-2">
            {t("form.timeZoneHint", { company: company.name, timeZone: formatTimeZone(company.timezone, locale) })}
          </p>
          {service && hydrated ? (
            <div className="sm:col-span-2">
              <SlotSuggestions
                company={company.slug}
                serviceId={service.id}
                agentId={agentId}
                date={date}
                agents={agents}
                onPick={(slot) => {
                  setDate(slot.date);
                  setTime(slot.time);
                  setAgentId(slot.agentId);
                  setErrors(({ agentId: _a, time: _t, date: _d, ...rest }) => rest);
                }}
              />
            </div>
          ) : null}
        </div>

        <div className="grid gap-2">
          <Label htmlFor={`${id}-agent`}>{t("form.agent")}</Label>
          <NativeSelect
            id={`${id}-agent`}
            value={agentId}
            onChange={(e) => {
              setAgentId(e.target.value);
              setErrors(({ agentId: _, ...rest }) => rest);
            }}
            disabled={!service}
            {...aria("agentId")}
          >
            <option value="">{service ? t("form.anyAgent") : t("form.pickServiceFirst")}</option>
            {serviceAgents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.role ? ` — ${a.role}` : ""}
              </option>
            ))}
          </NativeSelect>
          {service && serviceAgents.length === 0 ? <p className="text-xs text-muted-foreground">{t("form.noAgents")}</p> : null}
          <FieldError id={`${id}-agentId-error`} messages={err("agentId")} />
        </div>

        <div className="grid gap-2">
          <Label htmlFor={`${id}-commune`}>{t("form.commune")}</Label>
          <Input id={`${id}-commune`} value={commune} maxLength={100} onChange={(e) => setCommune(e.target.value)} {...aria("commune")} />
          <FieldError id={`${id}-commune-error`} messages={err("commune")} />
        </div>
      </section>

      {service && service.fields.length > 0 ? (
        <section className="grid gap-4 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby={`${id}-fields-title`}>
          <h2 id={`${id}-fields-title`} className="font-semibold">
            {t("form.fieldsTitle")}
          </h2>
          {service.fields.map((f) => (
            <CustomField
              key={`${service.id}-${f.name}`}
              field={f}
              idBase={`${id}-f-${f.name}`}
              value={filled[f.name]}
              onChange={(v) => {
                setUnreadable((u) => ({ ...u, [`filledFields.${f.name}`]: v === null }));
                if (v !== null) setField(f.name, v);
              }}
              errors={err(`filledFields.${f.name}`)}
              money={money}
            />
          ))}
        </section>
      ) : null}

      <section className="sticky bottom-0 z-10 flex flex-col gap-3 rounded-lg border bg-card p-4 shadow-md">
        {formError ? (
          <p role="alert" aria-label={formError} className="text-sm font-medium text-destructive">
            {formError}
          </p>
        ) : null}
        {outsideHours ? (
          <div role="group" aria-label={t("form.forceTitle")} data-testid="force-outside-hours" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <p>{t("form.forceHint")}</p>
            <div className="flex flex-wrap gap-2">
              <Button ref={forceRef} type="button" variant="destructive" disabled={pending} onClick={(e) => submit(e, true)}>
                {t("form.forceOutsideHours")}
              </Button>
              <Button type="button" variant="outline" disabled={pending} onClick={() => {
                  setOutsideHours(false);
                  document.getElementById(`${id}-time`)?.focus();
                }}
              >
                {t("form.forceChange")}
              </Button>
            </div>
          </div>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div aria-live="polite">
            <div className="text-sm text-muted-foreground">{t("form.total")}</div>
            <div className="text-2xl font-semibold whitespace-nowrap tabular-nums" data-testid="form-total">
              {total === null ? "—" : money(total)}
            </div>
            <div className="text-xs text-muted-foreground">{t("form.totalHint")}</div>
          </div>
          <div className="flex flex-col gap-3 sm:items-end">
            <div className="flex items-center gap-2">
              <Checkbox id={`${id}-confirm`} checked={confirm} onCheckedChange={(v) => setConfirm(v === true)} />
              <Label htmlFor={`${id}-confirm`}>{t("form.confirmNow")}</Label>
            </div>
            <div className="flex gap-2">
              <Button variant="outline" size="lg" asChild className="flex-1 sm:flex-none">
                <Link href={cancelHref}>{t("form.cancel")}</Link>
              </Button>
              <Button type="submit" size="lg" disabled={pending} className="flex-[2] sm:flex-none">
                {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
                {pending ? t("form.submitting") : t("form.submit")}
              </Button>
            </div>
          </div>
        </div>
      </section>
    </form>
  );
}
