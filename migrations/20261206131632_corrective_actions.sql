CREATE TABLE "corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"origin" text DEFAULT 'other' NOT NULL,
	"origin_id" uuid,
	"origin_title" text DEFAULT '' NOT NULL,
	"phase" text DEFAULT 'plan' NOT NULL,
	"owner_user_id" uuid,
	"due_on" date,
	"plan" text DEFAULT '' NOT NULL,
	"done_note" text DEFAULT '' NOT NULL,
	"check_note" text DEFAULT '' NOT NULL,
	"effective" boolean,
	"act_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "corrective_actions_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "corrective_actions_phase_check" CHECK ("corrective_actions"."phase" in ('plan', 'do', 'check', 'act', 'closed')),
	CONSTRAINT "corrective_actions_origin_check" CHECK ("corrective_actions"."origin" in ('inspection', 'incident', 'other') and ("corrective_actions"."origin" = 'other') = ("corrective_actions"."origin_id" is null))
);
--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrective_actions_origin_idx" ON "corrective_actions" USING btree ("organisation_id","origin","origin_id");