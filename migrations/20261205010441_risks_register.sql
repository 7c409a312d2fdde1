CREATE TABLE "insurance_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"insurer" text DEFAULT '' NOT NULL,
	"deductible_yen" bigint NOT NULL,
	"per_event_limit_yen" bigint NOT NULL,
	"annual_aggregate_limit_yen" bigint,
	"notice_days" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "insurance_policies_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "insurance_policies_amounts_check" CHECK ("insurance_policies"."deductible_yen" >= 0 and "insurance_policies"."per_event_limit_yen" > "insurance_policies"."deductible_yen" and ("insurance_policies"."annual_aggregate_limit_yen" is null or "insurance_policies"."annual_aggregate_limit_yen" >= "insurance_policies"."per_event_limit_yen")),
	CONSTRAINT "insurance_policies_period_check" CHECK ("insurance_policies"."ends_on" >= "insurance_policies"."starts_on"),
	CONSTRAINT "insurance_policies_notice_check" CHECK ("insurance_policies"."notice_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "risk_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"accepted_by" uuid,
	"accepted_by_label" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_on" date NOT NULL,
	"rationale" text NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"asset_id" uuid,
	"workload_id" uuid,
	"system_id" uuid,
	CONSTRAINT "risk_links_one_target_check" CHECK (num_nonnulls("risk_links"."asset_id", "risk_links"."workload_id", "risk_links"."system_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"threat_item_id" text,
	"threat_text" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"bearer" text DEFAULT 'user' NOT NULL,
	"inherent_frequency" double precision NOT NULL,
	"inherent_low_yen" bigint NOT NULL,
	"inherent_high_yen" bigint NOT NULL,
	"treated_frequency" double precision,
	"treated_low_yen" bigint,
	"treated_high_yen" bigint,
	"current_likelihood" integer,
	"current_impact" integer,
	"inherent_score" integer NOT NULL,
	"residual_score" integer NOT NULL,
	"treatment" text DEFAULT 'none' NOT NULL,
	"planned_controls" text DEFAULT '' NOT NULL,
	"insurance_policy_id" uuid,
	"sublimit_yen" bigint,
	"status" text DEFAULT 'open' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"next_review_on" date NOT NULL,
	"reviewed_inherent" jsonb,
	"reviewed_residual" jsonb,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risks_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "risks_bearer_check" CHECK ("risks"."bearer" in ('provider', 'user', 'customer', 'shared')),
	CONSTRAINT "risks_treatment_check" CHECK ("risks"."treatment" in ('none', 'reduce', 'accept', 'transfer', 'avoid')),
	CONSTRAINT "risks_status_check" CHECK ("risks"."status" in ('open', 'treated', 'accepted', 'closed')),
	CONSTRAINT "risks_inherent_check" CHECK ("risks"."inherent_frequency" between 0 and 365 and "risks"."inherent_low_yen" > 0 and "risks"."inherent_high_yen" >= "risks"."inherent_low_yen"),
	CONSTRAINT "risks_treated_check" CHECK (("risks"."treated_frequency" is null and "risks"."treated_low_yen" is null and "risks"."treated_high_yen" is null) or ("risks"."treated_frequency" between 0 and 365 and "risks"."treated_low_yen" > 0 and "risks"."treated_high_yen" >= "risks"."treated_low_yen")),
	CONSTRAINT "risks_current_check" CHECK (("risks"."current_likelihood" is null) = ("risks"."current_impact" is null)),
	CONSTRAINT "risks_sublimit_check" CHECK ("risks"."sublimit_yen" is null or "risks"."sublimit_yen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_risk_fk" FOREIGN KEY ("organisation_id","risk_id") REFERENCES "public"."risks"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_risk_fk" FOREIGN KEY ("organisation_id","risk_id") REFERENCES "public"."risks"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_asset_fk" FOREIGN KEY ("organisation_id","asset_id") REFERENCES "public"."assets"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_workload_fk" FOREIGN KEY ("organisation_id","workload_id") REFERENCES "public"."workloads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_system_fk" FOREIGN KEY ("organisation_id","system_id") REFERENCES "public"."systems"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_insurance_policy_fk" FOREIGN KEY ("organisation_id","insurance_policy_id") REFERENCES "public"."insurance_policies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policies_org_name_key" ON "insurance_policies" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "risk_acceptances_org_risk_idx" ON "risk_acceptances" USING btree ("organisation_id","risk_id","accepted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_links_target_key" ON "risk_links" USING btree ("risk_id",coalesce("asset_id", "workload_id", "system_id"));--> statement-breakpoint
CREATE INDEX "risk_links_org_risk_idx" ON "risk_links" USING btree ("organisation_id","risk_id");--> statement-breakpoint
CREATE INDEX "risks_org_residual_idx" ON "risks" USING btree ("organisation_id","residual_score","id");