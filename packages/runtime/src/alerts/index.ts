export { raiseDeadlineAlerts, defaultDueSoonDays, type RaisedDeadlineAlert } from "./raise-deadline-alerts";
export { deadlineAlertsTaskName, defaultDeadlineAlertsSchedule } from "./deadline-alerts-task";
