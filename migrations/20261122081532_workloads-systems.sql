CREATE TABLE "system_assets" (
	"organisation_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "system_assets_system_id_asset_id_pk" PRIMARY KEY("system_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "system_dependencies" (
	"organisation_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"depends_on_id" uuid NOT NULL,
	CONSTRAINT "system_dependencies_system_id_depends_on_id_pk" PRIMARY KEY("system_id","depends_on_id"),
	CONSTRAINT "system_dependencies_not_self_check" CHECK ("system_dependencies"."system_id" <> "system_dependencies"."depends_on_id")
);
--> statement-breakpoint
CREATE TABLE "system_workloads" (
	"organisation_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"workload_id" uuid NOT NULL,
	CONSTRAINT "system_workloads_system_id_workload_id_pk" PRIMARY KEY("system_id","workload_id")
);
--> statement-breakpoint
CREATE TABLE "systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"criticality" text NOT NULL,
	"strategy" text,
	"effort_person_months" numeric(9, 1),
	"rationale" text DEFAULT '' NOT NULL,
	"current_placement" text NOT NULL,
	"target_placement" text,
	"connections" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "systems_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "systems_criticality_check" CHECK ("systems"."criticality" in ('critical', 'high', 'medium', 'low')),
	CONSTRAINT "systems_strategy_check" CHECK ("systems"."strategy" is null or "systems"."strategy" in ('rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate')),
	CONSTRAINT "systems_effort_check" CHECK ("systems"."effort_person_months" is null or "systems"."effort_person_months" >= 0),
	CONSTRAINT "systems_current_placement_check" CHECK ("systems"."current_placement" in ('mainframe', 'on_premises', 'private_cloud', 'public_cloud', 'government_cloud')),
	CONSTRAINT "systems_target_placement_check" CHECK ("systems"."target_placement" is null or "systems"."target_placement" in ('mainframe', 'on_premises', 'private_cloud', 'public_cloud', 'government_cloud')),
	CONSTRAINT "systems_connections_check" CHECK ("systems"."connections" <@ array['vpn', 'dedicated_line', 'api_gateway']::text[])
);
--> statement-breakpoint
CREATE TABLE "workload_assets" (
	"organisation_id" uuid NOT NULL,
	"workload_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "workload_assets_workload_id_asset_id_pk" PRIMARY KEY("workload_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "workloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"motives" text[] DEFAULT '{}'::text[] NOT NULL,
	"category_id" text,
	"impact_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage_x_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk_tolerable" boolean,
	"core_business" boolean DEFAULT false NOT NULL,
	"advantage_theme_id" text,
	"past_priority" text,
	"future_priority" text,
	"stage_x_plan" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "workloads_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "workloads_motives_check" CHECK ("workloads"."motives" <@ array['cost', 'convenience', 'continuity']::text[]),
	CONSTRAINT "workloads_stage_x_kinds_check" CHECK ("workloads"."stage_x_kinds" <@ array['personal', 'sales_customer', 'planning_finance']::text[]),
	CONSTRAINT "workloads_past_priority_check" CHECK ("workloads"."past_priority" is null or "workloads"."past_priority" in ('low', 'medium', 'high')),
	CONSTRAINT "workloads_future_priority_check" CHECK ("workloads"."future_priority" is null or "workloads"."future_priority" in ('low', 'medium', 'high'))
);
--> statement-breakpoint
ALTER TABLE "system_assets" ADD CONSTRAINT "system_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_assets" ADD CONSTRAINT "system_assets_system_fk" FOREIGN KEY ("organisation_id","system_id") REFERENCES "public"."systems"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_dependencies" ADD CONSTRAINT "system_dependencies_system_fk" FOREIGN KEY ("organisation_id","system_id") REFERENCES "public"."systems"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_dependencies" ADD CONSTRAINT "system_dependencies_depends_on_fk" FOREIGN KEY ("organisation_id","depends_on_id") REFERENCES "public"."systems"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_workloads" ADD CONSTRAINT "system_workloads_system_fk" FOREIGN KEY ("organisation_id","system_id") REFERENCES "public"."systems"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_workloads" ADD CONSTRAINT "system_workloads_workload_fk" FOREIGN KEY ("organisation_id","workload_id") REFERENCES "public"."workloads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_assets" ADD CONSTRAINT "workload_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_assets" ADD CONSTRAINT "workload_assets_workload_fk" FOREIGN KEY ("organisation_id","workload_id") REFERENCES "public"."workloads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workloads" ADD CONSTRAINT "workloads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workloads" ADD CONSTRAINT "workloads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workloads" ADD CONSTRAINT "workloads_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "system_assets_org_asset_idx" ON "system_assets" USING btree ("organisation_id","asset_id");--> statement-breakpoint
CREATE INDEX "system_dependencies_org_depends_on_idx" ON "system_dependencies" USING btree ("organisation_id","depends_on_id");--> statement-breakpoint
CREATE INDEX "system_workloads_org_workload_idx" ON "system_workloads" USING btree ("organisation_id","workload_id");--> statement-breakpoint
CREATE UNIQUE INDEX "systems_org_name_key" ON "systems" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "workload_assets_org_asset_idx" ON "workload_assets" USING btree ("organisation_id","asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workloads_org_name_key" ON "workloads" USING btree ("organisation_id",lower("name"));