CREATE TABLE "staffing_assignments" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	CONSTRAINT "staffing_assignments_person_id_role_id_pk" PRIMARY KEY("person_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "staffing_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"affiliation" text DEFAULT 'internal' NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "staffing_people_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "staffing_people_affiliation_check" CHECK ("staffing_people"."affiliation" in ('internal', 'external')),
	CONSTRAINT "staffing_people_name_check" CHECK (length("staffing_people"."name") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "staffing_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"template_item_id" text,
	"position" integer NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"required_certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "staffing_roles_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "staffing_roles_org_template_key" UNIQUE("organisation_id","template_item_id"),
	CONSTRAINT "staffing_roles_title_check" CHECK (length("staffing_roles"."title") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "staffing_assignments" ADD CONSTRAINT "staffing_assignments_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."staffing_people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_assignments" ADD CONSTRAINT "staffing_assignments_role_fk" FOREIGN KEY ("organisation_id","role_id") REFERENCES "public"."staffing_roles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_people" ADD CONSTRAINT "staffing_people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_people" ADD CONSTRAINT "staffing_people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_people" ADD CONSTRAINT "staffing_people_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_roles" ADD CONSTRAINT "staffing_roles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_roles" ADD CONSTRAINT "staffing_roles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_roles" ADD CONSTRAINT "staffing_roles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staffing_assignments_org_role_idx" ON "staffing_assignments" USING btree ("organisation_id","role_id");