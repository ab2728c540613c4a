CREATE TABLE "inventory_counts" (
	"scan_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"count" bigint NOT NULL,
	"exact" boolean NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_counts_scan_id_instance_id_record_type_pk" PRIMARY KEY("scan_id","instance_id","record_type")
);
--> statement-breakpoint
CREATE TABLE "inventory_scan_instances" (
	"scan_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"finished_at" timestamp with time zone,
	CONSTRAINT "inventory_scan_instances_scan_id_instance_id_pk" PRIMARY KEY("scan_id","instance_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"preview_run_id" uuid NOT NULL,
	"approved_by" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_run_items" (
	"run_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"label" text,
	"occurred_at" timestamp with time zone,
	"action" text NOT NULL,
	"keep_reason" text,
	"hold_id" uuid,
	"outcome" text,
	"detail" text,
	"pending" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"connector_id" text NOT NULL,
	"connector_version" text NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confirm_rounds" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "retention_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"instance_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"period" text NOT NULL,
	"action" text NOT NULL,
	"keep_when_tagged" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_schedules_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "inventory_counts" ADD CONSTRAINT "inventory_counts_scan_id_inventory_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."inventory_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_counts" ADD CONSTRAINT "inventory_counts_instance_id_connector_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."connector_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_scan_instances" ADD CONSTRAINT "inventory_scan_instances_scan_id_inventory_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."inventory_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_scan_instances" ADD CONSTRAINT "inventory_scan_instances_instance_id_connector_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."connector_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_approvals" ADD CONSTRAINT "retention_approvals_schedule_id_retention_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."retention_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run_items" ADD CONSTRAINT "retention_run_items_run_id_retention_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retention_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_schedule_id_retention_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."retention_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_schedules" ADD CONSTRAINT "retention_schedules_instance_id_connector_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."connector_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_counts_instance_idx" ON "inventory_counts" USING btree ("instance_id","counted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_approvals_schedule_fingerprint" ON "retention_approvals" USING btree ("schedule_id","fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_run_items_record" ON "retention_run_items" USING btree ("run_id","record_type","record_id");--> statement-breakpoint
CREATE INDEX "retention_runs_schedule" ON "retention_runs" USING btree ("schedule_id","started_at");