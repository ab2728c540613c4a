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
ALTER TABLE "inventory_counts" ADD CONSTRAINT "inventory_counts_scan_id_inventory_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."inventory_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_counts" ADD CONSTRAINT "inventory_counts_instance_id_connector_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."connector_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_scan_instances" ADD CONSTRAINT "inventory_scan_instances_scan_id_inventory_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."inventory_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_scan_instances" ADD CONSTRAINT "inventory_scan_instances_instance_id_connector_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."connector_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_counts_instance_idx" ON "inventory_counts" USING btree ("instance_id","counted_at");