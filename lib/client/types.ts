// The client's types, derived from the domain's own input schemas and answer types. Type-only
// imports: erased at compile time, so the client needs nothing but fetch at run time.
import type {
  CreateAppointmentInput,
  ListAppointmentsInput,
  UpdateFieldsInput,
  UpdateStatusInput,
} from "../appointments/schemas";
import type { AppointmentDetail, AppointmentView } from "../appointments/shape";
import type { AppointmentStatus } from "../appointments/status";
import type { AgentView } from "../catalog/agents";
import type { CompanyView } from "../catalog/companies";
import type { CustomerView } from "../catalog/customers";
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
} from "../catalog/schemas";
import type { ServiceView } from "../catalog/services";
import type { ErrorCode } from "../errors";

/** A value as it comes out of JSON: dates are ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type { AppointmentStatus };
/** Statuses are accepted upper case or in the REST dialect's camelCase; answers are upper case. */
export type StatusWord = AppointmentStatus | "pending" | "confirmed" | "inProgress" | "completed" | "cancelled";

export type Appointment = Wire<AppointmentView>;
export type AppointmentDetails = Wire<AppointmentDetail>;
export type Company = Wire<CompanyView>;
export type Service = Wire<ServiceView>;
export type Agent = Wire<AgentView>;
export type Customer = Wire<CustomerView>;

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

export type { AppointmentEvent, AppointmentEventType, EventChange } from "../appointments/event-types";
import type { AppointmentEvent, AppointmentEventType } from "../appointments/event-types";

/** The feed after an id (the last one seen), oldest first; `limit` 1–500. */
export type ListEventsParams = Auth & {
  after?: string;
  types?: AppointmentEventType[];
  companyId?: string;
  appointmentId?: string;
  limit?: number;
};
export type EventPage = { success: true; data: AppointmentEvent[]; nextAfter: string } | { success: false; error: ApiError };
