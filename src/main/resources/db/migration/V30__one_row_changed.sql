-- Fails its statement unless exactly one row changed. A versioned update written as its transaction
-- commits checks its outcome with it in SQL (WITH changed AS (UPDATE ... RETURNING 1) SELECT
-- callflow_one_row_changed(count(*), 'what') FROM changed): the COMMIT that rides in the same round
-- trip then never runs after a lost update. SQLSTATE 40001 (serialization_failure): the row is as a
-- concurrent transaction left it, and the request may be repeated.
CREATE FUNCTION callflow_one_row_changed(changed bigint, what text) RETURNS bigint
    LANGUAGE plpgsql AS
$$
BEGIN
    IF changed <> 1 THEN
        RAISE EXCEPTION '% was changed by another transaction', what
            USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN changed;
END
$$;
