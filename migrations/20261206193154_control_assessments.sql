CREATE TABLE "control_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"applicable" boolean DEFAULT true NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'notStarted' NOT NULL,
	"owner_department_id" uuid,
	"due_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "control_assessments_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "control_assessments_org_item_key" UNIQUE("organisation_id","item_id"),
	CONSTRAINT "control_assessments_status_check" CHECK ("control_assessments"."status" in ('notStarted', 'inProgress', 'implemented')),
	CONSTRAINT "control_assessments_excluded_check" CHECK ("control_assessments"."applicable" or ("control_assessments"."status" = 'notStarted' and length(btrim("control_assessments"."reason")) > 0))
);
--> statement-breakpoint
ALTER TABLE "control_assessments" ADD CONSTRAINT "control_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_assessments" ADD CONSTRAINT "control_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_assessments" ADD CONSTRAINT "control_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_assessments" ADD CONSTRAINT "control_assessments_owner_fk" FOREIGN KEY ("organisation_id","owner_department_id") REFERENCES "public"."departments"("organisation_id","id") ON DELETE no action ON UPDATE no action;