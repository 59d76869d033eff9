// Custom fields of a service and the check of an appointment's filledFields against them.
// Pure: used by the domain, the API's OpenAPI schemas and the new-appointment form.
import { z } from "zod";
import { E164 } from "./phone";
import { DAY_KEY } from "./dates";

export const FIELD_TYPES = ["text", "number", "select", "multipleSelect", "email", "phone", "date"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Text fields without a maxLength still get one, so a caller cannot store megabytes. */
export const DEFAULT_TEXT_MAX = 2000;

export const fieldOptionSchema = z.object({
  label: z.string().trim().min(1, "Champ obligatoire").max(100, "100 caractères au plus"),
  value: z.string().trim().min(1, "Champ obligatoire").max(100, "100 caractères au plus"),
  price: z.number().int().min(0).max(10_000_000).default(0),
});

export const serviceFieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/, "Clé invalide : lettres, chiffres et _ ; commence par une lettre"),
    label: z.string().trim().min(1, "Champ obligatoire").max(100, "100 caractères au plus"),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    options: z.array(fieldOptionSchema).max(50).default([]),
    maxLength: z.number().int().min(1).max(DEFAULT_TEXT_MAX).optional(),
  })
  .superRefine((field, ctx) => {
    const hasOptions = field.type === "select" || field.type === "multipleSelect";
    if (hasOptions && field.options.length === 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Un champ à choix doit avoir au moins une option" });
    }
    // Each repeat is reported on its own option, so a form can show the error beside it.
    const seen = new Set<string>();
    field.options.forEach((o, i) => {
      if (seen.has(o.value)) {
        ctx.addIssue({ code: "custom", path: ["options", i, "value"], message: "Les valeurs des options doivent être uniques" });
      }
      seen.add(o.value);
    });
  });

export type ServiceField = z.output<typeof serviceFieldSchema>;
export type ServiceFieldInput = z.input<typeof serviceFieldSchema>;

export const serviceFieldsSchema = z
  .array(serviceFieldSchema)
  .max(30)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "Chaque champ doit avoir une clé unique" });
      seen.add(f.name);
    });
  });

/**
 * A field key (or option value) made from its label: "Type de peau" → "type_de_peau".
 * Accents dropped, words joined by "_", a letter first, 50 characters at most, and a _2, _3…
 * suffix when `taken` already has it. What the field editor proposes.
 */
export function keyFromLabel(label: string, taken: Iterable<string> = []): string {
  let key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(key)) key = key ? `f_${key}` : "champ";
  key = key.slice(0, 46).replace(/_+$/, "");
  const used = new Set(taken);
  if (!used.has(key)) return key;
  for (let n = 2; ; n++) if (!used.has(`${key}_${n}`)) return `${key}_${n}`;
}

export type FilledFields = Record<string, string | number | string[]>;

const isoDay = z
  .string()
  .regex(DAY_KEY, "Date attendue au format AAAA-MM-JJ")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "Date inexistante");

function valueSchema(field: ServiceField): z.ZodType {
  const values = field.options.map((o) => o.value);
  switch (field.type) {
    case "text": {
      const s = z.string().trim().max(field.maxLength ?? DEFAULT_TEXT_MAX, `${field.maxLength ?? DEFAULT_TEXT_MAX} caractères au plus`);
      return field.required ? s.min(1, "Champ obligatoire") : s;
    }
    case "number":
      return z.number({ error: "Nombre attendu" }).finite();
    case "select":
      return z.enum(values as [string, ...string[]], { error: `Valeur attendue parmi : ${values.join(", ")}` });
    case "multipleSelect": {
      const arr = z
        .array(z.enum(values as [string, ...string[]], { error: `Valeurs attendues parmi : ${values.join(", ")}` }))
        .refine((a) => new Set(a).size === a.length, "Valeurs en double");
      return field.required ? arr.min(1, "Choisissez au moins une option") : arr;
    }
    case "email":
      return z.email("Adresse e-mail invalide").max(254);
    case "phone":
      return z.string().regex(E164, "Numéro au format international attendu (ex. +2250700000000)");
    case "date":
      return isoDay;
  }
}

/**
 * The zod schema that an appointment's filledFields must satisfy for these field definitions:
 * known keys only, required ones present, each value of its field's type. Optional fields may
 * be left out (null counts as left out).
 */
export function filledFieldsSchema(fields: readonly ServiceField[]) {
  // Built once per distinct definition: zod compiles an object schema on its first parse,
  // which cost more than a whole booking's other checks when done for every request.
  const key = JSON.stringify(fields);
  let schema = filledFieldsSchemas.get(key);
  if (!schema) {
    if (filledFieldsSchemas.size >= 500) filledFieldsSchemas.delete(filledFieldsSchemas.keys().next().value!);
    filledFieldsSchemas.set(key, (schema = buildFilledFieldsSchema(fields)));
  }
  return schema;
}

const filledFieldsSchemas = new Map<string, ReturnType<typeof buildFilledFieldsSchema>>();

function buildFilledFieldsSchema(fields: readonly ServiceField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = valueSchema(field);
    shape[field.name] = field.required
      ? schema
      : z.preprocess((v) => (v === null ? undefined : v), schema.optional());
  }
  return z.strictObject(shape).transform((obj) => {
    // Drop optional values left empty, so stored fields hold only real answers.
    const out: FilledFields = {};
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = v as FilledFields[string];
    }
    return out;
  });
}
