CREATE TABLE "cost_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"initial_yen" bigint NOT NULL,
	"running_yen_per_year" bigint NOT NULL,
	"hidden_yen_per_year" bigint NOT NULL,
	"reserved_share_percent" integer DEFAULT 0 NOT NULL,
	"reserved_discount_percent" integer DEFAULT 0 NOT NULL,
	"years" integer DEFAULT 5 NOT NULL,
	"discount_rate_percent" double precision DEFAULT 3 NOT NULL,
	"risk_reduction_source" text DEFAULT 'none' NOT NULL,
	"risk_reduction_yen_per_year" bigint DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cost_scenarios_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "cost_scenarios_kind_check" CHECK ("cost_scenarios"."kind" in ('baseline', 'cloud')),
	CONSTRAINT "cost_scenarios_name_check" CHECK (length("cost_scenarios"."name") between 1 and 200),
	CONSTRAINT "cost_scenarios_yen_check" CHECK ("cost_scenarios"."initial_yen" >= 0 and "cost_scenarios"."running_yen_per_year" >= 0 and "cost_scenarios"."hidden_yen_per_year" >= 0 and "cost_scenarios"."risk_reduction_yen_per_year" >= 0),
	CONSTRAINT "cost_scenarios_reserved_check" CHECK ("cost_scenarios"."reserved_share_percent" between 0 and 100 and "cost_scenarios"."reserved_discount_percent" between 0 and 75),
	CONSTRAINT "cost_scenarios_horizon_check" CHECK ("cost_scenarios"."years" between 1 and 10 and "cost_scenarios"."discount_rate_percent" between 0 and 30),
	CONSTRAINT "cost_scenarios_risk_source_check" CHECK ("cost_scenarios"."risk_reduction_source" in ('none', 'riskRegister', 'manual'))
);
--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD CONSTRAINT "cost_scenarios_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD CONSTRAINT "cost_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_scenarios" ADD CONSTRAINT "cost_scenarios_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_scenarios_org_baseline_key" ON "cost_scenarios" USING btree ("organisation_id") WHERE "cost_scenarios"."kind" = 'baseline';