import path from "node:path";
import type { Command } from "commander";
import type { RetentionRunDetail, RetentionSchedule } from "@lethe/contracts";
import { listRetentionRuns } from "@lethe/db";
import {
  approveRetention,
  createOutboundGuard,
  InvalidRetentionScheduleError,
  listRetentionScheduleViews,
  previewRetention,
  RetentionNotApprovedError,
  RetentionPreviewMismatchError,
  startRetentionSweep,
  type RuntimeDependencies,
} from "@lethe/runtime";
import { createConsoleLog } from "../console-log";
import { readEnvironment, type LetheEnvironment } from "../env";
import { openLethe, type LetheHandle } from "../open-lethe";
import { parsePositiveInteger } from "../parse-options";
import { UsageError } from "../report-failure";
import { applyRetentionFile, describeSync } from "../retention-file";

/**
 * `lethe retention list|sync|preview|approve|run`: retention schedules as code
 * (docs/retention-schedules.md). The checked-in file is applied first by every subcommand, so what
 * they show and run is what the file says.
 */
export function registerRetentionCommands(program: Command): void {
  const retention = program.command("retention").description("Retention schedules: erase what is past its period, once a person approved the terms.");

  retention
    .command("sync")
    .description("Apply the retention file (LETHE_RETENTION_FILE or ./lethe.retention.json): the file wins over the console.")
    .action(async () => {
      await withLethe(async (env, lethe) => {
        const sync = await applyRetentionFile(env, lethe);
        console.log(sync ? describeSync(sync) : `no retention file at ${env.retentionFile.path}`);
      });
    });

  retention
    .command("list")
    .option("--json", "print JSON")
    .description("List schedules with their terms and whether those terms are approved.")
    .action(async (options: { json?: boolean }) => {
      await withLethe(async (_env, lethe) => {
        const schedules = await listRetentionScheduleViews(lethe.database.db);
        if (options.json) console.log(JSON.stringify(schedules, null, 2));
        else if (schedules.length === 0) console.log("no retention schedules");
        else for (const schedule of schedules) console.log(formatSchedule(schedule));
      });
    });

  for (const name of ["preview", "dry-run"]) {
    retention
      .command(name)
      .argument("<schedule>", "schedule name or id")
      .option("--samples <n>", "records of each action to list", "10")
      .option("--json", "print JSON")
      .description("Dry run: what the schedule would erase and keep now, through the connector; nothing is changed.")
      .action(async (scheduleName: string, options: { samples: string; json?: boolean }) => {
        const sampleSize = parsePositiveInteger("--samples", options.samples);
        await withLethe(async (env, lethe) => {
          const schedule = await findSchedule(lethe, scheduleName);
          const preview = await previewRetention(runtimeDependencies(env, lethe), { scheduleId: schedule.id, actor: "cli", sampleSize });
          if (options.json) console.log(JSON.stringify(preview, null, 2));
          else console.log(formatPreview(schedule, preview));
          if (preview.run.status === "failed") process.exitCode = 1;
        });
      });
  }

  retention
    .command("approve")
    .argument("<schedule>", "schedule name or id")
    .option("--preview <runId>", "the preview whose terms you approve (default: the latest completed preview of the current terms)")
    .description("Approve the schedule's current terms, as a preview showed them; the daily sweep then runs it.")
    .action(async (scheduleName: string, options: { preview?: string }) => {
      await withLethe(async (_env, lethe) => {
        const schedule = await findSchedule(lethe, scheduleName);
        const previewRunId = options.preview ?? (await latestPreviewOf(lethe, schedule));
        try {
          const approved = await approveRetention(lethe.database, { scheduleId: schedule.id, previewRunId, actor: "cli" });
          console.log(`approved "${approved.name}" (terms ${approved.fingerprint.slice(0, 12)}…, preview ${previewRunId})`);
        } catch (error) {
          if (error instanceof RetentionPreviewMismatchError) throw new UsageError(error.message);
          throw error;
        }
      });
    });

  retention
    .command("run")
    .argument("<schedule>", "schedule name or id")
    .description("Sweep an approved schedule now (the worker erases); refused while its terms are not approved.")
    .action(async (scheduleName: string) => {
      await withLethe(async (env, lethe) => {
        const schedule = await findSchedule(lethe, scheduleName);
        try {
          const run = await startRetentionSweep({ database: lethe.database, registry: lethe.registry }, { scheduleId: schedule.id, actor: "cli" });
          console.log(`sweep ${run.id} of "${schedule.name}" ${run.status}; records before ${run.cutoff} that nothing keeps will be erased by the worker`);
          console.log(`follow it: ${env.commandPrefix}lethe retention list, or GET /api/v1/retention/runs/${run.id}`);
        } catch (error) {
          if (error instanceof RetentionNotApprovedError) throw new UsageError(error.message);
          throw error;
        }
      });
    });
}

async function withLethe(action: (env: LetheEnvironment, lethe: LetheHandle) => Promise<void>): Promise<void> {
  const env = readEnvironment();
  const lethe = await openLethe(env);
  try {
    await applyRetentionFile(env, lethe);
    await action(env, lethe);
  } catch (error) {
    if (error instanceof InvalidRetentionScheduleError) throw new UsageError(`retention file: ${error.message}`);
    throw error;
  } finally {
    await lethe.close();
  }
}

function runtimeDependencies(env: LetheEnvironment, lethe: LetheHandle): RuntimeDependencies {
  return {
    database: lethe.database,
    registry: lethe.registry,
    secretBox: lethe.secretBox,
    exportDirectory: path.join(env.home, "exports"),
    log: createConsoleLog(env.logLevel),
    logLevel: "info",
    outbound: createOutboundGuard({ allow: env.outboundAllow }),
    policy: env.enginePolicy,
  };
}

async function findSchedule(lethe: LetheHandle, nameOrId: string): Promise<RetentionSchedule> {
  const schedules = await listRetentionScheduleViews(lethe.database.db);
  const schedule = schedules.find((candidate) => candidate.id === nameOrId) ?? schedules.find((candidate) => candidate.name === nameOrId);
  if (!schedule) throw new UsageError(`no retention schedule is named or has the id "${nameOrId}"`);
  return schedule;
}

async function latestPreviewOf(lethe: LetheHandle, schedule: RetentionSchedule): Promise<string> {
  const previews = await listRetentionRuns(lethe.database.db, { scheduleId: schedule.id, kind: "preview" });
  const current = previews.find((run) => run.status === "completed" && run.fingerprint === schedule.fingerprint);
  if (!current) throw new UsageError(`"${schedule.name}" has no completed preview of its current terms: run lethe retention preview "${schedule.name}" first`);
  return current.id;
}

function formatSchedule(schedule: RetentionSchedule): string {
  const keep = schedule.keepWhenTagged.length > 0 ? ` unless tagged ${schedule.keepWhenTagged.join(", ")}` : "";
  const approval = schedule.approval ? `approved by ${schedule.approval.approvedBy}` : "waiting for approval";
  return `${schedule.name}: ${schedule.recordType} on ${schedule.instanceName}, ${schedule.action} after ${schedule.period}${keep} (${schedule.source === "file" ? "from file" : "console"}; ${approval})`;
}

function formatPreview(schedule: RetentionSchedule, preview: RetentionRunDetail): string {
  const { run } = preview;
  if (run.status === "failed") return `preview of "${schedule.name}" failed: ${run.error ?? "unknown error"}`;
  const lines = [
    `preview ${run.id} of "${schedule.name}" (${run.connectorId} ${run.connectorVersion}): records before ${run.cutoff}`,
    `  found ${run.counts.found ?? 0}: would erase ${run.counts.erase ?? 0}, keep ${run.counts.keep ?? 0}`,
    ...preview.items.map((item) =>
      item.action === "erase" ? `  erase ${item.recordType}/${item.recordId} ${item.label ?? ""}` : `  kept: ${item.keepReason ?? ""} — ${item.recordType}/${item.recordId} ${item.label ?? ""}`,
    ),
    ...(preview.sampled ? ["  (samples only; the counts cover every record)"] : []),
    schedule.approval?.fingerprint === run.fingerprint ? "  these terms are approved" : `  approve: lethe retention approve "${schedule.name}" --preview ${run.id}`,
  ];
  return lines.join("\n");
}
