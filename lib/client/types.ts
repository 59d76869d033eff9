// The client's types, derived from the contract's input schemas and answer schemas
// (lib/contract): type-only imports, erased at compile time, so the client needs nothing but
// fetch at run time and can be lifted out as its own package.
import type {
  CreateAppointmentInput,
  ListAppointmentsInput,
  RescheduleInput,
  UpdateFieldsInput,
  UpdateStatusInput,
} from "../contract/appointment-inputs";
import type { AppointmentStatus } from "../contract/status";
import type { z } from "zod";
import type {
  AgentSchema,
  AgentScheduleSchema,
  AppointmentDetailSchema,
  AppointmentSchema,
  CompanyHoursSchema,
  CompanySchema,
  CustomerSchema,
  ServiceSchema,
  SlotSchema,
  TimeOffSchema,
} from "../contract/wire";
import type { AgentScheduleInput, AvailabilitySearchInput, CompanyHoursInput, TimeOffInput } from "../contract/hours";
import type {
  AgentEdit,
  AgentInput,
  AgentListInput,
  CatalogListInput,
  CompanyEdit,
  CompanyInput,
  CustomerEdit,
  CustomerInput,
  ServiceEdit,
  ServiceInput,
} from "../contract/catalog-inputs";
import type { ErrorCode } from "../contract/errors";

export type { AppointmentStatus };
/** Statuses are accepted upper case or in the REST dialect's camelCase; answers are upper case. */
export type StatusWord = AppointmentStatus | "pending" | "confirmed" | "inProgress" | "completed" | "cancelled";

export type Appointment = z.output<typeof AppointmentSchema>;
export type AppointmentDetails = z.output<typeof AppointmentDetailSchema>;
export type Company = z.output<typeof CompanySchema>;
export type Service = z.output<typeof ServiceSchema>;
export type Agent = z.output<typeof AgentSchema>;
export type Customer = z.output<typeof CustomerSchema>;

export type ApiError = {
  /** The API's codes, or `network-error` when no answer could be read (the client's own). */
  code: ErrorCode | "network-error";
  message: string;
  details?: unknown;
};

export type Result<T> = { success: true; data: T } | { success: false; error: ApiError };
export type PageResult<T> = { success: true; data: T[]; nextCursor: string | null } | { success: false; error: ApiError };

/** Every call names its app and key. */
export type Auth = { appId: string; apiKey: string };
export type ById = Auth & { id: string };
/** Creates may carry an Idempotency-Key: a retry with the same key and body creates nothing. */
export type Idempotent = { idempotencyKey?: string };

export type CreateAppointmentParams = Auth &
  Idempotent &
  Omit<CreateAppointmentInput, "status"> & { status?: "PENDING" | "CONFIRMED" | "pending" | "confirmed" };
export type ListAppointmentsParams = Auth & Omit<ListAppointmentsInput, "status"> & { status?: StatusWord | StatusWord[] };
export type UpdateStatusParams = ById & Omit<UpdateStatusInput, "status"> & { status: StatusWord };
export type UpdateFieldsParams = ById & UpdateFieldsInput;
/** A new start (ISO 8601 with offset), a new agent (null: none), or both; `reason` is recorded. */
export type RescheduleParams = ById & RescheduleInput;

export type CatalogListParams = Auth & CatalogListInput;
export type AgentListParams = Auth & AgentListInput;
export type CreateCompanyParams = Auth & Idempotent & CompanyInput;
export type EditCompanyParams = ById & CompanyEdit;
export type CreateServiceParams = Auth & Idempotent & ServiceInput;
export type EditServiceParams = ById & ServiceEdit;
export type CreateAgentParams = Auth & Idempotent & AgentInput;
export type EditAgentParams = ById & AgentEdit;
export type CreateCustomerParams = Auth & Idempotent & CustomerInput;
export type EditCustomerParams = ById & CustomerEdit;

export type { AppointmentEvent, AppointmentEventType, EventChange } from "../contract/events";
import type { AppointmentEvent, AppointmentEventType } from "../contract/events";

/** The feed after an id (the last one seen), oldest first; `limit` 1–500. */
export type ListEventsParams = Auth & {
  after?: string;
  types?: AppointmentEventType[];
  companyId?: string;
  appointmentId?: string;
  limit?: number;
};
export type EventPage = { success: true; data: AppointmentEvent[]; nextAfter: string } | { success: false; error: ApiError };

/**
 * The app's data export as it arrives: read `body` once (pipe it to a file, or
 * `new Response(body).arrayBuffer()` for a small app); it is a ZIP named `filename`.
 */
export type DataExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };
import type { WebhookDeliverySchema, WebhookSchema } from "../contract/wire";
import type { WebhookType } from "../contract/webhooks";

export type Webhook = z.output<typeof WebhookSchema>;
export type WebhookDelivery = z.output<typeof WebhookDeliverySchema>;
/** An endpoint with its signing secret: answered by create and rotate-secret only. */
export type WebhookWithSecret = { endpoint: Webhook; secret: string };
export type CreateWebhookParams = Auth & {
  /** HTTPS, absolute, outside private networks. */
  url: string;
  /** Event types, or ["*"] (the default) for all. */
  types?: WebhookType[];
  companyId?: string | null;
  description?: string | null;
  enabled?: boolean;
};
export type EditWebhookParams = ById & Partial<Omit<CreateWebhookParams, keyof Auth>>;
/** `cursor`: the `nextCursor` of the page before (the older deliveries). */
export type ListDeliveriesParams = ById & { limit?: number; cursor?: string };
export type RetryDeliveryParams = ById & { deliveryId: string };
export type DeliveriesResult = { success: true; data: WebhookDelivery[]; nextCursor: string | null } | { success: false; error: ApiError };
export type Slot = z.output<typeof SlotSchema>;
export type AgentSchedule = z.output<typeof AgentScheduleSchema>;
export type CompanyHours = z.output<typeof CompanyHoursSchema>;
export type TimeOff = z.output<typeof TimeOffSchema>;
export type { WeeklyHours, TimeInterval, Weekday } from "../contract/hours";

/** Free starts in [from, to) (31 days at most); `step` minutes, 15 by default. */
export type AvailabilitySearchParams = Auth & AvailabilitySearchInput;
export type SlotPage = { success: true; data: Slot[]; nextFrom: string | null } | { success: false; error: ApiError };
export type EditScheduleParams = ById & AgentScheduleInput;
export type EditHoursParams = ById & CompanyHoursInput;
export type ListTimeOffParams = ById & { from?: string; to?: string };
export type CreateTimeOffParams = ById & TimeOffInput;
export type DeleteTimeOffParams = ById & { timeOffId: string };

// ---------- customer messages ----------
import type { MessageProviderSchema, MessageSchema, MessageSettingsSchema } from "../contract/wire";
import type { MessageChannel, MessageState } from "../contract/messages";
import type { MessageSettingsInput } from "../contract/message-settings";

export type Message = z.output<typeof MessageSchema>;
export type MessageSettings = z.output<typeof MessageSettingsSchema>;
/** A channel's provider: public settings, and only the names of the secrets stored. */
export type MessageProvider = z.output<typeof MessageProviderSchema>;
/** The journal, latest due first; `from`/`to` filter the due time, half-open. */
export type ListMessagesParams = Auth & {
  state?: MessageState[];
  channel?: MessageChannel[];
  companyId?: string;
  appointmentId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
};
export type EditMessageSettingsParams = ById & MessageSettingsInput;
/** Removes the channel's provider and its sealed secrets. */
export type DeleteMessageProviderParams = Auth & { channel: MessageChannel };
/** Settings replace the stored ones when sent; secrets merge by name (an empty one removes it) and never come back. */
export type SetMessageProviderParams = Auth & {
  channel: MessageChannel;
  enabled?: boolean;
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
};
