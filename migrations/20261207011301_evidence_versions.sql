ALTER TABLE "corrective_actions" DROP CONSTRAINT "corrective_actions_origin_check";--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "origin_finding" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "previous_id" uuid;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "version_no" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_previous_fk" FOREIGN KEY ("organisation_id","previous_id") REFERENCES "public"."evidence_files"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "corrective_actions_open_finding_key" ON "corrective_actions" USING btree ("organisation_id","origin","origin_id","origin_finding") WHERE "corrective_actions"."origin_finding" is not null and "corrective_actions"."phase" <> 'closed';--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_previous_key" UNIQUE("organisation_id","previous_id");--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_finding_check" CHECK ("corrective_actions"."origin_finding" is null or "corrective_actions"."origin_id" is not null);--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_origin_check" CHECK ("corrective_actions"."origin" in ('inspection', 'incident', 'dataStore', 'drill', 'iamAccount', 'logSource', 'other') and ("corrective_actions"."origin" = 'other') = ("corrective_actions"."origin_id" is null));--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_version_check" CHECK ("evidence_files"."version_no" >= 1 and ("evidence_files"."previous_id" is null) = ("evidence_files"."version_no" = 1));