export { createAppointment } from "./create";
export { getAppointment, listAppointmentEvents, type AppointmentEventView } from "./get";
export { listAppointments, countAppointmentsByStatus, type AppointmentPage } from "./list";
export { updateAppointmentStatus, undoNoShow } from "./update-status";
export { updateAppointmentFields } from "./update-fields";
export type { AppointmentView, AppointmentDetail } from "./shape";
export { companyOverview, type CompanyOverview } from "./overview";
export { rescheduleAppointment, planMove } from "./reschedule";
