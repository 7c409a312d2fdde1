DROP INDEX "assets_org_owner_idx";--> statement-breakpoint
DROP INDEX "assets_org_class_idx";--> statement-breakpoint
DROP INDEX "assets_org_group_idx";--> statement-breakpoint
DROP INDEX "assets_import_idx";