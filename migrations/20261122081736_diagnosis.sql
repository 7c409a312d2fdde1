CREATE TABLE "assessment_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"answer" text,
	"comment" text,
	"answered_by" uuid,
	"answered_by_label" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessment_answers_item_key" UNIQUE("assessment_id","item_id"),
	CONSTRAINT "assessment_answers_answer_check" CHECK ("assessment_answers"."answer" in ('yes', 'no', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"checklist_id" text NOT NULL,
	"collection_id" text NOT NULL,
	"catalog_version_id" uuid NOT NULL,
	"catalog_version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_by_label" text,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessments_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "assessments_status_check" CHECK ("assessments"."status" in ('draft', 'submitted')),
	CONSTRAINT "assessments_submitted_check" CHECK (("assessments"."status" = 'submitted') = ("assessments"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "gate_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"gate_item_id" text NOT NULL,
	"result" text NOT NULL,
	"summary" text NOT NULL,
	"evaluators" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_label" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gate_evaluations_stage_check" CHECK ("gate_evaluations"."stage" in ('0', '1', '2', '3', '4', 'x')),
	CONSTRAINT "gate_evaluations_result_check" CHECK ("gate_evaluations"."result" in ('satisfactory', 'concerns', 'unsatisfactory'))
);
--> statement-breakpoint
CREATE TABLE "roadmap_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"practice_item_id" text NOT NULL,
	"owner_user_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'todo' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "roadmap_tasks_item_key" UNIQUE("organisation_id","practice_item_id"),
	CONSTRAINT "roadmap_tasks_stage_check" CHECK ("roadmap_tasks"."stage" in ('0', '1', '2', '3', '4', 'x')),
	CONSTRAINT "roadmap_tasks_status_check" CHECK ("roadmap_tasks"."status" in ('todo', 'in-progress', 'done', 'not-applicable'))
);
--> statement-breakpoint
CREATE TABLE "stage_budgets" (
	"organisation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"budget_yen" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stage_budgets_organisation_id_stage_pk" PRIMARY KEY("organisation_id","stage"),
	CONSTRAINT "stage_budgets_stage_check" CHECK ("stage_budgets"."stage" in ('0', '1', '2', '3', '4', 'x')),
	CONSTRAINT "stage_budgets_amount_check" CHECK ("stage_budgets"."budget_yen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stage_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"track" text NOT NULL,
	"seq" integer NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"third_party_name" text,
	"third_party_opinion" text,
	"decided_by" uuid,
	"decided_by_label" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_model_version_id" uuid,
	"basis" jsonb NOT NULL,
	CONSTRAINT "stage_decisions_track_seq_key" UNIQUE("organisation_id","track","seq"),
	CONSTRAINT "stage_decisions_track_check" CHECK ("stage_decisions"."track" in ('main', 'x')),
	CONSTRAINT "stage_decisions_outcome_check" CHECK ("stage_decisions"."outcome" in ('advance', 'stay', 'step-back')),
	CONSTRAINT "stage_decisions_stage_check" CHECK (("stage_decisions"."track" = 'main' and coalesce("stage_decisions"."from_stage", '') in ('0', '1', '2', '3', '4') and coalesce("stage_decisions"."to_stage", '') in ('0', '1', '2', '3', '4'))
       or ("stage_decisions"."track" = 'x' and ("stage_decisions"."from_stage" is null or "stage_decisions"."from_stage" = 'x') and ("stage_decisions"."to_stage" is null or "stage_decisions"."to_stage" = 'x')))
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_label" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_org_id_key" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "evidence_links" (
	"organisation_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_links_evidence_id_subject_type_subject_id_pk" PRIMARY KEY("evidence_id","subject_type","subject_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"industry_id" text,
	"employees" integer,
	"capital_yen" bigint,
	"annual_revenue_yen" bigint,
	"handles_personal_data" boolean DEFAULT false NOT NULL,
	"handles_sensitive_personal_data" boolean DEFAULT false NOT NULL,
	"handles_eu_residents_data" boolean DEFAULT false NOT NULL,
	"financial_sector" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "organisation_profiles_amounts_check" CHECK ("organisation_profiles"."employees" >= 0 and "organisation_profiles"."capital_yen" >= 0 and "organisation_profiles"."annual_revenue_yen" >= 0),
	CONSTRAINT "organisation_profiles_personal_data_check" CHECK ("organisation_profiles"."handles_personal_data" or not ("organisation_profiles"."handles_sensitive_personal_data" or "organisation_profiles"."handles_eu_residents_data"))
);
--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_assessment_fk" FOREIGN KEY ("organisation_id","assessment_id") REFERENCES "public"."assessments"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_catalog_version_id_catalog_versions_id_fk" FOREIGN KEY ("catalog_version_id") REFERENCES "public"."catalog_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_evaluations" ADD CONSTRAINT "gate_evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_evaluations" ADD CONSTRAINT "gate_evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_tasks" ADD CONSTRAINT "roadmap_tasks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_tasks" ADD CONSTRAINT "roadmap_tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_tasks" ADD CONSTRAINT "roadmap_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_tasks" ADD CONSTRAINT "roadmap_tasks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_budgets" ADD CONSTRAINT "stage_budgets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_budgets" ADD CONSTRAINT "stage_budgets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_decisions" ADD CONSTRAINT "stage_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_decisions" ADD CONSTRAINT "stage_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_decisions" ADD CONSTRAINT "stage_decisions_stage_model_version_id_catalog_versions_id_fk" FOREIGN KEY ("stage_model_version_id") REFERENCES "public"."catalog_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_file_fk" FOREIGN KEY ("organisation_id","evidence_id") REFERENCES "public"."evidence_files"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_profiles" ADD CONSTRAINT "organisation_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_profiles" ADD CONSTRAINT "organisation_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_draft_idx" ON "assessments" USING btree ("organisation_id","checklist_id") WHERE "assessments"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "assessments_history_idx" ON "assessments" USING btree ("organisation_id","checklist_id","submitted_at");--> statement-breakpoint
CREATE INDEX "gate_evaluations_stage_idx" ON "gate_evaluations" USING btree ("organisation_id","stage","recorded_at");--> statement-breakpoint
CREATE INDEX "evidence_files_org_idx" ON "evidence_files" USING btree ("organisation_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "evidence_links_subject_idx" ON "evidence_links" USING btree ("organisation_id","subject_type","subject_id");