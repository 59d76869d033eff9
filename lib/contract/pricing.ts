// The price of an appointment: the service's base price plus the chosen options' prices.
// Pure: the new-appointment form shows it live, the domain applies it when no price is given.
import type { FilledFields, ServiceField } from "./fields";

export const MAX_PRICE = 2_147_483_647;

export function computeTotalPrice(
  service: { basePrice: number; fields: readonly ServiceField[] },
  filled: Partial<FilledFields>,
): number {
  let total = service.basePrice;
  for (const field of service.fields) {
    if (field.type !== "select" && field.type !== "multipleSelect") continue;
    const raw = filled[field.name];
    const chosen = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
    for (const option of field.options) {
      if (chosen.includes(option.value)) total += option.price ?? 0;
    }
  }
  return Math.min(total, MAX_PRICE);
}
