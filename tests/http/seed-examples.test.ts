// Every code example of the seed document (shared/seeds/000_04b5cb8a0e91ac3d.txt), written as
// the seed writes them, run through the typed client against the production server. The
// examples name placeholder ids ("app_id", "service_id"…); the client's `fetch` option maps
// them to this test's rows on the way out, so the example code itself stays unchanged.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createAppointment, getAppointment } from "@/lib/appointments";
import { createAgent, createService } from "@/lib/catalog";
import { createClient } from "@/lib/client";
import { API_URL, type ApiTenant, makeApiTenant } from "./support/api";

let t: ApiTenant;
let names: Record<string, string>;
let service: { id: string; name: string };
let agent: { id: string; fullname: string };

beforeAll(async () => {
  t = await makeApiTenant("Seed examples");
  service = await createService(t.owner, {
    companyId: t.companyA.id,
    name: "Coupe homme",
    basePrice: 3000,
    duration: 30,
    fields: [
      {
        name: "type_coupe",
        label: "Type de coupe",
        type: "select",
        required: true,
        options: [
          { label: "Classique", value: "classique" },
          { label: "Dégradé", value: "degrade", price: 1000 },
        ],
      },
      { name: "commentaires", label: "Commentaires", type: "text", maxLength: 200 },
    ],
  });
  agent = await createAgent(t.owner, { companyId: t.companyA.id, fullname: "Ibrahim Diallo", serviceIds: [service.id] });
  names = {
    app_id: t.appId,
    user_api_key: t.admin,
    api_key: t.admin,
    service_id: service.id,
    customer_id: t.customer.id,
    agent_id: agent.id,
    company_id: t.companyA.id,
    // The seed books 15 January 2025, now past: an API key books into the future only.
    [SEED_DATE]: BOOKED_DATE,
  };
});

const SEED_DATE = "2025-01-15T10:00:00.000Z";
const BOOKED_DATE = "2031-01-15T10:00:00.000Z";

/**
 * A client whose requests have the seed's placeholders replaced by real ids (and `appointment_id`
 * by `appointmentId`), and the seed's past date by one to come.
 */
function clientFor(appointmentId?: string) {
  const map: Record<string, string> = { ...names, ...(appointmentId ? { appointment_id: appointmentId } : {}) };
  const swap = (value: string) => (Object.hasOwn(map, value) ? map[value] : value);
  return createClient({
    baseUrl: API_URL,
    fetch: (input, init) => {
      const url = new URL(String(input));
      url.pathname = url.pathname.split("/").map(swap).join("/");
      const body = JSON.stringify(JSON.parse(String(init?.body)), (_k, v) => (typeof v === "string" ? swap(v) : v));
      return fetch(url, { ...init, body });
    },
  });
}

let slot = 0;
const book = (status?: "CONFIRMED") =>
  createAppointment(t.owner, {
    serviceId: service.id,
    customerId: t.customer.id,
    agentId: agent.id,
    date: new Date(Date.UTC(2031, 5, 1, 8) + slot++ * 3_600_000),
    filledFields: { type_coupe: "classique" },
    status,
  });

describe("seed examples through the typed client", () => {
  it("create", async () => {
    const client = clientFor();
    // --- seed: create ---
    const response = await client.app.multiService.appointment.create({
      appId: "app_id",
      apiKey: "user_api_key",
      serviceId: "service_id",
      customerId: "customer_id",
      date: new Date("2025-01-15T10:00:00Z"),
      totalPrice: 5000,
      commune: "Cocody",
      filledFields: {
        "type_coupe": "degrade",
        "commentaires": "Coupe courte sur les côtés"
      },
      agentId: "agent_id", // Optionnel
    });
    // --- end ---
    expect(response.success).toBe(true);
    if (!response.success) return;
    expect(response.data).toMatchObject({
      status: "PENDING",
      date: BOOKED_DATE,
      totalPrice: 5000,
      commune: "Cocody",
      filledFields: { type_coupe: "degrade", commentaires: "Coupe courte sur les côtés" },
      service: { id: service.id, name: "Coupe homme" },
      agent: { id: agent.id, fullname: "Ibrahim Diallo" },
    });
    const stored = await getAppointment(t.owner, response.data.id);
    expect(stored.date.toISOString()).toBe(BOOKED_DATE);
  });

  it("list", async () => {
    const confirmed = await book("CONFIRMED");
    await book();
    const client = clientFor();
    // --- seed: list ---
    // Lister tous les rendez-vous
    const all = await client.app.multiService.appointment.list({
      appId: "app_id",
      apiKey: "user_api_key"
    });

    // Filtrer par statut
    const pending = await client.app.multiService.appointment.list({
      appId: "app_id",
      apiKey: "user_api_key",
      status: "PENDING"
    });

    // Filtrer par service
    const byService = await client.app.multiService.appointment.list({
      appId: "app_id",
      apiKey: "user_api_key",
      serviceId: "service_id"
    });

    // Combiner les filtres
    const filtered = await client.app.multiService.appointment.list({
      appId: "app_id",
      apiKey: "user_api_key",
      companyId: "company_id",
      serviceId: "service_id",
      status: "CONFIRMED"
    });
    // --- end ---
    for (const page of [all, pending, byService, filtered]) expect(page.success).toBe(true);
    if (!all.success || !pending.success || !byService.success || !filtered.success) return;
    expect(all.data.length).toBeGreaterThanOrEqual(2);
    expect(pending.data.length).toBeGreaterThan(0);
    expect(pending.data.every((a) => a.status === "PENDING")).toBe(true);
    expect(byService.data.length).toBeGreaterThanOrEqual(2);
    expect(byService.data.every((a) => a.serviceId === service.id)).toBe(true);
    expect(filtered.data.map((a) => a.id)).toEqual([confirmed.id]);
    expect(filtered.nextCursor).toBeNull();
  });

  it("get", async () => {
    const booked = await book();
    const client = clientFor(booked.id);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      // --- seed: get ---
      const response = await client.app.multiService.appointment.get({
        appId: "app_id",
        apiKey: "user_api_key",
        id: "appointment_id"
      });

      if (response.success) {
        const apt = response.data;
        console.log(`Rendez-vous: ${apt.service.name}`);
        console.log(`Date: ${apt.date}`);
        console.log(`Statut: ${apt.status}`);
        console.log(`Agent: ${apt.agent?.fullname ?? 'Non assigné'}`);
      }
      // --- end ---
      expect(response.success).toBe(true);
      expect(log.mock.calls.map((c) => c[0])).toEqual([
        "Rendez-vous: Coupe homme",
        `Date: ${booked.date}`,
        "Statut: PENDING",
        "Agent: Ibrahim Diallo",
      ]);
    } finally {
      log.mockRestore();
    }
  });

  it("updateStatus", async () => {
    const booked = await book();
    const client = clientFor(booked.id);
    // --- seed: updateStatus ---
    // Confirmer un rendez-vous
    const confirmed = await client.app.multiService.appointment.updateStatus({
      appId: "app_id",
      apiKey: "user_api_key",
      id: "appointment_id",
      status: "CONFIRMED"
    });

    // Marquer comme en cours
    const inProgress = await client.app.multiService.appointment.updateStatus({
      appId: "app_id",
      apiKey: "user_api_key",
      id: "appointment_id",
      status: "IN_PROGRESS"
    });

    // Terminer le rendez-vous
    const completed = await client.app.multiService.appointment.updateStatus({
      appId: "app_id",
      apiKey: "user_api_key",
      id: "appointment_id",
      status: "COMPLETED"
    });

    // Annuler un rendez-vous
    const cancelled = await client.app.multiService.appointment.updateStatus({
      appId: "app_id",
      apiKey: "user_api_key",
      id: "appointment_id",
      status: "CANCELLED"
    });
    // --- end ---
    expect([confirmed, inProgress, completed].map((r) => (r.success ? r.data.status : r.error.code))).toEqual([
      "CONFIRMED",
      "IN_PROGRESS",
      "COMPLETED",
    ]);
    // Run in sequence on one appointment, the last example meets a final status: the
    // documented error, as a result rather than a throw.
    expect(cancelled.success).toBe(false);
    if (!cancelled.success) expect(cancelled.error.code).toBe("invalid-status-transition");

    // The cancel example on an appointment that can still be cancelled.
    const other = await book();
    const client2 = clientFor(other.id);
    const cancelledToo = await client2.app.multiService.appointment.updateStatus({
      appId: "app_id",
      apiKey: "user_api_key",
      id: "appointment_id",
      status: "CANCELLED"
    });
    expect(cancelledToo.success && cancelledToo.data.status).toBe("CANCELLED");
  });

  it("workflow", async () => {
    const booked = await book();
    const client = clientFor();
    // --- seed: workflow ---
    // Exemple de flux complet
    async function appointmentWorkflow(appointmentId: string) {
      const params = {
        appId: "app_id",
        apiKey: "api_key",
        id: appointmentId
      };

      // 1. Confirmer
      await client.app.multiService.appointment.updateStatus({
        ...params,
        status: "CONFIRMED"
      });

      // 2. Démarrer
      await client.app.multiService.appointment.updateStatus({
        ...params,
        status: "IN_PROGRESS"
      });

      // 3. Terminer
      await client.app.multiService.appointment.updateStatus({
        ...params,
        status: "COMPLETED"
      });
    }
    // --- end ---
    await appointmentWorkflow(booked.id);
    expect((await getAppointment(t.owner, booked.id)).status).toBe("COMPLETED");
  });

  it("error codes of the seed's table come back as results", async () => {
    const client = clientFor();
    const missing = await client.app.multiService.appointment.get({ appId: "app_id", apiKey: "user_api_key", id: "appointment_id" });
    expect(!missing.success && missing.error.code).toBe("appointment-not-found");
    const noService = await client.app.multiService.appointment.create({
      appId: "app_id",
      apiKey: "user_api_key",
      serviceId: "3b241101-e2bb-4255-8caf-4136c566a962",
      customerId: "customer_id",
      date: new Date("2031-01-15T10:00:00Z"),
    });
    expect(!noService.success && noService.error.code).toBe("service-not-found");
    const noAgent = await client.app.multiService.appointment.create({
      appId: "app_id",
      apiKey: "user_api_key",
      serviceId: "service_id",
      customerId: "customer_id",
      date: new Date("2031-01-15T10:00:00Z"),
      filledFields: { type_coupe: "classique" },
      agentId: t.agentB.id,
    });
    expect(!noAgent.success && noAgent.error.code).toBe("agent-not-found");
    const wrongKey = await client.app.multiService.appointment.list({ appId: "app_id", apiKey: "not-a-key" });
    expect(!wrongKey.success && wrongKey.error.code).toBe("not-authorized");
  });
});
