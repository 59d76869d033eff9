// Inputs of the catalog functions (companies, services, agents, customers). Pure.
import { z } from "zod";
import { MESSAGE_CHANNELS, MESSAGE_LANGUAGES } from "./messages";
import { normalizePhone } from "./phone";
import { MAX_PRICE } from "./pricing";
import { id, optionalText, requiredText } from "./validation";
import { serviceFieldsSchema } from "./fields";
import { DEFAULT_TIMEZONE } from "./dates";
import { DEFAULT_CURRENCY } from "./format";

export const slugInput = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lettres minuscules, chiffres et tirets")
  .max(60);

export const timezoneInput = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return tz.includes("/") || tz === "UTC";
    } catch {
      return false;
    }
  }, "Fuseau horaire inconnu (ex. Africa/Abidjan)");

const PHONE_INVALID = "Numéro de téléphone invalide (ex. +225 07 07 12 34 56)";

export const phoneInput = z
  .string()
  .trim()
  .max(30)
  .transform((s, ctx) => {
    const phone = normalizePhone(s);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: PHONE_INVALID });
      return z.NEVER;
    }
    return phone;
  });

// Not a union of "" | null | phone: zod would answer a bad number with a bare "Entrée
// invalide" (no branch matches) instead of saying what a phone number looks like.
const optionalPhone = z
  .string()
  .trim()
  .max(30)
  .nullish()
  .transform((s, ctx) => {
    if (!s) return null;
    const phone = normalizePhone(s);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: PHONE_INVALID });
      return z.NEVER;
    }
    return phone;
  });

const optionalEmail = z
  .union([z.literal(""), z.null(), z.email("Adresse e-mail invalide").max(254)])
  .optional()
  .transform((e) => (e ? e : null));

const url = z.union([z.literal(""), z.null(), z.url("Adresse web invalide").max(2000)]).optional().transform((u) => (u ? u : null));

// Edits are partial and must not fill defaults (an edit of the name must not reset the time
// zone), so each entity has a plain shape, and its create schema adds the defaults.
const companyShape = {
  name: requiredText(120),
  slug: slugInput.optional(),
  description: optionalText(2000),
  email: optionalEmail,
  telephone: optionalPhone,
  address: optionalText(300),
  logo: url,
  isDefault: z.boolean().optional(),
  timezone: timezoneInput,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Code devise ISO à 3 lettres"),
};
export const companyInput = z.object({
  ...companyShape,
  timezone: companyShape.timezone.default(DEFAULT_TIMEZONE),
  currency: companyShape.currency.default(DEFAULT_CURRENCY),
});
export type CompanyInput = z.input<typeof companyInput>;
export const companyEdit = z.object(companyShape).partial();
export type CompanyEdit = z.input<typeof companyEdit>;

const buffer = z.number().int("Nombre entier de minutes").min(0, "0 minute au moins").max(240, "240 minutes au plus");

const serviceShape = {
  name: requiredText(120),
  slug: slugInput.optional(),
  description: optionalText(2000),
  basePrice: z.number().int("Nombre entier attendu").min(0).max(MAX_PRICE),
  duration: z.number().int("Nombre entier de minutes").min(5, "5 minutes au moins").max(1440, "24 heures au plus"),
  bufferBefore: buffer,
  bufferAfter: buffer,
  categories: z.array(z.string().trim().min(1).max(50)).max(20),
  image: url,
  isActive: z.boolean(),
  fields: serviceFieldsSchema,
};
export const serviceInput = z.object({
  ...serviceShape,
  companyId: id.optional(),
  categories: serviceShape.categories.default([]),
  isActive: serviceShape.isActive.default(true),
  fields: serviceShape.fields.default([]),
  bufferBefore: buffer.default(0),
  bufferAfter: buffer.default(0),
});
export type ServiceInput = z.input<typeof serviceInput>;
export const serviceEdit = z.object(serviceShape).partial();
export type ServiceEdit = z.input<typeof serviceEdit>;

const agentShape = {
  fullname: requiredText(120),
  email: optionalEmail,
  telephone: optionalPhone,
  role: optionalText(80),
  avatar: url,
  isActive: z.boolean(),
  serviceIds: z.array(id).max(200),
};
export const agentInput = z.object({
  ...agentShape,
  companyId: id.optional(),
  isActive: agentShape.isActive.default(true),
  serviceIds: agentShape.serviceIds.default([]),
});
export type AgentInput = z.input<typeof agentInput>;
export const agentEdit = z.object(agentShape).partial();
export type AgentEdit = z.input<typeof agentEdit>;

const customerMessaging = {
  language: z.enum(MESSAGE_LANGUAGES, { error: "Langue attendue : fr ou en" }),
  firstName: optionalText(60),
  preferredChannel: z.enum(MESSAGE_CHANNELS, { error: `Canal attendu : ${MESSAGE_CHANNELS.join(", ")}, ou null` }).nullable(),
  optOuts: z
    .array(z.enum(MESSAGE_CHANNELS, { error: `Canal attendu : ${MESSAGE_CHANNELS.join(", ")}` }))
    .max(MESSAGE_CHANNELS.length)
    .transform((list) => [...new Set(list)]),
};
export const customerInput = z.object({
  fullname: requiredText(120),
  telephone: phoneInput,
  email: optionalEmail,
  ...customerMessaging,
  language: customerMessaging.language.default("fr"),
  preferredChannel: customerMessaging.preferredChannel.optional(),
  optOuts: customerMessaging.optOuts.default([]),
});
export type CustomerInput = z.input<typeof customerInput>;
export const customerEdit = z.object({ fullname: requiredText(120), telephone: phoneInput, email: optionalEmail, ...customerMessaging }).partial();
export type CustomerEdit = z.input<typeof customerEdit>;

export const catalogListInput = z.object({
  companyId: id.optional(),
  search: z.string().trim().max(100).optional(),
  isActive: z.boolean().optional(),
  limit: z.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).nullish(),
});
export type CatalogListInput = z.input<typeof catalogListInput>;

/** Agents' list also filters on a service they perform. */
export const agentListInput = catalogListInput.extend({ serviceId: z.string().max(100).optional() });
export type AgentListInput = z.input<typeof agentListInput>;
