import type { TaskList } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { deliverWebhookTask } from "../webhooks/deliver-webhook-task";
import { webhookTaskNames } from "../webhooks/webhook-jobs";
import { deadlineAlertsTask, deadlineAlertsTaskName } from "./deadline-alerts-task";

/** The deadline sweep and webhook deliveries, for the worker's task list. */
export function createAlertTasks(deps: RuntimeDependencies): TaskList {
  return {
    [deadlineAlertsTaskName]: deadlineAlertsTask(deps),
    [webhookTaskNames.deliver]: deliverWebhookTask(deps),
  };
}
