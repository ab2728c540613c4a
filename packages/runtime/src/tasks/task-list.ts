import type { TaskList } from "graphile-worker";
import { createAlertTasks } from "../alerts/alert-tasks";
import { releaseHoldsTaskName } from "../holds/release-holds-job";
import { releaseHoldsTask } from "../holds/release-holds-task";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { confirmTask } from "./confirm-task";
import { consentRemediationTask } from "./consent-remediation-task";
import { consentSyncTask } from "./consent-sync-task";
import { eraseTask } from "./erase-task";
import { exportTask } from "./export-task";
import { finaliseTask } from "./finalise-task";
import { inventoryCountTask } from "./inventory-count-task";
import { taskNames } from "./jobs";
import { locateTask } from "./locate-task";
import { minimiseTask } from "../minimisation/minimise-task";
import { pciSweepTask } from "./pci-sweep-task";
import { rectifyTask } from "./rectify-task";
import { restrictTask } from "./restrict-task";
import { startRequestTask } from "./start-request-task";
import { verifyTask } from "./verify-task";
import { retentionConfirmTask } from "../retention/retention-confirm-task";
import { retentionDailyTask } from "../retention/retention-daily-task";
import { retentionSweepTask } from "../retention/retention-sweep-task";

export function createTaskList(deps: RuntimeDependencies): TaskList {
  return {
    ...createAlertTasks(deps),
    [taskNames.start]: startRequestTask(deps),
    [taskNames.locate]: locateTask(deps),
    [taskNames.export]: exportTask(deps),
    [taskNames.erase]: eraseTask(deps),
    [taskNames.confirm]: confirmTask(deps),
    [taskNames.verify]: verifyTask(deps),
    [taskNames.finalise]: finaliseTask(deps),
    [taskNames.rectify]: rectifyTask(deps),
    [taskNames.restrict]: restrictTask(deps),
    [taskNames.pciSweep]: pciSweepTask(deps),
    [taskNames.inventoryCount]: inventoryCountTask(deps),
    [taskNames.consentSync]: consentSyncTask(deps),
    [taskNames.consentRemediation]: consentRemediationTask(deps),
    [taskNames.minimise]: minimiseTask(deps),
    [releaseHoldsTaskName]: releaseHoldsTask(deps),
    [taskNames.retentionSweep]: retentionSweepTask(deps),
    [taskNames.retentionConfirm]: retentionConfirmTask(deps),
    [taskNames.retentionDaily]: retentionDailyTask(deps),
  };
}
