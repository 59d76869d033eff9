// Provider settings as Settings → Messages and the API will check them: one schema per channel,
// each refusal naming its field in French; HTTPS only, http:// to loopback only when allowed;
// which fields are secrets.
import { describe, expect, it } from "vitest";
import {
  PROVIDER_SECRETS,
  providerSettingsSchema,
  publicSettings,
  smsSettingsSchema,
  smtpSettingsSchema,
  whatsappSettingsSchema,
} from "@/lib/contract/message-providers";

/** `{ field: first message }` of a failed parse. */
function refusals(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  const first: Record<string, string> = {};
  for (const i of result.error!.issues) first[i.path.join(".")] ??= i.message;
  return first;
}

const whatsapp = { phoneNumberId: "106540352242922", accessToken: "EAAx", appSecret: "s3cret", verifyToken: "verify-me-please" };
const sms = { url: "https://sms.example.com/v1/messages", authValue: "Bearer k", callbackSecret: "0123456789abcdef0123" };

describe("SMTP settings", () => {
  it("fills the port from the security and keeps everything as text", () => {
    expect(smtpSettingsSchema().parse({ host: "smtp.example.com", fromAddress: "rdv@salon.ci" })).toEqual({ host: "smtp.example.com", security: "starttls", port: "587", fromAddress: "rdv@salon.ci" });
    expect(smtpSettingsSchema().parse({ host: "smtp.example.com", security: "tls", port: "", fromAddress: "rdv@salon.ci", user: "", fromName: "" }).port).toBe("465");
    expect(smtpSettingsSchema().parse({ host: "127.0.0.1", security: "none", port: 2525, fromAddress: "rdv@salon.ci" }).port).toBe("2525");
  });

  it("names each bad field", () => {
    expect(refusals(smtpSettingsSchema().safeParse({ host: "smtp example", port: "70000", security: "ssl", fromAddress: "x" }))).toEqual({
      host: expect.stringContaining("Nom d'hôte"),
      port: "Port attendu (1 à 65535)",
      security: expect.stringContaining("tls (port 465)"),
      fromAddress: expect.stringContaining("Adresse d'expédition"),
    });
    expect(refusals(smtpSettingsSchema().safeParse({ host: "smtp.example.com", security: "none", user: "u", fromAddress: "rdv@salon.ci" }))).toEqual({
      security: expect.stringContaining("serveur local"),
      password: "Mot de passe requis avec un utilisateur",
    });
  });
});

describe("WhatsApp settings", () => {
  it("defaults to Meta's Graph API and a current version", () => {
    expect(whatsappSettingsSchema().parse(whatsapp)).toMatchObject({ baseUrl: "https://graph.facebook.com", apiVersion: "v21.0" });
    expect(whatsappSettingsSchema().parse({ ...whatsapp, baseUrl: "https://graph.example.com/", apiVersion: "v22.0" })).toMatchObject({ baseUrl: "https://graph.example.com", apiVersion: "v22.0" });
  });

  it("names each bad or missing field", () => {
    expect(refusals(whatsappSettingsSchema().safeParse({ baseUrl: "http://graph.example.com", apiVersion: "21", phoneNumberId: "abc", verifyToken: "short" }))).toEqual({
      baseUrl: "Adresse HTTPS attendue (https://…)",
      apiVersion: "Version de l'API attendue sous la forme v21.0",
      phoneNumberId: "Identifiant du numéro (Phone number ID) : des chiffres",
      accessToken: expect.stringContaining("Jeton d'accès requis"),
      appSecret: expect.stringContaining("Clé secrète"),
      verifyToken: expect.stringContaining("8 caractères"),
    });
  });

  it("takes http:// to loopback only when the development switch allows it", () => {
    const local = { ...whatsapp, baseUrl: "http://127.0.0.1:4010" };
    expect(whatsappSettingsSchema(false).safeParse(local).success).toBe(false);
    expect(whatsappSettingsSchema(true).parse(local).baseUrl).toBe("http://127.0.0.1:4010");
    expect(whatsappSettingsSchema(true).safeParse({ ...whatsapp, baseUrl: "http://10.0.0.5" }).success).toBe(false);
  });
});

describe("SMS settings", () => {
  it("defaults: POST, Authorization, a body with {{to}}, {{text}} and {{id}}", () => {
    expect(smsSettingsSchema().parse(sms)).toEqual({ ...sms, method: "POST", authHeader: "Authorization", bodyTemplate: '{"to":"{{to}}","text":"{{text}}","reference":"{{id}}"}' });
  });

  it("checks the body template: JSON, an object, known variables, recipient and text present", () => {
    const bad = (bodyTemplate: string) => refusals(smsSettingsSchema().safeParse({ ...sms, bodyTemplate })).bodyTemplate;
    expect(bad('{"to":"{{to}}"')).toMatch(/Modèle JSON invalide/);
    expect(bad('["{{to}}","{{text}}"]')).toBe("Le modèle doit être un objet JSON");
    expect(bad('{"to":"{{to}}","text":"{{text}}","x":"{{prenom}}"}')).toMatch(/Variable inconnue : \{\{prenom\}\}/);
    expect(bad('{"to":"{{to}}"}')).toBe("Le modèle doit contenir {{text}}");
    expect(smsSettingsSchema().safeParse({ ...sms, bodyTemplate: '{"dest":"{{ to }}","sms":{"msg":"{{text}}","from":"{{from}}"}}' }).success).toBe(true);
  });

  it("names the other bad fields", () => {
    expect(refusals(smsSettingsSchema().safeParse({ url: "ftp://sms.example.com", method: "GET", authHeader: "X Api", authValue: "", idPath: "data..id", callbackSecret: "short" }))).toEqual({
      url: "Adresse HTTPS attendue (https://…)",
      method: "Méthode attendue : POST ou PUT",
      authHeader: expect.stringContaining("Nom d'en-tête"),
      authValue: expect.stringContaining("requise"),
      idPath: expect.stringContaining("Chemin JSON"),
      callbackSecret: expect.stringContaining("16 caractères"),
    });
    expect(refusals(smsSettingsSchema().safeParse({}))).toMatchObject({ url: "Adresse requise", authValue: expect.stringContaining("requise") });
    expect(refusals(smtpSettingsSchema().safeParse({}))).toMatchObject({ host: "Serveur SMTP requis", fromAddress: expect.stringContaining("Adresse d'expédition") });
  });
});

describe("secrets", () => {
  it("are named per channel and never part of what a browser sees", () => {
    expect(PROVIDER_SECRETS).toEqual({ email: ["password"], whatsapp: ["accessToken", "appSecret", "verifyToken"], sms: ["authValue", "callbackSecret"], journal: [] });
    expect(publicSettings("whatsapp", { ...whatsapp, verifyToken: "" })).toEqual({ settings: { phoneNumberId: whatsapp.phoneNumberId }, storedSecrets: ["accessToken", "appSecret"] });
  });

  it("every channel has a schema; the journal takes nothing", () => {
    expect(providerSettingsSchema("journal").parse({})).toEqual({});
    expect(providerSettingsSchema("sms", true).safeParse({ ...sms, url: "http://localhost:9999/sms" }).success).toBe(true);
  });
});
