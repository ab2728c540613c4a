DROP INDEX "requests_due_idx";--> statement-breakpoint
CREATE INDEX "requests_received_idx" ON "requests" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "requests_due_idx" ON "requests" USING btree ("due_at","id");