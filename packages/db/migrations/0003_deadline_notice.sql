ALTER TABLE "deadline_extensions" ADD COLUMN "notice_channel" text;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD COLUMN "notice_text" text;