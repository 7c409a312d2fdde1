CREATE TABLE "inspection_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_completions_result_check" CHECK ("inspection_completions"."result" in ('ok', 'findings'))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"catalog_item_id" text,
	"unit" text DEFAULT 'months' NOT NULL,
	"every" integer DEFAULT 3 NOT NULL,
	"starts_on" date NOT NULL,
	"owner_user_id" uuid,
	"remind_days_before" integer DEFAULT 7 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspections_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "inspections_schedule_check" CHECK ("inspections"."unit" in ('weeks', 'months') and "inspections"."every" between 1 and 60 and "inspections"."remind_days_before" between 0 and 90)
);
--> statement-breakpoint
CREATE TABLE "reminder_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"items" jsonb NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"user_id" uuid NOT NULL,
	"digest_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_completions" ADD CONSTRAINT "inspection_completions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_completions" ADD CONSTRAINT "inspection_completions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_completions" ADD CONSTRAINT "inspection_completions_inspection_fk" FOREIGN KEY ("organisation_id","inspection_id") REFERENCES "public"."inspections"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_digests" ADD CONSTRAINT "reminder_digests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sends" ADD CONSTRAINT "reminder_sends_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sends" ADD CONSTRAINT "reminder_sends_inspection_fk" FOREIGN KEY ("organisation_id","inspection_id") REFERENCES "public"."inspections"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_completions_due_key" ON "inspection_completions" USING btree ("organisation_id","inspection_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_org_title_key" ON "inspections" USING btree ("organisation_id",lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_digests_day_key" ON "reminder_digests" USING btree ("organisation_id","user_id","day");--> statement-breakpoint
CREATE INDEX "reminder_digests_org_idx" ON "reminder_digests" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_sends_key" ON "reminder_sends" USING btree ("organisation_id","inspection_id","due_on","user_id");