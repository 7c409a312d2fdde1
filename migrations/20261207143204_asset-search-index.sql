-- Substring search of the inventory (name, content, location, notes) through a
-- trigram index (pg_trgm, shipped with PostgreSQL 15 and the embedded server)
-- instead of reading every asset: at 100,000 assets a search scanned the whole
-- table on every request.
--
-- pg_trgm splits text into words by the database's character classes
-- (LC_CTYPE): with C it sees no Japanese at all, with a UTF-8 LC_CTYPE (what
-- Kumoji initialises the embedded cluster with) it indexes Japanese words too.
-- The asset's text columns are pinned to the "C" collation so lower() and the
-- unique name index keep folding ASCII letters only, whatever LC_CTYPE is:
-- the import's duplicate check (asset-import.rules.ts nameKey) mirrors exactly
-- that. search_text depends on those columns, so it is dropped and made again.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
ALTER TABLE "assets" DROP COLUMN "search_text";
--> statement-breakpoint
ALTER TABLE "assets"
  ALTER COLUMN "name" TYPE text COLLATE "C",
  ALTER COLUMN "content" TYPE text COLLATE "C",
  ALTER COLUMN "location" TYPE text COLLATE "C",
  ALTER COLUMN "notes" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower("name" || ' ' || "content" || ' ' || "location" || ' ' || "notes")) STORED;
--> statement-breakpoint
CREATE INDEX "assets_search_trgm_idx" ON "assets" USING gin ("search_text" gin_trgm_ops);
