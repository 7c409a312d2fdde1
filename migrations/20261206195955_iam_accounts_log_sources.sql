CREATE TABLE "iam_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"system" text NOT NULL,
	"account" text NOT NULL,
	"holder" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'person' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"mfa" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_used_on" date,
	"last_reviewed_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "iam_accounts_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "iam_accounts_org_system_account_key" UNIQUE("organisation_id","system","account"),
	CONSTRAINT "iam_accounts_kind_check" CHECK ("iam_accounts"."kind" in ('person', 'admin', 'service'))
);
--> statement-breakpoint
CREATE TABLE "log_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"system" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'access' NOT NULL,
	"retention_months" integer NOT NULL,
	"worm" boolean DEFAULT false NOT NULL,
	"clock_sync" boolean DEFAULT false NOT NULL,
	"collected" boolean DEFAULT false NOT NULL,
	"encrypted" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "log_sources_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "log_sources_kind_check" CHECK ("log_sources"."kind" in ('access', 'audit', 'system', 'application')),
	CONSTRAINT "log_sources_retention_check" CHECK ("log_sources"."retention_months" between 0 and 1200)
);
--> statement-breakpoint
ALTER TABLE "iam_accounts" ADD CONSTRAINT "iam_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iam_accounts" ADD CONSTRAINT "iam_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iam_accounts" ADD CONSTRAINT "iam_accounts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_sources" ADD CONSTRAINT "log_sources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_sources" ADD CONSTRAINT "log_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_sources" ADD CONSTRAINT "log_sources_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;