CREATE TABLE "asset_totals" (
	"organisation_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"count" bigint NOT NULL,
	"total_value_yen" numeric NOT NULL,
	CONSTRAINT "asset_totals_organisation_id_dimension_key_pk" PRIMARY KEY("organisation_id","dimension","key"),
	CONSTRAINT "asset_totals_dimension_check" CHECK ("asset_totals"."dimension" in ('all', 'rank', 'group', 'class', 'owner'))
);
--> statement-breakpoint
ALTER TABLE "asset_totals" ADD CONSTRAINT "asset_totals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;