// The typed client of the Rendez-vous API, with the surface of the Applite JS SDK:
//
//   const client = createClient({ baseUrl: "https://rdv.example.ci" });
//   const res = await client.app.multiService.appointment.get({ appId, apiKey, id });
//   if (res.success) console.log(res.data.service.name);
//
// Results are { success: true, data } or { success: false, error: { code, message } }; a
// network failure is an error result (code "network-error"), never a throw. Lists answer one
// page and its nextCursor: pass it back as `cursor` to get the next one. Fetch only: no other
// runtime dependency (the imports below are types).
import type {
  Agent,
  AgentListParams,
  ApiError,
  Appointment,
  AppointmentDetails,
  AgentSchedule,
  Auth,
  AvailabilitySearchParams,
  ById,
  CompanyHours,
  CreateTimeOffParams,
  DeleteTimeOffParams,
  EditHoursParams,
  EditScheduleParams,
  ListTimeOffParams,
  SlotPage,
  TimeOff,
  CatalogListParams,
  Company,
  CreateAgentParams,
  CreateAppointmentParams,
  CreateCompanyParams,
  CreateCustomerParams,
  CreateServiceParams,
  Customer,
  DataExport,
  EditAgentParams,
  EditCompanyParams,
  EditCustomerParams,
  EditServiceParams,
  EventPage,
  ListAppointmentsParams,
  ListEventsParams,
  PageResult,
  RescheduleParams,
  Result,
  Service,
  UpdateFieldsParams,
  UpdateStatusParams,
  CreateWebhookParams,
  DeliveriesResult,
  EditWebhookParams,
  ListDeliveriesParams,
  RetryDeliveryParams,
  Webhook,
  WebhookDelivery,
  WebhookWithSecret,
  EditMessageSettingsParams,
  ListMessagesParams,
  Message,
  MessageProvider,
  MessageSettings,
  SetMessageProviderParams,
  DeleteMessageProviderParams,
} from "./types";

export type * from "./types";

export type ClientOptions = {
  /** Where the server answers, e.g. "http://localhost:3000". */
  baseUrl: string;
  /** Another fetch (tests, proxies, retries); the global one by default. */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
};

export function createClient(options: ClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function send(route: string, params: Auth & { idempotencyKey?: string }, body: object): Promise<Response | Unreachable> {
    const { appId, apiKey, idempotencyKey } = params;
    const url = `${base}/app/${encodeURIComponent(appId)}/multi-service/${route}`;
    const headers: Record<string, string> = { ...options.headers, "content-type": "application/json" };
    if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
    try {
      return await doFetch(url, { method: "POST", headers, body: JSON.stringify({ ...body, apiKey }) });
    } catch (err) {
      return { unreachable: failure(`Serveur injoignable : ${err instanceof Error ? err.message : String(err)}`) };
    }
  }

  /** An error answer (or a network failure) as the envelope's error result. */
  async function errorOf(response: Response | Unreachable): Promise<{ success: false; error: ApiError }> {
    if ("unreachable" in response) return response.unreachable;
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      return failure(`Réponse illisible du serveur (HTTP ${response.status})`, { status: response.status });
    }
    if (isEnvelope(answer) && (answer as { success: boolean }).success === false) return answer as { success: false; error: ApiError };
    return failure(`Réponse inattendue du serveur (HTTP ${response.status})`, { status: response.status });
  }

  /** The export's ZIP as a stream (never buffered here), or the error envelope. */
  async function download(route: string, params: Auth): Promise<Result<DataExport>> {
    const response = await send(route, params, {});
    if ("unreachable" in response || !response.ok || !response.body) return errorOf(response);
    const disposition = response.headers.get("content-disposition") ?? "";
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "rendez-vous-export.zip";
    const contentType = response.headers.get("content-type") ?? "application/zip";
    return { success: true, data: { filename, contentType, body: response.body } };
  }

  async function call<R>(route: string, params: Auth & { idempotencyKey?: string }, body: object): Promise<R> {
    const response = await send(route, params, body);
    if ("unreachable" in response) return response.unreachable as R;
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      return failure(`Réponse illisible du serveur (HTTP ${response.status})`, { status: response.status }) as R;
    }
    if (isEnvelope(answer)) return answer as R;
    return failure(`Réponse inattendue du serveur (HTTP ${response.status})`, { status: response.status }) as R;
  }

  /** The body of a call: its parameters without the ones that travel elsewhere. */
  const rest = <P extends Auth>(params: P, ...drop: string[]) => {
    const body: Record<string, unknown> = { ...params };
    for (const key of ["appId", "apiKey", "idempotencyKey", ...drop]) delete body[key];
    return body;
  };
  const byId = (plural: string, params: ById, suffix = "") =>
    `${plural}/${encodeURIComponent(params.id)}${suffix}`;

  function catalog<T, ListP extends Auth, CreateP extends Auth, EditP extends ById>(plural: string) {
    return {
      list: (params: ListP) => call<PageResult<T>>(`${plural}/list`, params, rest(params)),
      create: (params: CreateP) => call<Result<T>>(`${plural}/create`, params, rest(params)),
      get: (params: ById) => call<Result<T>>(byId(plural, params), params, {}),
      edit: (params: EditP) => call<Result<T>>(byId(plural, params, "/edit"), params, rest(params, "id")),
    };
  }

  const appointment = {
    create: (params: CreateAppointmentParams) =>
      call<Result<AppointmentDetails>>("appointments/create", params, rest(params)),
    list: (params: ListAppointmentsParams) => call<PageResult<Appointment>>("appointments/list", params, rest(params)),
    get: (params: ById) => call<Result<AppointmentDetails>>(byId("appointments", params), params, {}),
    updateStatus: (params: UpdateStatusParams) =>
      call<Result<AppointmentDetails>>(byId("appointments", params, "/status"), params, rest(params, "id")),
    updateFields: (params: UpdateFieldsParams) =>
      call<Result<AppointmentDetails>>(byId("appointments", params, "/update-fields"), params, rest(params, "id")),
    /** Moves to another start and/or agent (null unassigns); the status and booked length are kept. */
    reschedule: (params: RescheduleParams) =>
      call<Result<AppointmentDetails>>(byId("appointments", params, "/reschedule"), params, rest(params, "id")),
  };

  /** Webhook endpoints (scope webhooks:manage): secrets come back from create and rotateSecret only. */
  const webhook = {
    list: (params: Auth) => call<PageResult<Webhook>>("webhooks/list", params, {}),
    create: (params: CreateWebhookParams) => call<Result<WebhookWithSecret>>("webhooks/create", params, rest(params)),
    get: (params: ById) => call<Result<Webhook>>(byId("webhooks", params), params, {}),
    edit: (params: EditWebhookParams) => call<Result<Webhook>>(byId("webhooks", params, "/edit"), params, rest(params, "id")),
    delete: (params: ById) => call<Result<Webhook>>(byId("webhooks", params, "/delete"), params, {}),
    rotateSecret: (params: ById) => call<Result<WebhookWithSecret>>(byId("webhooks", params, "/rotate-secret"), params, {}),
    test: (params: ById) => call<Result<WebhookDelivery>>(byId("webhooks", params, "/test"), params, {}),
    deliveries: (params: ListDeliveriesParams) =>
      call<DeliveriesResult>(byId("webhooks", params, "/deliveries"), params, rest(params, "id")),
    retryDelivery: (params: RetryDeliveryParams) =>
      call<Result<WebhookDelivery>>(
        byId("webhooks", params, `/deliveries/${encodeURIComponent(params.deliveryId)}/retry`),
        params,
        {},
      ),
  };

  /** Customer messages: the journal (appointments:read), resend (appointments:write), providers (messages:manage). */
  const message = {
    list: (params: ListMessagesParams) => call<PageResult<Message>>("messages/list", params, rest(params)),
    get: (params: ById) => call<Result<Message>>(byId("messages", params), params, {}),
    /** A failed or unknown message queued again now. */
    resend: (params: ById) => call<Result<Message>>(byId("messages", params, "/resend"), params, {}),
    provider: {
      list: (params: Auth) => call<PageResult<MessageProvider>>("messages/providers/list", params, {}),
      set: (params: SetMessageProviderParams) => call<Result<MessageProvider>>("messages/providers/set", params, rest(params)),
      /** Removes the channel's provider and its secrets (no provider: provider-not-found); `set` with `enabled: false` only pauses it. */
      delete: (params: DeleteMessageProviderParams) => call<Result<MessageProvider>>("messages/providers/delete", params, rest(params)),
    },
  };

  const agent = {
    ...catalog<Agent, AgentListParams, CreateAgentParams, EditAgentParams>("agents"),
    /** The agent's own week (null: follows the company) and what applies. */
    schedule: (params: ById) => call<Result<AgentSchedule>>(byId("agents", params, "/schedule"), params, {}),
    editSchedule: (params: EditScheduleParams) =>
      call<Result<AgentSchedule>>(byId("agents", params, "/schedule/edit"), params, rest(params, "id")),
    timeOff: {
      list: (params: ListTimeOffParams) => call<Result<TimeOff[]>>(byId("agents", params, "/time-off/list"), params, rest(params, "id")),
      create: (params: CreateTimeOffParams) => call<Result<TimeOff>>(byId("agents", params, "/time-off/create"), params, rest(params, "id")),
      delete: (params: DeleteTimeOffParams) =>
        call<Result<TimeOff>>(byId("agents", params, `/time-off/${encodeURIComponent(params.timeOffId)}/delete`), params, {}),
    },
  };
  const company = {
    ...catalog<Company, Auth, CreateCompanyParams, EditCompanyParams>("companies"),
    /** Opening hours (null: open at all times) and the minimum notice of API bookings. */
    hours: (params: ById) => call<Result<CompanyHours>>(byId("companies", params, "/hours"), params, {}),
    editHours: (params: EditHoursParams) => call<Result<CompanyHours>>(byId("companies", params, "/hours/edit"), params, rest(params, "id")),
    /** The company's message settings (catalog:read; edit: catalog:write). */
    messageSettings: (params: ById) => call<Result<MessageSettings>>(byId("companies", params, "/messages/settings"), params, {}),
    editMessageSettings: (params: EditMessageSettingsParams) =>
      call<Result<MessageSettings>>(byId("companies", params, "/messages/settings/edit"), params, rest(params, "id")),
  };

  return {
    app: {
      multiService: {
        appointment,
        /** Free slots for a service (and agent): sorted by start then agent; follow `nextFrom`. */
        availability: { search: (params: AvailabilitySearchParams) => call<SlotPage>("availability/search", params, rest(params)) },
        service: catalog<Service, CatalogListParams, CreateServiceParams, EditServiceParams>("services"),
        agent,
        company,
        customer: catalog<Customer, CatalogListParams, CreateCustomerParams, EditCustomerParams>("customers"),
        /** The appointment event feed: pass the last id seen as `after` to catch up. */
        event: { list: (params: ListEventsParams) => call<EventPage>("events/list", params, rest(params)) },
        /** Every row of the app (of the key's company) as a streamed ZIP of JSON and CSV files. */
        data: { export: (params: Auth) => download("export", params) },
        webhook,
        message,
      },
    },
  };
}

/** A request that got no answer (refused connection, DNS, abort). */
type Unreachable = { unreachable: { success: false; error: ApiError } };

export type RendezVousClient = ReturnType<typeof createClient>;

function failure(message: string, details?: Record<string, unknown>): { success: false; error: ApiError } {
  return { success: false, error: { code: "network-error", message, ...(details ? { details } : {}) } };
}

function isEnvelope(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const v = value as { success?: unknown; error?: unknown };
  if (v.success === true) return "data" in v;
  return v.success === false && !!v.error && typeof v.error === "object";
}
