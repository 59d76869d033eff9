"use client";

// The booking form's service list; with an agent already picked (a calendar column), their
// services come first.
import { useTranslations } from "next-intl";
import { NativeSelect } from "@/components/ui/native-select";

export type BookableService = { id: string; name: string; basePrice: number; duration: number };

export function ServiceSelect({
  services,
  agent,
  money,
  value,
  onValueChange,
  ...control
}: Omit<React.ComponentProps<"select">, "value" | "onChange"> & {
  services: BookableService[];
  agent: { name: string; serviceIds: string[] } | null;
  money: (n: number) => string;
  value: string;
  onValueChange: (id: string) => void;
}) {
  const t = useTranslations();
  const option = (s: BookableService) => (
    <option key={s.id} value={s.id}>
      {s.name} — {money(s.basePrice)} · {s.duration} min
    </option>
  );
  const theirs = agent ? services.filter((s) => agent.serviceIds.includes(s.id)) : [];
  const others = agent ? services.filter((s) => !agent.serviceIds.includes(s.id)) : [];
  return (
    <NativeSelect {...control} value={value} onChange={(e) => onValueChange(e.target.value)}>
      <option value="">{t("form.chooseService")}</option>
      {agent ? (
        <>
          <optgroup label={t("calendar.form.agentServices", { agent: agent.name })}>{theirs.map(option)}</optgroup>
          {others.length > 0 ? <optgroup label={t("calendar.form.otherServices")}>{others.map(option)}</optgroup> : null}
        </>
      ) : (
        services.map(option)
      )}
    </NativeSelect>
  );
}
