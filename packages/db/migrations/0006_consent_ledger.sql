CREATE TABLE "consent_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"role" text NOT NULL,
	"identifier_hashes" text[] NOT NULL,
	"identifier_hints" jsonb NOT NULL,
	"channel" integer,
	"call_started_at" timestamp with time zone NOT NULL,
	"call_duration_ms" integer NOT NULL,
	"joined_at_ms" integer NOT NULL,
	"left_at_ms" integer,
	"facts" jsonb NOT NULL,
	"region" text NOT NULL,
	"rule" text NOT NULL,
	"disclosed_at_ms" integer,
	"consented_at_ms" integer,
	"capture" text,
	"withdrawn_at_ms" integer,
	"consented" boolean NOT NULL,
	"unconsented" jsonb NOT NULL,
	"reason" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_remediations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ledger_entry_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"action" text NOT NULL,
	"spans" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"receipt" jsonb,
	"held_by" text,
	"error" text,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consent_ledger" ADD CONSTRAINT "consent_ledger_instance_id_connector_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."connector_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_remediations" ADD CONSTRAINT "consent_remediations_ledger_entry_id_consent_ledger_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."consent_ledger"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_remediations" ADD CONSTRAINT "consent_remediations_instance_id_connector_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."connector_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_ledger_participant_unique" ON "consent_ledger" USING btree ("instance_id","record_id","participant_id");--> statement-breakpoint
CREATE INDEX "consent_ledger_gaps_idx" ON "consent_ledger" USING btree ("instance_id","call_started_at") WHERE not "consent_ledger"."consented";--> statement-breakpoint
CREATE INDEX "consent_ledger_hashes_idx" ON "consent_ledger" USING gin ("identifier_hashes");--> statement-breakpoint
CREATE INDEX "consent_remediations_ledger_idx" ON "consent_remediations" USING btree ("ledger_entry_id");