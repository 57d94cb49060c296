-- The summary report's counts, kept by triggers in the same transaction as every write (registration, import,
-- correction, portfolio, result, certificate), so the report sums a few thousand rows instead of scanning millions.
-- measure: what is counted; province: two digits; year: the year the report filters on; dim: the breakdown, for
-- candidates and results the candidate's profile 'employment-type:area,area' (the report splits it into its employment
-- and PMKS slices, so a row costs one counter, not one per area), a portfolio's status, a certificate's valid-until date.
-- Rows are deltas, only ever inserted, so concurrent writers never wait on a shared counter; the hourly housekeeping
-- folds them into one row per key (Housekeeping.CompactReportCounts).
CREATE TABLE report_counts (
    measure   text    NOT NULL,
    province  text    NOT NULL,
    year      integer NOT NULL,
    dim       text    NOT NULL,
    n         bigint  NOT NULL
);

CREATE INDEX ix_portfolios_candidate ON portfolios (candidate_id);

-- What one row contributes (a portfolio and a result count under their candidate's region, type and areas).
CREATE FUNCTION report_candidate_rows(c candidates) RETURNS TABLE (measure text, province text, year integer, dim text)
LANGUAGE sql STABLE AS $$
    SELECT 'candidates', left(c.region_code, 2), CAST(EXTRACT(YEAR FROM c.created_at AT TIME ZONE 'UTC') AS integer), c.employment_type || ':' || c.practice_areas
$$;

CREATE FUNCTION report_portfolio_rows(p portfolios, c candidates) RETURNS TABLE (measure text, province text, year integer, dim text)
LANGUAGE sql STABLE AS $$
    SELECT 'portfolios', left(c.region_code, 2), CAST(EXTRACT(YEAR FROM p.created_at AT TIME ZONE 'UTC') AS integer), p.status
$$;

-- (No UNION ALL in these: PostgreSQL 15 fails to plan an inlined set-returning function over a whole row that has one.)
CREATE FUNCTION report_result_rows(p exam_participants, c candidates) RETURNS TABLE (measure text, province text, year integer, dim text)
LANGUAGE sql STABLE AS $$
    SELECT m, left(c.region_code, 2), CAST(EXTRACT(YEAR FROM p.assessed_at AT TIME ZONE 'UTC') AS integer), c.employment_type || ':' || c.practice_areas
    FROM unnest(ARRAY['assessed', p.result]) m
    WHERE p.assessed_at IS NOT NULL AND m IN ('assessed', 'k', 'bk')
$$;

CREATE FUNCTION report_certificate_rows(c certificates) RETURNS TABLE (measure text, province text, year integer, dim text)
LANGUAGE sql STABLE AS $$
    SELECT 'certificates.active', left(c.region_code, 2), CAST(EXTRACT(YEAR FROM c.issued_on) AS integer), to_char(c.valid_until, 'YYYY-MM-DD')
    WHERE c.status = 'active'
$$;

INSERT INTO report_counts (measure, province, year, dim, n)
SELECT r.measure, r.province, r.year, r.dim, COUNT(*) FROM candidates c, LATERAL report_candidate_rows(c) r GROUP BY 1, 2, 3, 4;
INSERT INTO report_counts (measure, province, year, dim, n)
SELECT r.measure, r.province, r.year, r.dim, COUNT(*) FROM portfolios p JOIN candidates c ON c.id = p.candidate_id, LATERAL report_portfolio_rows(p, c) r GROUP BY 1, 2, 3, 4;
INSERT INTO report_counts (measure, province, year, dim, n)
SELECT r.measure, r.province, r.year, r.dim, COUNT(*) FROM exam_participants p JOIN candidates c ON c.id = p.candidate_id, LATERAL report_result_rows(p, c) r GROUP BY 1, 2, 3, 4;
INSERT INTO report_counts (measure, province, year, dim, n)
SELECT r.measure, r.province, r.year, r.dim, COUNT(*) FROM certificates c, LATERAL report_certificate_rows(c) r GROUP BY 1, 2, 3, 4;

-- One statement-level trigger per event (transition tables allow one event each), one delta row per key per statement.
-- An update counts only the rows whose counted columns changed: their old contribution out, the new one in.
CREATE FUNCTION report_candidates_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, COUNT(*) FROM new_rows c, LATERAL report_candidate_rows(c) r GROUP BY 1, 2, 3, 4;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, -COUNT(*) FROM old_rows c, LATERAL report_candidate_rows(c) r GROUP BY 1, 2, 3, 4;
    ELSE
        INSERT INTO report_counts (measure, province, year, dim, n)
        WITH moved AS (
            SELECT o.id FROM old_rows o JOIN new_rows c ON c.id = o.id
            WHERE (o.region_code, o.employment_type, o.practice_areas, o.created_at)
                IS DISTINCT FROM (c.region_code, c.employment_type, c.practice_areas, c.created_at))
        SELECT d.measure, d.province, d.year, d.dim, SUM(d.n) FROM (
            SELECT r.*, -1 AS n FROM old_rows o JOIN moved USING (id), LATERAL report_candidate_rows(o) r
            UNION ALL SELECT r.*, 1 FROM new_rows c JOIN moved USING (id), LATERAL report_candidate_rows(c) r
            UNION ALL SELECT r.*, -1 FROM old_rows o JOIN moved USING (id) JOIN portfolios p ON p.candidate_id = o.id, LATERAL report_portfolio_rows(p, o) r
            UNION ALL SELECT r.*, 1 FROM new_rows c JOIN moved USING (id) JOIN portfolios p ON p.candidate_id = c.id, LATERAL report_portfolio_rows(p, c) r
            UNION ALL SELECT r.*, -1 FROM old_rows o JOIN moved USING (id) JOIN exam_participants p ON p.candidate_id = o.id, LATERAL report_result_rows(p, o) r
            UNION ALL SELECT r.*, 1 FROM new_rows c JOIN moved USING (id) JOIN exam_participants p ON p.candidate_id = c.id, LATERAL report_result_rows(p, c) r) d
        GROUP BY 1, 2, 3, 4 HAVING SUM(d.n) <> 0;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION report_portfolios_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, COUNT(*)
        FROM new_rows p JOIN candidates c ON c.id = p.candidate_id, LATERAL report_portfolio_rows(p, c) r GROUP BY 1, 2, 3, 4;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, -COUNT(*)
        FROM old_rows p JOIN candidates c ON c.id = p.candidate_id, LATERAL report_portfolio_rows(p, c) r GROUP BY 1, 2, 3, 4;
    ELSE
        INSERT INTO report_counts (measure, province, year, dim, n)
        WITH moved AS (
            SELECT o.id FROM old_rows o JOIN new_rows p ON p.id = o.id
            WHERE (o.status, o.created_at, o.candidate_id) IS DISTINCT FROM (p.status, p.created_at, p.candidate_id))
        SELECT d.measure, d.province, d.year, d.dim, SUM(d.n) FROM (
            SELECT r.*, -1 AS n FROM old_rows o JOIN moved USING (id) JOIN candidates c ON c.id = o.candidate_id, LATERAL report_portfolio_rows(o, c) r
            UNION ALL SELECT r.*, 1 FROM new_rows p JOIN moved USING (id) JOIN candidates c ON c.id = p.candidate_id, LATERAL report_portfolio_rows(p, c) r) d
        GROUP BY 1, 2, 3, 4 HAVING SUM(d.n) <> 0;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION report_results_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, COUNT(*)
        FROM new_rows p JOIN candidates c ON c.id = p.candidate_id, LATERAL report_result_rows(p, c) r GROUP BY 1, 2, 3, 4;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, -COUNT(*)
        FROM old_rows p JOIN candidates c ON c.id = p.candidate_id, LATERAL report_result_rows(p, c) r GROUP BY 1, 2, 3, 4;
    ELSE
        INSERT INTO report_counts (measure, province, year, dim, n)
        WITH moved AS (
            SELECT o.id FROM old_rows o JOIN new_rows p ON p.id = o.id
            WHERE (o.assessed_at, o.result, o.candidate_id) IS DISTINCT FROM (p.assessed_at, p.result, p.candidate_id))
        SELECT d.measure, d.province, d.year, d.dim, SUM(d.n) FROM (
            SELECT r.*, -1 AS n FROM old_rows o JOIN moved USING (id) JOIN candidates c ON c.id = o.candidate_id, LATERAL report_result_rows(o, c) r
            UNION ALL SELECT r.*, 1 FROM new_rows p JOIN moved USING (id) JOIN candidates c ON c.id = p.candidate_id, LATERAL report_result_rows(p, c) r) d
        GROUP BY 1, 2, 3, 4 HAVING SUM(d.n) <> 0;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION report_certificates_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, COUNT(*) FROM new_rows c, LATERAL report_certificate_rows(c) r GROUP BY 1, 2, 3, 4;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_counts (measure, province, year, dim, n)
        SELECT r.measure, r.province, r.year, r.dim, -COUNT(*) FROM old_rows c, LATERAL report_certificate_rows(c) r GROUP BY 1, 2, 3, 4;
    ELSE
        INSERT INTO report_counts (measure, province, year, dim, n)
        WITH moved AS (
            SELECT o.id FROM old_rows o JOIN new_rows c ON c.id = o.id
            WHERE (o.status, o.valid_until, o.region_code, o.issued_on) IS DISTINCT FROM (c.status, c.valid_until, c.region_code, c.issued_on))
        SELECT d.measure, d.province, d.year, d.dim, SUM(d.n) FROM (
            SELECT r.*, -1 AS n FROM old_rows o JOIN moved USING (id), LATERAL report_certificate_rows(o) r
            UNION ALL SELECT r.*, 1 FROM new_rows c JOIN moved USING (id), LATERAL report_certificate_rows(c) r) d
        GROUP BY 1, 2, 3, 4 HAVING SUM(d.n) <> 0;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER report_candidates_inserted AFTER INSERT ON candidates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_candidates_counted();
CREATE TRIGGER report_candidates_updated AFTER UPDATE ON candidates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_candidates_counted();
CREATE TRIGGER report_candidates_deleted AFTER DELETE ON candidates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_candidates_counted();
CREATE TRIGGER report_portfolios_inserted AFTER INSERT ON portfolios REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_portfolios_counted();
CREATE TRIGGER report_portfolios_updated AFTER UPDATE ON portfolios REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_portfolios_counted();
CREATE TRIGGER report_portfolios_deleted AFTER DELETE ON portfolios REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_portfolios_counted();
CREATE TRIGGER report_exam_participants_inserted AFTER INSERT ON exam_participants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_results_counted();
CREATE TRIGGER report_exam_participants_updated AFTER UPDATE ON exam_participants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_results_counted();
CREATE TRIGGER report_exam_participants_deleted AFTER DELETE ON exam_participants REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_results_counted();
CREATE TRIGGER report_certificates_inserted AFTER INSERT ON certificates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_certificates_counted();
CREATE TRIGGER report_certificates_updated AFTER UPDATE ON certificates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_certificates_counted();
CREATE TRIGGER report_certificates_deleted AFTER DELETE ON certificates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_certificates_counted();
