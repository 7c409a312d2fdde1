CREATE TABLE "asset_import_issues" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"row_number" integer,
	"field" text,
	"header" text,
	"code" text NOT NULL,
	"params" jsonb,
	CONSTRAINT "asset_import_issues_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "asset_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"content" "bytea",
	"headers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text NOT NULL,
	"phase" text,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"row_count" integer,
	"error_count" integer DEFAULT 0 NOT NULL,
	"preview" jsonb,
	"problem" jsonb,
	"committed_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "asset_imports_status_check" CHECK ("asset_imports"."status" in ('uploaded', 'validating', 'validated', 'committing', 'committed', 'failed', 'cancelled')),
	CONSTRAINT "asset_imports_format_check" CHECK ("asset_imports"."format" in ('csv', 'xlsx'))
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"medium" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"records" bigint NOT NULL,
	"rank" text NOT NULL,
	"unit_value_yen" bigint NOT NULL,
	"total_value_yen" numeric(40, 0) GENERATED ALWAYS AS (("records"::numeric * "unit_value_yen"::numeric)) STORED,
	"asset_class_id" text,
	"information_group_id" text,
	"risk_category_id" text,
	"sensitivity" text,
	"confidentiality" text,
	"contains_personal_data" boolean DEFAULT false NOT NULL,
	"current_placement" text DEFAULT 'on_premises' NOT NULL,
	"current_provider_id" uuid,
	"planned_placement" text,
	"planned_provider_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower("name" || ' ' || "content" || ' ' || "location" || ' ' || "notes")) STORED,
	"created_by_import_id" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assets_medium_check" CHECK ("assets"."medium" in ('electronic', 'paper', 'other')),
	CONSTRAINT "assets_rank_check" CHECK ("assets"."rank" in ('A', 'B', 'C')),
	CONSTRAINT "assets_records_check" CHECK ("assets"."records" >= 0),
	CONSTRAINT "assets_unit_value_check" CHECK ("assets"."unit_value_yen" >= 0),
	CONSTRAINT "assets_sensitivity_check" CHECK ("assets"."sensitivity" is null or "assets"."sensitivity" in ('basic', 'sensitive', 'exceptional')),
	CONSTRAINT "assets_confidentiality_check" CHECK ("assets"."confidentiality" is null or "assets"."confidentiality" in ('high', 'medium', 'low')),
	CONSTRAINT "assets_current_placement_check" CHECK ("assets"."current_placement" in ('on_premises', 'cloud')),
	CONSTRAINT "assets_planned_placement_check" CHECK ("assets"."planned_placement" is null or "assets"."planned_placement" in ('on_premises', 'cloud'))
);
--> statement-breakpoint
ALTER TABLE "asset_import_issues" ADD CONSTRAINT "asset_import_issues_import_id_asset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."asset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_created_by_import_id_asset_imports_id_fk" FOREIGN KEY ("created_by_import_id") REFERENCES "public"."asset_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_imports_org_created_idx" ON "asset_imports" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_org_name_key" ON "assets" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "assets_org_name_id_idx" ON "assets" USING btree ("organisation_id","name","id");--> statement-breakpoint
CREATE INDEX "assets_org_rank_id_idx" ON "assets" USING btree ("organisation_id","rank","id");--> statement-breakpoint
CREATE INDEX "assets_org_records_id_idx" ON "assets" USING btree ("organisation_id","records","id");--> statement-breakpoint
CREATE INDEX "assets_org_unit_value_id_idx" ON "assets" USING btree ("organisation_id","unit_value_yen","id");--> statement-breakpoint
CREATE INDEX "assets_org_total_value_id_idx" ON "assets" USING btree ("organisation_id","total_value_yen","id");--> statement-breakpoint
CREATE INDEX "assets_org_updated_id_idx" ON "assets" USING btree ("organisation_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "assets_org_owner_idx" ON "assets" USING btree ("organisation_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "assets_org_class_idx" ON "assets" USING btree ("organisation_id","asset_class_id");--> statement-breakpoint
CREATE INDEX "assets_org_group_idx" ON "assets" USING btree ("organisation_id","information_group_id");--> statement-breakpoint
CREATE INDEX "assets_import_idx" ON "assets" USING btree ("created_by_import_id");