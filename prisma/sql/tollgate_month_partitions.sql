-- Keeps a table partitioned by UTC month of "createdAt" ("UsageEvent", "LedgerEntry") ready for
-- its rows: a partition "<table>_YYYY_MM" for every month from p_from through p_through, and for
-- every month that has rows in the catch-all "<table>_default" (those rows move into their month's
-- new partition, with every column as it was). Idempotent: with every month there and the default
-- empty it takes no lock and returns 0; otherwise it returns the partitions it created.
-- A partition is made as a plain table and attached (SHARE UPDATE EXCLUSIVE on the parent), so
-- charges inserting and reads running meanwhile are not blocked; only the default partition is
-- locked while its rows move (it is empty in normal operation).
create or replace function tollgate_month_partitions(p_table text, p_from date, p_through date) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  v_default text := p_table || '_default';
  v_months date[];
  v_month date;
  v_name text;
  v_created int := 0;
BEGIN
  FOR pass IN 1..2 LOOP
    EXECUTE format(
      'SELECT coalesce(array_agg(DISTINCT m ORDER BY m), ''{}'') FROM (
         SELECT generate_series(date_trunc(''month'', $1::timestamp), date_trunc(''month'', $2::timestamp), interval ''1 month'')::date AS m
         UNION SELECT date_trunc(''month'', d."createdAt")::date FROM %I d) months
       WHERE to_regclass(quote_ident(%L || to_char(m, ''_YYYY_MM''))) IS NULL', v_default, p_table)
      INTO v_months USING p_from, p_through;
    IF cardinality(v_months) = 0 THEN
      RETURN v_created;
    END IF;
    EXIT WHEN pass = 2;
    -- Two runs at once (two job workers) create each month once: the second re-reads under the lock.
    PERFORM pg_advisory_xact_lock(hashtextextended('tollgate_month_partitions:' || p_table, 0));
  END LOOP;
  FOREACH v_month IN ARRAY v_months LOOP
    v_name := p_table || to_char(v_month, '_YYYY_MM');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name, p_table);
    EXECUTE format(
      'WITH moved AS (DELETE FROM %I d WHERE d."createdAt" >= $1 AND d."createdAt" < $2 RETURNING d.*) INSERT INTO %I SELECT * FROM moved',
      v_default, v_name) USING v_month::timestamp, (v_month + interval '1 month')::timestamp;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
      p_table, v_name, v_month::timestamp, (v_month + interval '1 month')::timestamp);
    v_created := v_created + 1;
  END LOOP;
  RETURN v_created;
END;
$$;
