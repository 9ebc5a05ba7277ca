-- The price of p_units units charged after p_before units of the same model this month, under a
-- volume rule's steps (p_steps: [[fromUnits, discountBps], ...], ascending): each unit pays the
-- list price p_charge / p_units less the discount of the step it falls in, so an event that crosses
-- a threshold is split at it. Exact in numeric, rounded up once to a whole millicredit (README
-- "Dynamic pricing rules"). An event of 0 units pays at the step p_before is on.
create or replace function tollgate_volume_price(p_charge bigint, p_before bigint, p_units bigint, p_steps jsonb)
RETURNS bigint
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_units bigint := greatest(p_units, 1);
  v_end bigint := p_before + greatest(p_units, 1);
  v_weighted numeric := 0;
  v_lo bigint := 0;
  v_bps int := 0;
  v_step jsonb;
BEGIN
  IF p_charge <= 0 OR p_steps IS NULL OR jsonb_array_length(p_steps) = 0 THEN
    RETURN p_charge;
  END IF;
  -- Walk the ranges [v_lo, next step's fromUnits) at v_bps; the last range is open-ended.
  FOR v_step IN SELECT value FROM jsonb_array_elements(p_steps) LOOP
    v_weighted := v_weighted + greatest(0, least(v_end, (v_step->>0)::bigint) - greatest(p_before, v_lo))::numeric * (10000 - v_bps);
    v_lo := (v_step->>0)::bigint;
    v_bps := (v_step->>1)::int;
  END LOOP;
  v_weighted := v_weighted + greatest(0, v_end - greatest(p_before, v_lo))::numeric * (10000 - v_bps);
  RETURN ceil(p_charge::numeric * v_weighted / (v_units::numeric * 10000))::bigint;
END;
$$;
