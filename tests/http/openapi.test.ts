// The OpenAPI document is generated from the routes, describes every endpoint, and matches
// what the API answers; the reference page renders it with the locally served Scalar.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AgentSchema,
  AppointmentDetailSchema,
  AppointmentSchema,
  CompanySchema,
  CustomerSchema,
  ErrorSchema,
  MessageProviderSchema,
  MessageSchema,
  MessageSettingsSchema,
  ServiceSchema,
  ok,
  page,
} from "@/server/api/schemas";
import { insertMessage } from "../support/messages";
import { API_URL, type ApiTenant, makeApiTenant, NEXT_URL, send } from "./support/api";

const ENDPOINTS = [
  "appointments/list",
  "appointments/create",
  "appointments/{id}",
  "appointments/{id}/status",
  "appointments/{id}/update-fields",
  "appointments/{id}/reschedule",
  "events/list",
  "export",
  ...["list", "create", "{id}", "{id}/edit", "{id}/delete", "{id}/deliveries", "{id}/rotate-secret", "{id}/test", "{id}/deliveries/{deliveryId}/retry"].map((r) => `webhooks/${r}`),
  "availability/search",
  "agents/{id}/schedule",
  "agents/{id}/schedule/edit",
  "agents/{id}/time-off/list",
  "agents/{id}/time-off/create",
  "agents/{id}/time-off/{timeOffId}/delete",
  "companies/{id}/hours",
  "companies/{id}/hours/edit",
  "messages/list",
  "messages/{id}",
  "messages/{id}/resend",
  "messages/providers/list",
  "messages/providers/set",
  "messages/providers/delete",
  "companies/{id}/messages/settings",
  "companies/{id}/messages/settings/edit",
  ...["services", "agents", "companies", "customers"].flatMap((e) => [`${e}/list`, `${e}/create`, `${e}/{id}`, `${e}/{id}/edit`]),
];

let t: ApiTenant;
beforeAll(async () => {
  t = await makeApiTenant("OpenAPI");
});

describe("OpenAPI", () => {
  it("serves a 3.1 document with every endpoint, POST only, with its body and answers", async () => {
    for (const base of [NEXT_URL, API_URL]) {
      const res = await send(`${base}/api/openapi.json`, { method: "GET" });
      expect(res.status).toBe(200);
      const doc = res.body;
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths).sort()).toEqual(ENDPOINTS.map((e) => `/app/{appId}/multi-service/${e}`).sort());
      for (const [path, item] of Object.entries<Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>(doc.paths)) {
        expect(Object.keys(item), path).toEqual(["post"]);
        expect(item.post.requestBody, path).toBeDefined();
        expect(Object.keys(item.post.responses), path).toEqual(expect.arrayContaining(["400", "401", "403", "413", "415", "429", "500", "503"]));
      }
      const create = doc.paths["/app/{appId}/multi-service/appointments/create"].post;
      expect(create.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["appId", "Idempotency-Key"]));
      const body = doc.components.schemas.CreateAppointmentBody;
      expect(body.required).toEqual(expect.arrayContaining(["serviceId", "customerId", "date"]));
      expect(body.properties.date).toMatchObject({ type: "string", format: "date-time" });
      expect(doc.components.schemas.UpdateStatusBody.properties.status.enum).toEqual(
        expect.arrayContaining(["CONFIRMED", "inProgress"]),
      );
      expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(
        expect.arrayContaining(["appointment-not-found", "idempotency-conflict", "rate-limited"]),
      );
    }
  });

  it("describes what the API really answers", async () => {
    const booked = await t.book();
    await insertMessage(booked);
    const checks: [string, Record<string, unknown>, z.ZodType][] = [
      ["appointments/list", {}, page(AppointmentSchema)],
      [`appointments/${booked.id}`, {}, ok(AppointmentDetailSchema)],
      ["services/list", {}, page(ServiceSchema)],
      ["agents/list", {}, page(AgentSchema)],
      ["companies/list", {}, page(CompanySchema)],
      ["customers/list", {}, page(CustomerSchema)],
      ["appointments/list", { limit: 0 }, ErrorSchema],
      ["messages/list", {}, page(MessageSchema)],
      [`companies/${t.companyA.id}/messages/settings`, {}, ok(MessageSettingsSchema)],
      ["messages/providers/set", { channel: "journal" }, ok(MessageProviderSchema)],
      ["messages/providers/delete", { channel: "journal" }, ok(MessageProviderSchema)],
      ["messages/providers/set", { channel: "journal" }, ok(MessageProviderSchema)],
      ["messages/providers/list", {}, page(MessageProviderSchema)],
    ];
    for (const [route, body, schema] of checks) {
      const res = await t.call(route, body);
      const parsed = schema.safeParse(res.body);
      expect(parsed.success, `${route}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("renders the reference page with the local Scalar bundle", async () => {
    const page = await send(`${NEXT_URL}/docs/api`, { method: "GET" });
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="api-reference"');
    expect(page.text).toContain("/api/openapi.json");
    expect(page.text).toContain("/docs/api/scalar.js");
    const script = await fetch(`${NEXT_URL}/docs/api/scalar.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await script.text()).toContain("createApiReference");
  });
});
