CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"term_months" integer NOT NULL,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"renewal_months" integer,
	"notice_amount" integer DEFAULT 0 NOT NULL,
	"notice_unit" text DEFAULT 'months' NOT NULL,
	"notice_method" text DEFAULT '' NOT NULL,
	"review" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exit_data_format" text DEFAULT '' NOT NULL,
	"exit_return_days" integer,
	"exit_deletion_certificate" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contracts_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "contracts_term_check" CHECK ("contracts"."term_months" between 1 and 600 and ("contracts"."renewal_months" is null or "contracts"."renewal_months" between 1 and 600)),
	CONSTRAINT "contracts_notice_check" CHECK ("contracts"."notice_unit" in ('days', 'months') and "contracts"."notice_amount" >= 0),
	CONSTRAINT "contracts_exit_days_check" CHECK ("contracts"."exit_return_days" is null or "contracts"."exit_return_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "provider_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"reevaluate_months" integer DEFAULT 12 NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "provider_evaluations_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "provider_evaluations_org_provider_key" UNIQUE("organisation_id","provider_id"),
	CONSTRAINT "provider_evaluations_months_check" CHECK ("provider_evaluations"."reevaluate_months" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reference_item_id" text,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"service_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ismap" text DEFAULT 'none' NOT NULL,
	"ismap_registered_on" date,
	"ismap_list_checked_on" date,
	"msp" boolean DEFAULT false NOT NULL,
	"mss" boolean DEFAULT false NOT NULL,
	"subcontractors" text[] DEFAULT '{}'::text[] NOT NULL,
	"sla_availability_percent" double precision,
	"recovery_time_hours" double precision,
	"support_hours" text DEFAULT 'none' NOT NULL,
	"migration_support" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "providers_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "providers_service_types_check" CHECK ("providers"."service_types" <@ array['saas', 'paas', 'iaas', 'storage']::text[]),
	CONSTRAINT "providers_ismap_check" CHECK ("providers"."ismap" in ('none', 'ismap', 'ismap_liu') and ("providers"."ismap" = 'none' or ("providers"."ismap_registered_on" is not null and "providers"."ismap_list_checked_on" is not null))),
	CONSTRAINT "providers_support_hours_check" CHECK ("providers"."support_hours" in ('none', 'business', 'extended', 'always')),
	CONSTRAINT "providers_sla_check" CHECK ("providers"."sla_availability_percent" is null or "providers"."sla_availability_percent" between 0 and 100),
	CONSTRAINT "providers_recovery_check" CHECK ("providers"."recovery_time_hours" is null or "providers"."recovery_time_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "workload_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"workload_id" uuid NOT NULL,
	"service_type" text,
	"data_in_japan" boolean DEFAULT false NOT NULL,
	"ismap_required" text DEFAULT 'none' NOT NULL,
	"migration_data_kinds" integer,
	"migration_items" integer,
	"migration_volume_gb" double precision,
	"interfaces" text DEFAULT '' NOT NULL,
	"operating_hours" text DEFAULT '' NOT NULL,
	"service_hours_per_day" double precision DEFAULT 24 NOT NULL,
	"service_days_per_year" integer DEFAULT 365 NOT NULL,
	"recovery_hours" double precision,
	"availability_percent" double precision,
	"max_downtime_hours" double precision,
	"downtime_period" text DEFAULT 'year' NOT NULL,
	"terminals" text DEFAULT '' NOT NULL,
	"sites" integer,
	"terminal_count" integer,
	"support" text DEFAULT 'none' NOT NULL,
	"provider_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"judgements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "workload_requirements_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "workload_requirements_org_workload_key" UNIQUE("organisation_id","workload_id"),
	CONSTRAINT "workload_requirements_service_type_check" CHECK ("workload_requirements"."service_type" is null or "workload_requirements"."service_type" in ('saas', 'paas', 'iaas', 'storage')),
	CONSTRAINT "workload_requirements_ismap_check" CHECK ("workload_requirements"."ismap_required" in ('none', 'ismap_liu', 'ismap')),
	CONSTRAINT "workload_requirements_period_check" CHECK ("workload_requirements"."downtime_period" in ('month', 'year')),
	CONSTRAINT "workload_requirements_support_check" CHECK ("workload_requirements"."support" in ('none', 'some', 'most')),
	CONSTRAINT "workload_requirements_availability_check" CHECK ("workload_requirements"."availability_percent" is null or "workload_requirements"."availability_percent" between 0 and 100),
	CONSTRAINT "workload_requirements_hours_check" CHECK ("workload_requirements"."service_hours_per_day" > 0 and "workload_requirements"."service_hours_per_day" <= 24 and "workload_requirements"."service_days_per_year" between 1 and 366)
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_provider_fk" FOREIGN KEY ("organisation_id","provider_id") REFERENCES "public"."providers"("organisation_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_evaluations" ADD CONSTRAINT "provider_evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_evaluations" ADD CONSTRAINT "provider_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_evaluations" ADD CONSTRAINT "provider_evaluations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_evaluations" ADD CONSTRAINT "provider_evaluations_provider_fk" FOREIGN KEY ("organisation_id","provider_id") REFERENCES "public"."providers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_requirements" ADD CONSTRAINT "workload_requirements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_requirements" ADD CONSTRAINT "workload_requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_requirements" ADD CONSTRAINT "workload_requirements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_requirements" ADD CONSTRAINT "workload_requirements_workload_fk" FOREIGN KEY ("organisation_id","workload_id") REFERENCES "public"."workloads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_org_title_key" ON "contracts" USING btree ("organisation_id",lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "providers_org_name_key" ON "providers" USING btree ("organisation_id",lower("name"));