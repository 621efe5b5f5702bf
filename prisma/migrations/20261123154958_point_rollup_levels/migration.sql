-- Two more levels of point summaries (lib/db/point-rollups.ts), so that a chart of any range reads
-- at most a couple of thousand rows: level 256 (four level-64 blocks) and level 4096 (four
-- level-1024 blocks), for the series stored before this migration. Writers build every level.
-- No semicolons inside statements or comments: the offline migration runner splits at each one.

INSERT INTO point_rollups (series_id, level, t_first, v_first, t_last, v_last, t_low, v_low, t_high, v_high)
SELECT series_id, 256,
       to_timestamp(first[1]), first[2], to_timestamp(last[1]), last[2],
       to_timestamp(low[2]), low[1], to_timestamp(high[2]), high[1]
  FROM (SELECT series_id,
               min(ARRAY[date_part('epoch', t_first), v_first]) AS first,
               max(ARRAY[date_part('epoch', t_last), v_last]) AS last,
               min(ARRAY[v_low, date_part('epoch', t_low)]) AS low,
               max(ARRAY[v_high, date_part('epoch', t_high)]) AS high
          FROM (SELECT *, (row_number() OVER (PARTITION BY series_id ORDER BY t_first) - 1) / 4 AS block
                  FROM point_rollups
                 WHERE level = 64) AS r
         GROUP BY series_id, block) AS b;

INSERT INTO point_rollups (series_id, level, t_first, v_first, t_last, v_last, t_low, v_low, t_high, v_high)
SELECT series_id, 4096,
       to_timestamp(first[1]), first[2], to_timestamp(last[1]), last[2],
       to_timestamp(low[2]), low[1], to_timestamp(high[2]), high[1]
  FROM (SELECT series_id,
               min(ARRAY[date_part('epoch', t_first), v_first]) AS first,
               max(ARRAY[date_part('epoch', t_last), v_last]) AS last,
               min(ARRAY[v_low, date_part('epoch', t_low)]) AS low,
               max(ARRAY[v_high, date_part('epoch', t_high)]) AS high
          FROM (SELECT *, (row_number() OVER (PARTITION BY series_id ORDER BY t_first) - 1) / 4 AS block
                  FROM point_rollups
                 WHERE level = 1024) AS r
         GROUP BY series_id, block) AS b;
