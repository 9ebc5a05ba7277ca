-- Keeps a table partitioned by UTC month of "createdAt" ("UsageEvent", "LedgerEntry") ready for
-- its rows: a partition "<table>_YYYY_MM" for every month from p_from through p_through, and for
-- every month that has rows in the catch-all "<table>_default" (those rows move into their month's
-- new partition, with every column as it was). Idempotent: with every month there and the default
-- empty it changes nothing and returns 0; otherwise it returns the partitions it created. Two runs
-- at once (two job workers) queue on an advisory lock, so each month is created once.
-- A partition is made as a plain table and attached (SHARE UPDATE EXCLUSIVE on the parent), so
-- charges inserting into this month's partition are not blocked; only the default partition is
-- locked, for as long as checking it (and moving its rows) takes: it is empty in normal operation.
create or replace function tollgate_month_partitions(p_table text, p_from date, p_through date) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  v_default text := p_table || '_default';
  v_missing text := format(
    'SELECT coalesce(array_agg(DISTINCT m ORDER BY m), ''{}'') FROM (
       SELECT generate_series(date_trunc(''month'', $1::timestamp), date_trunc(''month'', $2::timestamp), interval ''1 month'')::date AS m
       UNION SELECT date_trunc(''month'', d."createdAt")::date FROM %I d) months
     WHERE to_regclass(quote_ident(%L || to_char(m, ''_YYYY_MM''))) IS NULL', v_default, p_table);
  v_months date[];
  v_month date;
  v_name text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('tollgate_month_partitions:' || p_table, 0));
  EXECUTE v_missing INTO v_months USING p_from, p_through;
  IF cardinality(v_months) = 0 THEN
    RETURN 0;
  END IF;
  -- Writes to the default partition wait from here to the commit (reads go on), so no row can land
  -- in a month's range between reading the months and attaching its partition.
  EXECUTE format('LOCK TABLE %I IN EXCLUSIVE MODE', v_default);
  EXECUTE v_missing INTO v_months USING p_from, p_through;
  FOREACH v_month IN ARRAY v_months LOOP
    v_name := p_table || to_char(v_month, '_YYYY_MM');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name, p_table);
    EXECUTE format(
      'WITH moved AS (DELETE FROM %I d WHERE d."createdAt" >= $1 AND d."createdAt" < $2 RETURNING d.*) INSERT INTO %I SELECT * FROM moved',
      v_default, v_name) USING v_month::timestamp, (v_month + interval '1 month')::timestamp;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
      p_table, v_name, v_month::timestamp, (v_month + interval '1 month')::timestamp);
  END LOOP;
  RETURN cardinality(v_months);
END;
$$;
