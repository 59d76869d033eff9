"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { FormField, TextField, useFormState } from "@/components/form";
import { NativeSelect } from "@/components/ui/native-select";
import { useHydrated } from "@/components/use-hydrated";
import type { CustomerOption } from "@/lib/contract/customer-option";
import type { ServiceField } from "@/lib/contract/fields";
import { formatMoney } from "@/lib/contract/format";
import { computeTotalPrice } from "@/lib/contract/pricing";
import { BookingBar } from "./booking-bar";
import { ForceChoice } from "./force-choice";
import { bookedHref, CODE_FIELDS, filledForServer, filledKey, localErrors, type Filled } from "./booking-values";
import { CustomField } from "./custom-field";
import { CustomerPicker } from "./customer-picker";
import { ServiceSelect, type BookableService } from "./service-select";
import { WhenFields } from "./when-fields";

type Service = BookableService & { fields: ServiceField[] };
type Agent = { id: string; name: string; role: string | null; serviceIds: string[] };

const CONTROLS = ["serviceId", "customerId", "date", "time", "agentId", "commune"];

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
  const { form, formRef, formError, setFormError, pending, start, invalid, failed, words } = useFormState();
  const [serviceId, setServiceId] = useState("");
  const [customer, setCustomer] = useState<CustomerOption | null>(defaults.customer ?? null);
  const [agentId, setAgentId] = useState(defaults.agentId ?? "");
  const [date, setDate] = useState(defaults.date);
  const [time, setTime] = useState(defaults.time);
  // Text in a date or time field that is not a date or a time (yet): said at submit.
  const [unreadable, setUnreadable] = useState<Record<string, boolean>>({});
  const [commune, setCommune] = useState("");
  const [filled, setFilled] = useState<Filled>({});
  const [confirm, setConfirm] = useState(false);
  // Refused outside the hours and the server says this member may force it (an owner or
  // admin): asked inline before booking anyway.
  const [outsideHours, setOutsideHours] = useState(false);

  const service = services.find((s) => s.id === serviceId) ?? null;
  // Before a service is chosen, a prefilled agent still shows (alone) in the agent list.
  const serviceAgents = useMemo(
    () => agents.filter((a) => (service ? a.serviceIds.includes(service.id) : a.id === agentId)),
    [agents, service, agentId],
  );
  const chosenAgent = agentId ? (agents.find((a) => a.id === agentId) ?? null) : null;
  const money = (n: number) => formatMoney(n, company.currency, locale);
  const total = service ? computeTotalPrice(service, filled) : null;
  /** A date or time control's text: kept when readable, remembered as unreadable otherwise. */
  const typed =
    <V,>(key: string, set: (v: V) => void) =>
    (v: V | null) => {
      setUnreadable((u) => ({ ...u, [key]: v === null }));
      if (v !== null) set(v);
    };

  function chooseService(next: string) {
    setServiceId(next);
    setFilled({});
    if (agentId && !agents.find((a) => a.id === agentId)?.serviceIds.includes(next)) setAgentId("");
    form.setErrors({});
  }

  function book(force: boolean) {
    setFormError(null);
    setOutsideHours(false);
    const local = localErrors(
      { service, customer, date, time, filled, unreadable },
      {
        required: t("form.requiredField"),
        chooseService: t("form.chooseService"),
        chooseCustomer: t("form.chooseCustomer"),
        unreadableDate: t("form.unreadableDate"),
        unreadableTime: t("form.unreadableTime"),
      },
    );
    if (Object.keys(local).length) {
      invalid(local);
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
        filledFields: filledForServer(service!.fields, filled),
        confirm,
        force,
      });
      if (!r.ok) {
        if (r.code === "outside-working-hours" && r.forceable) {
          // The server's words name that day's hours; the choice, not a field, takes the focus.
          setOutsideHours(true);
          form.setErrors(r.fields ?? {});
          setFormError(r.message);
          return;
        }
        const fields = { ...r.fields };
        if (CODE_FIELDS[r.code]) fields[CODE_FIELDS[r.code]] = [words(r)];
        failed(r, (k) => CONTROLS.includes(k) || !!service?.fields.some((f) => filledKey(f.name) === k), fields);
        return;
      }
      toast.success(t("form.created"), { description: `${customer!.name} · ${service!.name}` });
      router.push(bookedHref(company.slug, r.data, returnTo, window.location.origin));
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        book(false);
      }}
      noValidate
      className="flex flex-col gap-6"
      data-hydrated={hydrated || undefined}
    >
      <section className="grid gap-4 rounded-lg border bg-card p-4 sm:p-6">
        <FormField {...form.field("serviceId")} label={t("form.service")} required>
          <ServiceSelect services={services} agent={chosenAgent} money={money} value={serviceId} onValueChange={chooseService} {...form.control("serviceId")} />
        </FormField>

        <FormField {...form.field("customerId")} label={t("form.customer")} required>
          <CustomerPicker
            value={customer}
            onChange={(c) => {
              setCustomer(c);
              form.clear("customerId");
            }}
            {...form.control("customerId")}
          />
        </FormField>

        <WhenFields
          form={form}
          company={company}
          locale={locale}
          date={date}
          time={time}
          onDate={typed("date", setDate)}
          onTime={typed("time", setTime)}
          slots={
            service && hydrated
              ? {
                  serviceId: service.id,
                  agentId,
                  agents,
                  onPick: (slot) => {
                    setDate(slot.date);
                    setTime(slot.time);
                    setAgentId(slot.agentId);
                    form.clear("agentId", "time", "date");
                  },
                }
              : null
          }
        />

        {outsideHours ? (
          <ForceChoice
            message={formError}
            pending={pending}
            onForce={() => book(true)}
            onChangeTime={() => {
              setOutsideHours(false);
              setFormError(null);
              document.getElementById(form.controlId("time"))?.focus();
            }}
          />
        ) : null}

        <FormField
          {...form.field("agentId", { hint: !!service && serviceAgents.length === 0 })}
          label={t("form.agent")}
          hint={service && serviceAgents.length === 0 ? t("form.noAgents") : undefined}
        >
          <NativeSelect
            value={agentId}
            onChange={(e) => {
              setAgentId(e.target.value);
              form.clear("agentId");
            }}
            disabled={!service}
            {...form.control("agentId")}
          >
            <option value="">{service ? t("form.anyAgent") : t("form.pickServiceFirst")}</option>
            {serviceAgents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.role ? ` — ${a.role}` : ""}
              </option>
            ))}
          </NativeSelect>
        </FormField>

        <TextField form={form} name="commune" label={t("form.commune")} value={commune} onValueChange={setCommune} maxLength={100} />
      </section>

      {service && service.fields.length > 0 ? (
        <section className="grid gap-4 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby={`${form.base}-fields-title`}>
          <h2 id={`${form.base}-fields-title`} className="font-semibold">
            {t("form.fieldsTitle")}
          </h2>
          {service.fields.map((f) => (
            <CustomField
              key={`${service.id}-${f.name}`}
              form={form}
              field={f}
              value={filled[f.name]}
              onChange={typed(filledKey(f.name), (v: string | string[]) => {
                setFilled((x) => ({ ...x, [f.name]: v }));
                form.clear(filledKey(f.name));
              })}
              money={money}
            />
          ))}
        </section>
      ) : null}

      <BookingBar
        // Outside the hours, the refusal is said in the choice beside the date and time.
        message={outsideHours ? null : formError}
        pending={pending}
        total={total === null ? null : money(total)}
        confirm={confirm}
        onConfirm={setConfirm}
        cancelHref={cancelHref}
      />
    </form>
  );
}
