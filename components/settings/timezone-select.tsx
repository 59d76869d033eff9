"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import { zoneOffsetLabel } from "@/lib/contract/format";

/** Zones near the first users come first; the full list follows, grouped by region. */
const SUGGESTED = ["Africa/Abidjan", "Africa/Dakar", "Africa/Douala", "Africa/Lagos", "Africa/Accra", "Europe/Paris", "UTC"];

function allZones(): string[] {
  try {
    const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
    // The domain accepts "Region/City" names and UTC (lib/catalog/schemas.ts).
    return zones.filter((z) => z.includes("/"));
  } catch {
    return [];
  }
}

const city = (zone: string) => zone.split("/").slice(1).join(" / ").replace(/_/g, " ");

/**
 * A time-zone picker from the browser's own list (Intl.supportedValuesOf), grouped by region,
 * with the current offset of each (the offset as formatTimeZone says it). Native: type-ahead by city name, the phone's own picker.
 */
export function TimezoneSelect({
  value,
  onChange,
  suggestedLabel,
  ...props
}: Omit<React.ComponentProps<"select">, "value" | "onChange"> & { value: string; onChange: (zone: string) => void; suggestedLabel: string }) {
  const locale = useLocale();
  const groups = useMemo(() => {
    const zones = allZones();
    const byRegion = new Map<string, string[]>();
    for (const z of zones) {
      const region = z.split("/")[0];
      byRegion.set(region, [...(byRegion.get(region) ?? []), z]);
    }
    const now = new Date();
    // "Abidjan — GMT", "Paris — UTC+1": the city first for type-ahead, the offset as the rest of the dashboard says it.
    const label = (z: string) => (z === "UTC" ? "UTC" : `${city(z)} — ${zoneOffsetLabel(z, locale, now)}`);
    const suggested = [...new Set([...(value && !SUGGESTED.includes(value) ? [value] : []), ...SUGGESTED])];
    return {
      suggested: suggested.map((z) => ({ z, label: label(z) })),
      regions: [...byRegion.entries()].map(([region, list]) => ({ region, zones: list.map((z) => ({ z, label: label(z) })) })),
    };
  }, [value, locale]);

  return (
    <NativeSelect value={value} onChange={(e) => onChange(e.target.value)} {...props}>
      <optgroup label={suggestedLabel}>
        {groups.suggested.map(({ z, label }) => (
          <option key={`s-${z}`} value={z}>
            {label}
          </option>
        ))}
      </optgroup>
      {groups.regions.map(({ region, zones }) => (
        <optgroup key={region} label={region}>
          {zones.map(({ z, label }) => (
            <option key={z} value={z}>
              {label}
            </option>
          ))}
        </optgroup>
      ))}
    </NativeSelect>
  );
}
