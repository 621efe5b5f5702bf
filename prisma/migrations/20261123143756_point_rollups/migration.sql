-- Block summaries of each series' points, so that charting a long range reads a few thousand rows
-- instead of every point (lib/db/series.ts getPoints). The writers of points rebuild them in the
-- same transaction (lib/db/point-rollups.ts), and the statements below summarise the series stored
-- before this migration, with the same SQL. No functions or triggers: the offline migration runner
-- splits scripts at every semicolon, inside PL/pgSQL bodies and comments too.

-- CreateTable
CREATE TABLE "point_rollups" (
    "series_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "t_first" TIMESTAMPTZ(3) NOT NULL,
    "v_first" DOUBLE PRECISION NOT NULL,
    "t_last" TIMESTAMPTZ(3) NOT NULL,
    "v_last" DOUBLE PRECISION NOT NULL,
    "t_low" TIMESTAMPTZ(3) NOT NULL,
    "v_low" DOUBLE PRECISION NOT NULL,
    "t_high" TIMESTAMPTZ(3) NOT NULL,
    "v_high" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "point_rollups_pkey" PRIMARY KEY ("series_id","level","t_first")
);

-- AddForeignKey
ALTER TABLE "point_rollups" ADD CONSTRAINT "point_rollups_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Level 64: every 64 consecutive points of a series. Arrays compare element by element, so
-- min(ARRAY[epoch, v]) is a block's first point and min(ARRAY[v, epoch]) its lowest.
INSERT INTO point_rollups (series_id, level, t_first, v_first, t_last, v_last, t_low, v_low, t_high, v_high)
SELECT series_id, 64,
       to_timestamp(first[1]), first[2], to_timestamp(last[1]), last[2],
       to_timestamp(low[2]), low[1], to_timestamp(high[2]), high[1]
  FROM (SELECT series_id, min(ARRAY[e, v]) AS first, max(ARRAY[e, v]) AS last,
               min(ARRAY[v, e]) AS low, max(ARRAY[v, e]) AS high
          FROM (SELECT series_id, date_part('epoch', t) AS e, v,
                       (row_number() OVER (PARTITION BY series_id ORDER BY t) - 1) / 64 AS block
                  FROM points) AS p
         GROUP BY series_id, block) AS b;

-- Level 1024: every 16 level-64 blocks.
INSERT INTO point_rollups (series_id, level, t_first, v_first, t_last, v_last, t_low, v_low, t_high, v_high)
SELECT series_id, 1024,
       to_timestamp(first[1]), first[2], to_timestamp(last[1]), last[2],
       to_timestamp(low[2]), low[1], to_timestamp(high[2]), high[1]
  FROM (SELECT series_id,
               min(ARRAY[date_part('epoch', t_first), v_first]) AS first,
               max(ARRAY[date_part('epoch', t_last), v_last]) AS last,
               min(ARRAY[v_low, date_part('epoch', t_low)]) AS low,
               max(ARRAY[v_high, date_part('epoch', t_high)]) AS high
          FROM (SELECT *, (row_number() OVER (PARTITION BY series_id ORDER BY t_first) - 1) / 16 AS block
                  FROM point_rollups
                 WHERE level = 64) AS r
         GROUP BY series_id, block) AS b;
