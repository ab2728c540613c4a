import type { ConnectorInstanceView, ConnectorType, RetentionRun, RetentionSchedule, RetentionScheduleInput } from "@lethe/contracts";

/** The schedule form's fields, as typed; the API checks them and names any field at fault. */
export interface ScheduleForm {
  name: string;
  /** The connection's id, picked by name. */
  connectorInstance: string;
  recordType: string;
  period: string;
  /** Tags that keep a record, comma-separated (e.g. `consent:quality-training`). */
  keepWhenTagged: string;
}

export function emptyScheduleForm(): ScheduleForm {
  return { name: "", connectorInstance: "", recordType: "", period: "P90D", keepWhenTagged: "" };
}

/** The form filled with a schedule's definition, to change it. */
export function scheduleFormOf(schedule: Pick<RetentionSchedule, "name" | "instanceId" | "recordType" | "period" | "keepWhenTagged">): ScheduleForm {
  return {
    name: schedule.name,
    connectorInstance: schedule.instanceId,
    recordType: schedule.recordType,
    period: schedule.period,
    keepWhenTagged: schedule.keepWhenTagged.join(", "),
  };
}

/** The `POST /retention/schedules` body: trimmed, the keep-tags split on commas, blanks dropped. */
export function scheduleBodyOf(form: ScheduleForm): RetentionScheduleInput {
  return {
    name: form.name.trim(),
    connectorInstance: form.connectorInstance,
    recordType: form.recordType.trim(),
    period: form.period.trim().toUpperCase(),
    action: "erase",
    keepWhenTagged: form.keepWhenTagged
      .split(",")
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ""),
  };
}

/** Connections whose connector can find records by age, with the record types it can. */
export function retentionConnections(
  instances: ReadonlyArray<Pick<ConnectorInstanceView, "id" | "name" | "connectorId">>,
  types: ReadonlyArray<Pick<ConnectorType, "id" | "capabilities">>,
): Array<{ value: string; label: string; recordTypes: string[] }> {
  return [...instances]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((instance) => {
      const retention = types.find((type) => type.id === instance.connectorId)?.capabilities.retention;
      return retention ? [{ value: instance.id, label: `${instance.name} (${instance.connectorId})`, recordTypes: retention.recordTypes }] : [];
    });
}

const units: Array<[RegExp, string]> = [
  [/(\d+)Y/, "year"],
  [/(\d+)M(?![^T]*T)/, "month"],
  [/(\d+)W/, "week"],
  [/(\d+)D/, "day"],
];

/** `P2Y` → "2 years", `P1Y6M` → "1 year 6 months"; anything with a time part is shown as written. */
export function describePeriod(period: string): string {
  if (period.includes("T")) return period;
  const parts = units.flatMap(([pattern, unit]) => {
    const count = Number(pattern.exec(period)?.[1] ?? 0);
    return count > 0 ? [`${count} ${unit}${count === 1 ? "" : "s"}`] : [];
  });
  return parts.length > 0 ? parts.join(" ") : period;
}

/** "erase recording records after 90 days, unless tagged consent:quality-training". */
export function describeSchedule(schedule: Pick<RetentionSchedule, "recordType" | "period" | "keepWhenTagged">): string {
  const keep = schedule.keepWhenTagged.length > 0 ? `, unless tagged ${schedule.keepWhenTagged.join(", ")}` : "";
  return `erase ${schedule.recordType} records after ${describePeriod(schedule.period)}${keep}`;
}

/** The approval state in words: approved (by whom), or waiting — new or changed terms. */
export function approvalState(schedule: Pick<RetentionSchedule, "approval">): "approved" | "waiting for approval" {
  return schedule.approval ? "approved" : "waiting for approval";
}

/** A run's counts in words: "found 7: erase 3, keep 4 — erased 3". */
export function describeCounts(run: Pick<RetentionRun, "counts" | "kind">): string {
  const { counts } = run;
  const head = `found ${counts.found ?? 0}: ${run.kind === "preview" ? "would erase" : "erase"} ${counts.erase ?? 0}, keep ${counts.keep ?? 0}`;
  const outcomes = ["erased", "pending", "retained", "already-absent", "failed"].filter((outcome) => (counts[outcome] ?? 0) > 0);
  return outcomes.length > 0 ? `${head} — ${outcomes.map((outcome) => `${outcome} ${counts[outcome]}`).join(", ")}` : head;
}
