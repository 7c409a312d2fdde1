-- The inventory's totals (asset_totals) follow every change to assets, so the
-- summary (seed 000 III.4.2: the number of assets and their value, by rank,
-- information group and asset class; the assets without an owner) reads a few
-- rows instead of scanning the inventory on every request.
--
-- Statement triggers with transition tables: a statement's rows are aggregated
-- once, so a 100,000-row import adds one change per key, not a write per row.
-- Writers of an organisation's totals first take a transaction advisory lock
-- on that organisation and hold it to commit: every change lands (ON CONFLICT
-- DO UPDATE adds to the latest committed value), and two transactions never
-- wait for each other's totals rows in opposite orders (no deadlock). An
-- update that changes none of the counted columns (a note, a name) does
-- nothing here and takes no lock.
CREATE OR REPLACE FUNCTION asset_totals_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'organisation_id, rank, information_group_id, asset_class_id, owner_user_id, owner_department_id, total_value_yen';
  deltas text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    deltas := format('SELECT %s, 1 AS sign FROM new_rows', cols);
  ELSIF TG_OP = 'DELETE' THEN
    deltas := format('SELECT %s, -1 AS sign FROM old_rows', cols);
  ELSE
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.organisation_id, o.rank, o.information_group_id, o.asset_class_id, o.owner_user_id, o.owner_department_id, o.total_value_yen)
             IS DISTINCT FROM
             (n.organisation_id, n.rank, n.information_group_id, n.asset_class_id, n.owner_user_id, n.owner_department_id, n.total_value_yen)
    ) THEN
      RETURN NULL;
    END IF;
    deltas := format('SELECT %s, 1 AS sign FROM new_rows UNION ALL SELECT %s, -1 AS sign FROM old_rows', cols, cols);
  END IF;
  -- Organisations in a fixed order, so two statements never take their locks crosswise.
  EXECUTE format('SELECT pg_advisory_xact_lock(1263681649, hashtext(o.organisation_id::text))
                    FROM (SELECT DISTINCT organisation_id FROM (%s) d ORDER BY 1) o', deltas);
  EXECUTE format($sql$
    INSERT INTO asset_totals AS t (organisation_id, dimension, key, count, total_value_yen)
    SELECT k.organisation_id, k.dimension, k.key, k.count, k.total
      FROM (SELECT d.organisation_id, v.dimension, v.key, sum(d.sign) AS count, sum(d.sign * d.total_value_yen) AS total
              FROM (%s) d
             CROSS JOIN LATERAL (VALUES ('all', ''),
                                        ('rank', coalesce(d.rank, '')),
                                        ('group', coalesce(d.information_group_id, '')),
                                        ('class', coalesce(d.asset_class_id, '')),
                                        ('owner', coalesce(d.owner_user_id::text, CASE WHEN d.owner_department_id IS NULL THEN '' ELSE 'department' END))
                                ) v(dimension, key)
             GROUP BY 1, 2, 3
            HAVING sum(d.sign) <> 0 OR sum(d.sign * d.total_value_yen) <> 0) k
     -- An organisation being deleted takes its totals with it (its assets go in the same statement).
     WHERE EXISTS (SELECT 1 FROM organisations o WHERE o.id = k.organisation_id)
     ORDER BY 1, 2, 3
    ON CONFLICT (organisation_id, dimension, key) DO UPDATE
       SET count = t.count + excluded.count, total_value_yen = t.total_value_yen + excluded.total_value_yen
  $sql$, deltas);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER asset_totals_after_insert AFTER INSERT ON assets
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_totals_apply();
--> statement-breakpoint
CREATE TRIGGER asset_totals_after_update AFTER UPDATE ON assets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_totals_apply();
--> statement-breakpoint
CREATE TRIGGER asset_totals_after_delete AFTER DELETE ON assets
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_totals_apply();
--> statement-breakpoint
-- The totals of the assets already there.
INSERT INTO asset_totals (organisation_id, dimension, key, count, total_value_yen)
SELECT a.organisation_id, v.dimension, v.key, count(*), sum(a.total_value_yen)
  FROM assets a
 CROSS JOIN LATERAL (VALUES ('all', ''),
                            ('rank', coalesce(a.rank, '')),
                            ('group', coalesce(a.information_group_id, '')),
                            ('class', coalesce(a.asset_class_id, '')),
                            ('owner', coalesce(a.owner_user_id::text, CASE WHEN a.owner_department_id IS NULL THEN '' ELSE 'department' END))
                    ) v(dimension, key)
 GROUP BY 1, 2, 3;
