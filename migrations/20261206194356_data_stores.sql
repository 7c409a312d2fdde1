CREATE TABLE "data_store_assets" (
	"organisation_id" uuid NOT NULL,
	"data_store_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "data_store_assets_data_store_id_asset_id_pk" PRIMARY KEY("data_store_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "data_stores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"classification" text,
	"at_rest" text DEFAULT 'unknown' NOT NULL,
	"tls_minimum" text DEFAULT 'unknown' NOT NULL,
	"key_management" text DEFAULT 'unknown' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "data_stores_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "data_stores_classification_check" CHECK ("data_stores"."classification" is null or "data_stores"."classification" in ('high', 'medium', 'low')),
	CONSTRAINT "data_stores_at_rest_check" CHECK ("data_stores"."at_rest" in ('none', 'aes128', 'aes256', 'other', 'unknown')),
	CONSTRAINT "data_stores_tls_check" CHECK ("data_stores"."tls_minimum" in ('none', '1.0', '1.1', '1.2', '1.3', 'unknown')),
	CONSTRAINT "data_stores_keys_check" CHECK ("data_stores"."key_management" in ('none', 'provider', 'customer', 'unknown')),
	CONSTRAINT "data_stores_name_check" CHECK (length("data_stores"."name") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "data_store_assets" ADD CONSTRAINT "data_store_assets_data_store_fk" FOREIGN KEY ("organisation_id","data_store_id") REFERENCES "public"."data_stores"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_store_assets" ADD CONSTRAINT "data_store_assets_asset_fk" FOREIGN KEY ("organisation_id","asset_id") REFERENCES "public"."assets"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_stores" ADD CONSTRAINT "data_stores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_stores" ADD CONSTRAINT "data_stores_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_stores" ADD CONSTRAINT "data_stores_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_store_assets_org_asset_idx" ON "data_store_assets" USING btree ("organisation_id","asset_id");