CREATE TABLE "isms_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"catalog_item_id" text,
	"owner_department_id" uuid,
	"document_version" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_on" date,
	"last_reviewed_on" date,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"next_review_on" date,
	"location" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "isms_documents_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "isms_documents_org_item_key" UNIQUE("organisation_id","catalog_item_id"),
	CONSTRAINT "isms_documents_status_check" CHECK ("isms_documents"."status" in ('draft', 'approved', 'retired')),
	CONSTRAINT "isms_documents_approved_check" CHECK ("isms_documents"."status" <> 'approved' or "isms_documents"."approved_on" is not null),
	CONSTRAINT "isms_documents_interval_check" CHECK ("isms_documents"."review_interval_months" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "isms_documents" ADD CONSTRAINT "isms_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_documents" ADD CONSTRAINT "isms_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_documents" ADD CONSTRAINT "isms_documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_documents" ADD CONSTRAINT "isms_documents_owner_fk" FOREIGN KEY ("organisation_id","owner_department_id") REFERENCES "public"."departments"("organisation_id","id") ON DELETE no action ON UPDATE no action;