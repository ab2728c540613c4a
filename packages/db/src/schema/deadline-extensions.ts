import { bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { requests } from "./requests";

/**
 * Every extension of a request's deadline (GDPR Art. 12(3), CCPA §1798.130(a)(2)): the whole
 * extension after the grant, the reason, and when the requester was told.
 */
export const deadlineExtensions = pgTable(
  "deadline_extensions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    unit: text("unit").notNull(),
    totalAmount: integer("total_amount").notNull(),
    reason: text("reason").notNull(),
    noticeAt: timestamp("notice_at", { withTimezone: true }).notNull(),
    /**
     * How the requester was told (email | post | phone | portal | in_person) and what they were
     * told: the proof that notice was given. Null only on rows from before these were recorded.
     */
    noticeChannel: text("notice_channel"),
    noticeText: text("notice_text"),
    previousDueAt: timestamp("previous_due_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    actor: text("actor").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deadline_extensions_request_idx").on(t.requestId, t.id)],
);
