CREATE TABLE "cost_actual_import_issues" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"row_number" integer,
	"field" text,
	"header" text,
	"severity" text DEFAULT 'error' NOT NULL,
	"code" text NOT NULL,
	"params" jsonb,
	CONSTRAINT "cost_actual_import_issues_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "cost_actual_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"content" "bytea",
	"prepared" "bytea",
	"headers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text NOT NULL,
	"phase" text,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"row_count" integer,
	"error_count" integer DEFAULT 0 NOT NULL,
	"notice_count" integer DEFAULT 0 NOT NULL,
	"new_departments" jsonb,
	"preview" jsonb,
	"problem" jsonb,
	"committed_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cost_actual_imports_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "cost_actual_imports_status_check" CHECK ("cost_actual_imports"."status" in ('uploaded', 'validating', 'validated', 'committing', 'committed', 'failed', 'cancelled')),
	CONSTRAINT "cost_actual_imports_format_check" CHECK ("cost_actual_imports"."format" in ('csv', 'xlsx'))
);
--> statement-breakpoint
CREATE TABLE "cost_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"amount_yen" bigint NOT NULL,
	"description" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by_import_id" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cost_actuals_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "cost_actuals_category_check" CHECK ("cost_actuals"."category" in ('initial', 'running', 'hidden')),
	CONSTRAINT "cost_actuals_month_check" CHECK (extract(day from "cost_actuals"."month") = 1),
	CONSTRAINT "cost_actuals_amount_check" CHECK ("cost_actuals"."amount_yen" between -10000000000000 and 10000000000000),
	CONSTRAINT "cost_actuals_description_check" CHECK (length("cost_actuals"."description") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD COLUMN "adopted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD COLUMN "plan_start_month" date;--> statement-breakpoint
ALTER TABLE "cost_actual_import_issues" ADD CONSTRAINT "cost_actual_import_issues_import_fk" FOREIGN KEY ("organisation_id","import_id") REFERENCES "public"."cost_actual_imports"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_actual_imports" ADD CONSTRAINT "cost_actual_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_actual_imports" ADD CONSTRAINT "cost_actual_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_actuals" ADD CONSTRAINT "cost_actuals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_actuals" ADD CONSTRAINT "cost_actuals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_actuals" ADD CONSTRAINT "cost_actuals_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_actuals" ADD CONSTRAINT "cost_actuals_created_by_import_fk" FOREIGN KEY ("organisation_id","created_by_import_id") REFERENCES "public"."cost_actual_imports"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cost_actual_imports_org_created_idx" ON "cost_actual_imports" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "cost_actuals_org_month_idx" ON "cost_actuals" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "cost_scenarios_org_adopted_key" ON "cost_scenarios" USING btree ("organisation_id") WHERE "cost_scenarios"."adopted";--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD CONSTRAINT "cost_scenarios_stage_check" CHECK ("cost_scenarios"."stage" is null or "cost_scenarios"."stage" in ('1', '2', '3', '4'));--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD CONSTRAINT "cost_scenarios_adopted_check" CHECK (not "cost_scenarios"."adopted" or ("cost_scenarios"."kind" = 'cloud' and "cost_scenarios"."plan_start_month" is not null));--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD CONSTRAINT "cost_scenarios_plan_month_check" CHECK ("cost_scenarios"."plan_start_month" is null or extract(day from "cost_scenarios"."plan_start_month") = 1);