CREATE TABLE "backup_plan_workloads" (
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"workload_id" uuid NOT NULL,
	CONSTRAINT "backup_plan_workloads_plan_id_workload_id_pk" PRIMARY KEY("plan_id","workload_id")
);
--> statement-breakpoint
CREATE TABLE "backup_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"frequency" text NOT NULL,
	"retention_days" integer NOT NULL,
	"copies" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "backup_plans_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "backup_plans_name_check" CHECK (length("backup_plans"."name") between 1 and 200),
	CONSTRAINT "backup_plans_frequency_check" CHECK ("backup_plans"."frequency" in ('continuous', 'hourly', 'daily', 'weekly', 'monthly')),
	CONSTRAINT "backup_plans_retention_check" CHECK ("backup_plans"."retention_days" between 1 and 36500),
	CONSTRAINT "backup_plans_copies_check" CHECK (jsonb_typeof("backup_plans"."copies") = 'array')
);
--> statement-breakpoint
CREATE TABLE "recovery_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"workload_id" uuid NOT NULL,
	"rto_minutes" integer NOT NULL,
	"rpo_minutes" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "recovery_targets_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "recovery_targets_org_workload_key" UNIQUE("organisation_id","workload_id"),
	CONSTRAINT "recovery_targets_minutes_check" CHECK ("recovery_targets"."rto_minutes" between 0 and 525600 and "recovery_targets"."rpo_minutes" between 0 and 525600)
);
--> statement-breakpoint
CREATE TABLE "restore_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"tested_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"errors" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "restore_tests_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "restore_tests_duration_check" CHECK ("restore_tests"."duration_minutes" between 0 and 525600),
	CONSTRAINT "restore_tests_errors_check" CHECK ("restore_tests"."errors" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bcp_drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"mode" text NOT NULL,
	"disaster_type_id" text NOT NULL,
	"participants" integer,
	"recovery_minutes" integer,
	"findings" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bcp_drills_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "bcp_drills_mode_check" CHECK ("bcp_drills"."mode" in ('emergency', 'power-loss', 'full-stop')),
	CONSTRAINT "bcp_drills_title_check" CHECK (length("bcp_drills"."title") between 1 and 200),
	CONSTRAINT "bcp_drills_findings_check" CHECK (jsonb_typeof("bcp_drills"."findings") = 'array')
);
--> statement-breakpoint
CREATE TABLE "bcp_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"disaster_type_id" text NOT NULL,
	"response" text NOT NULL,
	"owner_department_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bcp_scenarios_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "bcp_scenarios_org_cell_key" UNIQUE("organisation_id","mode","disaster_type_id"),
	CONSTRAINT "bcp_scenarios_mode_check" CHECK ("bcp_scenarios"."mode" in ('emergency', 'power-loss', 'full-stop')),
	CONSTRAINT "bcp_scenarios_status_check" CHECK ("bcp_scenarios"."status" in ('draft', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "corrective_actions" DROP CONSTRAINT "corrective_actions_origin_check";--> statement-breakpoint
ALTER TABLE "backup_plan_workloads" ADD CONSTRAINT "backup_plan_workloads_plan_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."backup_plans"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_plan_workloads" ADD CONSTRAINT "backup_plan_workloads_workload_fk" FOREIGN KEY ("organisation_id","workload_id") REFERENCES "public"."workloads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_plans" ADD CONSTRAINT "backup_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_plans" ADD CONSTRAINT "backup_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_plans" ADD CONSTRAINT "backup_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_targets" ADD CONSTRAINT "recovery_targets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_targets" ADD CONSTRAINT "recovery_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_targets" ADD CONSTRAINT "recovery_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_targets" ADD CONSTRAINT "recovery_targets_workload_fk" FOREIGN KEY ("organisation_id","workload_id") REFERENCES "public"."workloads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_tests" ADD CONSTRAINT "restore_tests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_tests" ADD CONSTRAINT "restore_tests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_tests" ADD CONSTRAINT "restore_tests_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_tests" ADD CONSTRAINT "restore_tests_plan_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."backup_plans"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcp_drills" ADD CONSTRAINT "bcp_drills_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcp_drills" ADD CONSTRAINT "bcp_drills_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcp_drills" ADD CONSTRAINT "bcp_drills_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcp_scenarios" ADD CONSTRAINT "bcp_scenarios_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcp_scenarios" ADD CONSTRAINT "bcp_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcp_scenarios" ADD CONSTRAINT "bcp_scenarios_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcp_scenarios" ADD CONSTRAINT "bcp_scenarios_owner_fk" FOREIGN KEY ("organisation_id","owner_department_id") REFERENCES "public"."departments"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backup_plan_workloads_org_workload_idx" ON "backup_plan_workloads" USING btree ("organisation_id","workload_id");--> statement-breakpoint
CREATE INDEX "restore_tests_org_plan_idx" ON "restore_tests" USING btree ("organisation_id","plan_id","tested_on");--> statement-breakpoint
CREATE INDEX "bcp_drills_org_held_idx" ON "bcp_drills" USING btree ("organisation_id","held_on");--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_origin_check" CHECK ("corrective_actions"."origin" in ('inspection', 'incident', 'dataStore', 'drill', 'other') and ("corrective_actions"."origin" = 'other') = ("corrective_actions"."origin_id" is null));