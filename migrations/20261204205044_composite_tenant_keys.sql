-- Links between an organisation's rows name the organisation too, so the database refuses a link to
-- another organisation's asset or import (composite keys (organisation_id, id), docs/DATABASE.md).
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_org_id_key" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_org_id_key" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "asset_import_issues" DROP CONSTRAINT "asset_import_issues_import_id_asset_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "assets" DROP CONSTRAINT "assets_created_by_import_id_asset_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "system_assets" DROP CONSTRAINT "system_assets_asset_id_assets_id_fk";
--> statement-breakpoint
ALTER TABLE "workload_assets" DROP CONSTRAINT "workload_assets_asset_id_assets_id_fk";
--> statement-breakpoint
ALTER TABLE "asset_import_issues" ADD CONSTRAINT "asset_import_issues_import_fk" FOREIGN KEY ("organisation_id","import_id") REFERENCES "public"."asset_imports"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_created_by_import_fk" FOREIGN KEY ("organisation_id","created_by_import_id") REFERENCES "public"."asset_imports"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "system_assets" ADD CONSTRAINT "system_assets_asset_fk" FOREIGN KEY ("organisation_id","asset_id") REFERENCES "public"."assets"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "workload_assets" ADD CONSTRAINT "workload_assets_asset_fk" FOREIGN KEY ("organisation_id","asset_id") REFERENCES "public"."assets"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
