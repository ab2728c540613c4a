import { z } from "zod";
import { idSchema, timestampSchema } from "./common";
import { requestStatusSchema } from "./requests";

/** `GET /api/v1/dashboard/metrics?weeks=12`: how many weeks back (the current one included). */
export const dashboardMetricsQuerySchema = z
  .object({ weeks: z.coerce.number().int().min(1).max(104).default(12) })
  .strict();
export type DashboardMetricsQuery = z.input<typeof dashboardMetricsQuerySchema>;

/** One reporting week (Monday 00:00 UTC to the next Monday). Counts only, never a subject's data. */
export const dashboardWeekSchema = z
  .object({
    weekStart: timestampSchema,
    received: z.number().int().nonnegative(),
    closed: z.number().int().nonnegative(),
    closedOnTime: z.number().int().nonnegative(),
    /** closedOnTime / closed; null when nothing was closed that week. */
    onTimeRate: z.number().min(0).max(1).nullable(),
    /** Open and past their due date at the week's end (now, for the running week). */
    overdue: z.number().int().nonnegative(),
  })
  .strict();
export type DashboardWeek = z.infer<typeof dashboardWeekSchema>;

export const dashboardMetricsSchema = z
  .object({
    generatedAt: timestampSchema,
    /** Oldest first; the last is the running week. */
    weeks: z.array(dashboardWeekSchema),
    openByStatus: z.array(z.object({ status: requestStatusSchema, count: z.number().int().nonnegative() }).strict()),
    /** Open requests with work on each connection (a request counts once per connection). */
    openBySystem: z.array(
      z
        .object({ instanceId: idSchema, name: z.string(), connectorId: z.string(), count: z.number().int().nonnegative() })
        .strict(),
    ),
  })
  .strict();
export type DashboardMetrics = z.infer<typeof dashboardMetricsSchema>;
