// Every server action the UI calls, in one object the root layout hands to the components
// (components/actions-context.tsx), so components never import from app/.
import { changePasswordAction, signOutAction, switchAppAction } from "./(dashboard)/c/[company]/actions";
import { createAgentAction, editAgentAction, setAgentActiveAction } from "./(dashboard)/c/[company]/agents/actions";
import { createTimeOffAction, deleteTimeOffAction, setAgentScheduleAction, setCompanyHoursAction } from "./(dashboard)/c/[company]/agents/hours-actions";
import { bulkStatusAction, changeStatusAction } from "./(dashboard)/c/[company]/appointments/actions";
import {
  createAppointmentAction,
  createCustomerAction as createCustomerInlineAction,
  findSlotsAction,
  searchCustomersAction,
} from "./(dashboard)/c/[company]/appointments/new/actions";
import { createCustomerAction, editCustomerAction } from "./(dashboard)/c/[company]/customers/actions";
import { createServiceAction, editServiceAction, setServiceActiveAction } from "./(dashboard)/c/[company]/services/actions";
import {
  addMemberAction,
  createApiKeyAction,
  createCompanyAction,
  editCompanyAction,
  editMemberAction,
  removeMemberAction,
  revokeApiKeyAction,
  setDefaultCompanyAction,
} from "./(dashboard)/c/[company]/settings/actions";
import { setLocaleAction } from "./actions";

export const actionsRegistry = {
  setLocale: setLocaleAction,
  signOut: signOutAction,
  switchApp: switchAppAction,
  changePassword: changePasswordAction,
  changeStatus: changeStatusAction,
  bulkStatus: bulkStatusAction,
  createAppointment: createAppointmentAction,
  searchCustomers: searchCustomersAction,
  findSlots: findSlotsAction,
  createCustomerInline: createCustomerInlineAction,
  createCustomer: createCustomerAction,
  editCustomer: editCustomerAction,
  createService: createServiceAction,
  editService: editServiceAction,
  setServiceActive: setServiceActiveAction,
  createAgent: createAgentAction,
  editAgent: editAgentAction,
  setAgentActive: setAgentActiveAction,
  setAgentSchedule: setAgentScheduleAction,
  createTimeOff: createTimeOffAction,
  deleteTimeOff: deleteTimeOffAction,
  setCompanyHours: setCompanyHoursAction,
  createCompany: createCompanyAction,
  editCompany: editCompanyAction,
  setDefaultCompany: setDefaultCompanyAction,
  addMember: addMemberAction,
  editMember: editMemberAction,
  removeMember: removeMemberAction,
  createApiKey: createApiKeyAction,
  revokeApiKey: revokeApiKeyAction,
};

type Registry = typeof actionsRegistry;

declare module "@/components/actions-context" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DashboardActions extends Registry {}
}
