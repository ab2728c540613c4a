import type { RetentionRun, RetentionRunDetail, RetentionSchedule, RetentionScheduleInput } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

/** Retention schedules and their runs: every role reads them; changing, previewing, approving and running needs `retention:manage`. */
export const useRetentionStore = defineStore("retention", () => {
  const schedules = ref<RetentionSchedule[]>([]);
  const runs = ref<RetentionRun[]>([]);

  async function load(): Promise<void> {
    const [scheduleList, runList] = await Promise.all([callApi("getRetentionSchedules", {}), callApi("getRetentionRuns", {})]);
    schedules.value = scheduleList.schedules;
    runs.value = runList.runs;
  }

  function replace(schedule: RetentionSchedule): void {
    const others = schedules.value.filter((existing) => existing.id !== schedule.id);
    schedules.value = [...others, schedule].sort((a, b) => a.name.localeCompare(b.name));
  }

  async function create(body: RetentionScheduleInput): Promise<RetentionSchedule> {
    const { schedule } = await callApi("postRetentionSchedule", { body });
    replace(schedule);
    return schedule;
  }

  async function update(id: string, body: RetentionScheduleInput): Promise<RetentionSchedule> {
    const { schedule } = await callApi("patchRetentionSchedule", { params: { id }, body });
    replace(schedule);
    return schedule;
  }

  async function remove(id: string): Promise<void> {
    await callApi("deleteRetentionSchedule", { params: { id } });
    schedules.value = schedules.value.filter((schedule) => schedule.id !== id);
  }

  async function preview(scheduleId: string): Promise<RetentionRunDetail> {
    const detail = await callApi("postRetentionPreview", { body: { scheduleId, sampleSize: 20 } });
    runs.value = [detail.run, ...runs.value];
    return detail;
  }

  async function approve(scheduleId: string, previewRunId: string): Promise<RetentionSchedule> {
    const { schedule } = await callApi("postRetentionApproval", { body: { scheduleId, previewRunId } });
    replace(schedule);
    return schedule;
  }

  async function run(scheduleId: string): Promise<RetentionRun> {
    const started = await callApi("postRetentionRun", { body: { scheduleId } });
    runs.value = [started, ...runs.value.filter((existing) => existing.id !== started.id)];
    return started;
  }

  async function detail(runId: string): Promise<RetentionRunDetail> {
    const found = await callApi("getRetentionRun", { params: { id: runId } });
    runs.value = runs.value.map((existing) => (existing.id === runId ? found.run : existing));
    return found;
  }

  return { schedules, runs, load, create, update, remove, preview, approve, run, detail };
});
