export { assertWithinWorkingHours, type HoursCheck } from "./working-hours";
export { searchAvailability, type AvailabilityAnswer } from "./availability";
export { agentsWorkingTime, calendarHours, type CalendarHours, type WorkingTime } from "./calendar-hours";
export {
  getCompanyHours,
  setCompanyHours,
  getAgentSchedule,
  setAgentSchedule,
  listTimeOff,
  listAgentSchedules,
  createTimeOff,
  deleteTimeOff,
  type CompanyHours,
  type AgentSchedule,
} from "./settings";
