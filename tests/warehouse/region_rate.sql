-- 公开率 of a region by year: (三(一) 予以公开 + 三(二) 部分公开) ÷ 三(七) 总计, total column, over
-- the region's summary report: each cell summed over the units first (a blank counts for nothing,
-- all blank stays blank), then the share taken. `long` is the Parquet of `nianbao export --long`;
-- $prefix the start of the agencies' names ('' for every report).
SELECT
    year,
    count(DISTINCT file) AS units,
    sum(value) FILTER (WHERE row_id = '3.1')
        + sum(value) FILTER (WHERE row_id = '3.2') AS part,
    sum(value) FILTER (WHERE row_id = '3.7') AS whole,
    part / nullif(whole, 0) AS rate
FROM long
WHERE table_id = 'requests'
  AND column_id = 'total'
  AND starts_with(agency, $prefix)
GROUP BY year
ORDER BY year;
