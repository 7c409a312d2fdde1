CREATE TABLE "raci_assignments" (
	"organisation_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"cell" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "raci_assignments_task_id_department_id_pk" PRIMARY KEY("task_id","department_id"),
	CONSTRAINT "raci_assignments_cell_check" CHECK ("raci_assignments"."cell" in ('R', 'A', 'AR', 'C', 'I'))
);
--> statement-breakpoint
CREATE TABLE "raci_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"template_item_id" text,
	"position" integer NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "raci_tasks_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "raci_tasks_org_template_key" UNIQUE("organisation_id","template_item_id"),
	CONSTRAINT "raci_tasks_title_check" CHECK (length("raci_tasks"."title") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "raci_assignments" ADD CONSTRAINT "raci_assignments_task_fk" FOREIGN KEY ("organisation_id","task_id") REFERENCES "public"."raci_tasks"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_assignments" ADD CONSTRAINT "raci_assignments_department_fk" FOREIGN KEY ("organisation_id","department_id") REFERENCES "public"."departments"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_tasks" ADD CONSTRAINT "raci_tasks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_tasks" ADD CONSTRAINT "raci_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_tasks" ADD CONSTRAINT "raci_tasks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "raci_assignments_org_department_idx" ON "raci_assignments" USING btree ("organisation_id","department_id");--> statement-breakpoint
CREATE INDEX "raci_tasks_org_position_idx" ON "raci_tasks" USING btree ("organisation_id","position");