// Every server action the UI calls, in one object the root layout hands to the components
// (components/actions-context.tsx), so components never import from app/.
import { changePasswordAction, signOutAction, switchAppAction } from "./(dashboard)/c/[company]/actions";
import { createAgentAction, editAgentAction, setAgentActiveAction } from "./(dashboard)/c/[company]/agents/actions";
import { bulkStatusAction, changeStatusAction, rescheduleAction, undoNoShowAction } from "./(dashboard)/c/[company]/appointments/actions";
import { createTimeOffAction, deleteTimeOffAction, setAgentScheduleAction, setCompanyHoursAction } from "./(dashboard)/c/[company]/agents/hours-actions";
import {
  createAppointmentAction,
  createCustomerAction as createCustomerInlineAction,
  findSlotsAction,
  searchCustomersAction,
} from "./(dashboard)/c/[company]/appointments/new/actions";
import { createCustomerAction, editCustomerAction } from "./(dashboard)/c/[company]/customers/actions";
import { markReplyReadAction, olderMessagesAction, resendMessageAction } from "./(dashboard)/c/[company]/messages/actions";
import { createServiceAction, editServiceAction, setServiceActiveAction } from "./(dashboard)/c/[company]/services/actions";
import {
  addMemberAction,
  createApiKeyAction,
  createCompanyAction,
  editCompanyAction,
  editMemberAction,
  removeMemberAction,
  resetMemberPasswordAction,
  revokeApiKeyAction,
  setDefaultCompanyAction,
} from "./(dashboard)/c/[company]/settings/actions";
import {
  createWebhookAction,
  deleteWebhookAction,
  editWebhookAction,
  retryWebhookDeliveryAction,
  rotateWebhookSecretAction,
  testWebhookAction,
  webhookDeliveriesAction,
} from "./(dashboard)/c/[company]/settings/webhooks/actions";
import { deleteMessageProviderAction, saveMessageSettingsAction, setMessageProviderAction } from "./(dashboard)/c/[company]/settings/messages/actions";
import { setLocaleAction } from "./actions";

export const actionsRegistry = {
  setLocale: setLocaleAction,
  signOut: signOutAction,
  switchApp: switchAppAction,
  changePassword: changePasswordAction,
  changeStatus: changeStatusAction,
  bulkStatus: bulkStatusAction,
  reschedule: rescheduleAction,
  undoNoShow: undoNoShowAction,
  createAppointment: createAppointmentAction,
  searchCustomers: searchCustomersAction,
  findSlots: findSlotsAction,
  createCustomerInline: createCustomerInlineAction,
  createCustomer: createCustomerAction,
  editCustomer: editCustomerAction,
  resendMessage: resendMessageAction,
  markReplyRead: markReplyReadAction,
  olderMessages: olderMessagesAction,
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
  resetMemberPassword: resetMemberPasswordAction,
  createApiKey: createApiKeyAction,
  revokeApiKey: revokeApiKeyAction,
  createWebhook: createWebhookAction,
  editWebhook: editWebhookAction,
  deleteWebhook: deleteWebhookAction,
  rotateWebhookSecret: rotateWebhookSecretAction,
  testWebhook: testWebhookAction,
  webhookDeliveries: webhookDeliveriesAction,
  retryWebhookDelivery: retryWebhookDeliveryAction,
  saveMessageSettings: saveMessageSettingsAction,
  setMessageProvider: setMessageProviderAction,
  deleteMessageProvider: deleteMessageProviderAction,
};

type Registry = typeof actionsRegistry;

declare module "@/components/actions-context" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DashboardActions extends Registry {}
}
