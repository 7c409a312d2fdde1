CREATE TABLE "threat_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"threat_item_id" text NOT NULL,
	"impact_bankruptcy" text,
	"impact_sales_drop" text,
	"impact_customer_loss" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "threat_assessments_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "threat_assessments_org_threat_key" UNIQUE("organisation_id","threat_item_id"),
	CONSTRAINT "threat_assessments_bankruptcy_check" CHECK ("threat_assessments"."impact_bankruptcy" is null or "threat_assessments"."impact_bankruptcy" in ('none', 'small', 'medium', 'large')),
	CONSTRAINT "threat_assessments_sales_drop_check" CHECK ("threat_assessments"."impact_sales_drop" is null or "threat_assessments"."impact_sales_drop" in ('none', 'small', 'medium', 'large')),
	CONSTRAINT "threat_assessments_customer_loss_check" CHECK ("threat_assessments"."impact_customer_loss" is null or "threat_assessments"."impact_customer_loss" in ('none', 'small', 'medium', 'large'))
);
--> statement-breakpoint
ALTER TABLE "threat_assessments" ADD CONSTRAINT "threat_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_assessments" ADD CONSTRAINT "threat_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_assessments" ADD CONSTRAINT "threat_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;