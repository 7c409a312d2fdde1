CREATE TABLE "catalog_items" (
	"catalog_version_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"organisation_id" uuid,
	"parent_id" text,
	"position" integer NOT NULL,
	"sort_order" integer,
	"depth" integer NOT NULL,
	"ja" text NOT NULL,
	"en" text NOT NULL,
	"detail_ja" text,
	"detail_en" text,
	"source" jsonb NOT NULL,
	"attributes" jsonb NOT NULL,
	CONSTRAINT "catalog_items_catalog_version_id_item_id_pk" PRIMARY KEY("catalog_version_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" text NOT NULL,
	"version" integer NOT NULL,
	"checksum" text NOT NULL,
	"origin" text NOT NULL,
	"organisation_id" uuid,
	"file_name" text NOT NULL,
	"type" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"description_ja" text,
	"description_en" text,
	"source" jsonb NOT NULL,
	"attributes" jsonb NOT NULL,
	"item_count" integer NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stored_by" uuid,
	CONSTRAINT "catalog_versions_scope_collection_version_key" UNIQUE NULLS NOT DISTINCT("organisation_id","collection_id","version"),
	CONSTRAINT "catalog_versions_origin_check" CHECK (("catalog_versions"."origin" = 'shipped' and "catalog_versions"."organisation_id" is null) or ("catalog_versions"."origin" = 'organisation' and "catalog_versions"."organisation_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "organisation_catalogs" (
	"organisation_id" uuid NOT NULL,
	"collection_id" text NOT NULL,
	"catalog_version_id" uuid NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_by" uuid,
	CONSTRAINT "organisation_catalogs_organisation_id_collection_id_pk" PRIMARY KEY("organisation_id","collection_id")
);
--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_catalog_version_id_catalog_versions_id_fk" FOREIGN KEY ("catalog_version_id") REFERENCES "public"."catalog_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_versions" ADD CONSTRAINT "catalog_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_versions" ADD CONSTRAINT "catalog_versions_stored_by_users_id_fk" FOREIGN KEY ("stored_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_catalogs" ADD CONSTRAINT "organisation_catalogs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_catalogs" ADD CONSTRAINT "organisation_catalogs_catalog_version_id_catalog_versions_id_fk" FOREIGN KEY ("catalog_version_id") REFERENCES "public"."catalog_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_catalogs" ADD CONSTRAINT "organisation_catalogs_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_items_item_idx" ON "catalog_items" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "catalog_items_version_position_idx" ON "catalog_items" USING btree ("catalog_version_id","position");--> statement-breakpoint
CREATE INDEX "catalog_versions_collection_idx" ON "catalog_versions" USING btree ("collection_id");--> statement-breakpoint
CREATE INDEX "organisation_catalogs_version_idx" ON "organisation_catalogs" USING btree ("catalog_version_id");