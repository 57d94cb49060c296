-- The summary report's counts, kept by triggers in the same transaction as every write (registration, import,
-- correction, portfolio, result, certificate), so the report sums a few thousand rows instead of scanning millions.
-- measure: what is counted; province: two digits; year: the year the report filters on; dim: the breakdown, for
-- candidates and results the candidate's profile 'employment-type:area,area' (the report splits it into its employment
-- and PMKS slices, so a row costs one counter, not one per area), a portfolio's status, a certificate's valid-until date.
CREATE TABLE report_counts (
    measure   TEXT    NOT NULL,
    province  TEXT    NOT NULL,
    year      INTEGER NOT NULL,
    dim       TEXT    NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (measure, province, year, dim)
) WITHOUT ROWID;

CREATE INDEX ix_portfolios_candidate ON portfolios (candidate_id);

-- What a portfolio, a result and a certificate contribute; their triggers subtract a row's contribution before it
-- changes and add it after. A candidate's own count is written from NEW and OLD directly (the import's hot path).
CREATE VIEW report_portfolio_rows AS
SELECT p.id AS portfolio_id, p.candidate_id, 'portfolios' AS measure, substr(c.region_code, 1, 2) AS province,
       CAST(substr(p.created_at, 1, 4) AS integer) AS year, p.status AS dim
FROM portfolios p JOIN candidates c ON c.id = p.candidate_id;

CREATE VIEW report_result_rows AS
SELECT p.id AS participant_id, p.candidate_id, m.measure, substr(c.region_code, 1, 2) AS province,
       CAST(substr(p.assessed_at, 1, 4) AS integer) AS year, c.employment_type || ':' || c.practice_areas AS dim
FROM exam_participants p JOIN candidates c ON c.id = p.candidate_id
JOIN (SELECT 'assessed' AS measure UNION ALL SELECT 'k' UNION ALL SELECT 'bk') m ON m.measure = 'assessed' OR m.measure = p.result
WHERE p.assessed_at IS NOT NULL;

CREATE VIEW report_certificate_rows AS
SELECT id AS certificate_id, 'certificates.active' AS measure, substr(region_code, 1, 2) AS province,
       CAST(substr(issued_on, 1, 4) AS integer) AS year, valid_until AS dim
FROM certificates
WHERE status = 'active';

INSERT INTO report_counts (measure, province, year, dim, n)
SELECT measure, province, year, dim, COUNT(*) FROM (
    SELECT 'candidates' AS measure, substr(region_code, 1, 2) AS province, CAST(substr(created_at, 1, 4) AS integer) AS year,
           employment_type || ':' || practice_areas AS dim FROM candidates
    UNION ALL SELECT measure, province, year, dim FROM report_portfolio_rows
    UNION ALL SELECT measure, province, year, dim FROM report_result_rows
    UNION ALL SELECT measure, province, year, dim FROM report_certificate_rows)
GROUP BY measure, province, year, dim;

-- Candidates: their own count, and the counts of their portfolios and results, which follow the candidate's region,
-- employment type and practice areas.
CREATE TRIGGER report_candidate_added AFTER INSERT ON candidates
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    VALUES ('candidates', substr(NEW.region_code, 1, 2), CAST(substr(NEW.created_at, 1, 4) AS integer), NEW.employment_type || ':' || NEW.practice_areas, 1)
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER report_candidate_leaving BEFORE UPDATE OF region_code, employment_type, practice_areas, created_at ON candidates
WHEN OLD.region_code IS NOT NEW.region_code OR OLD.employment_type IS NOT NEW.employment_type
  OR OLD.practice_areas IS NOT NEW.practice_areas OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    VALUES ('candidates', substr(OLD.region_code, 1, 2), CAST(substr(OLD.created_at, 1, 4) AS integer), OLD.employment_type || ':' || OLD.practice_areas, -1)
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n - 1;
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, -COUNT(*) FROM (
        SELECT measure, province, year, dim FROM report_portfolio_rows WHERE candidate_id = OLD.id
        UNION ALL SELECT measure, province, year, dim FROM report_result_rows WHERE candidate_id = OLD.id)
    WHERE true GROUP BY measure, province, year, dim
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_candidate_changed AFTER UPDATE OF region_code, employment_type, practice_areas, created_at ON candidates
WHEN OLD.region_code IS NOT NEW.region_code OR OLD.employment_type IS NOT NEW.employment_type
  OR OLD.practice_areas IS NOT NEW.practice_areas OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    VALUES ('candidates', substr(NEW.region_code, 1, 2), CAST(substr(NEW.created_at, 1, 4) AS integer), NEW.employment_type || ':' || NEW.practice_areas, 1)
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + 1;
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, COUNT(*) FROM (
        SELECT measure, province, year, dim FROM report_portfolio_rows WHERE candidate_id = NEW.id
        UNION ALL SELECT measure, province, year, dim FROM report_result_rows WHERE candidate_id = NEW.id)
    WHERE true GROUP BY measure, province, year, dim
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_candidate_removed BEFORE DELETE ON candidates
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    VALUES ('candidates', substr(OLD.region_code, 1, 2), CAST(substr(OLD.created_at, 1, 4) AS integer), OLD.employment_type || ':' || OLD.practice_areas, -1)
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n - 1;
END;

CREATE TRIGGER report_portfolio_added AFTER INSERT ON portfolios
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, 1 FROM report_portfolio_rows WHERE portfolio_id = NEW.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_portfolio_leaving BEFORE UPDATE OF status, created_at, candidate_id ON portfolios
WHEN OLD.status IS NOT NEW.status OR OLD.created_at IS NOT NEW.created_at OR OLD.candidate_id IS NOT NEW.candidate_id
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, -1 FROM report_portfolio_rows WHERE portfolio_id = OLD.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_portfolio_changed AFTER UPDATE OF status, created_at, candidate_id ON portfolios
WHEN OLD.status IS NOT NEW.status OR OLD.created_at IS NOT NEW.created_at OR OLD.candidate_id IS NOT NEW.candidate_id
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, 1 FROM report_portfolio_rows WHERE portfolio_id = NEW.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_portfolio_removed BEFORE DELETE ON portfolios
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, -1 FROM report_portfolio_rows WHERE portfolio_id = OLD.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_result_added AFTER INSERT ON exam_participants
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, 1 FROM report_result_rows WHERE participant_id = NEW.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_result_leaving BEFORE UPDATE OF assessed_at, result, candidate_id ON exam_participants
WHEN OLD.assessed_at IS NOT NEW.assessed_at OR OLD.result IS NOT NEW.result OR OLD.candidate_id IS NOT NEW.candidate_id
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, -1 FROM report_result_rows WHERE participant_id = OLD.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_result_changed AFTER UPDATE OF assessed_at, result, candidate_id ON exam_participants
WHEN OLD.assessed_at IS NOT NEW.assessed_at OR OLD.result IS NOT NEW.result OR OLD.candidate_id IS NOT NEW.candidate_id
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, 1 FROM report_result_rows WHERE participant_id = NEW.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_result_removed BEFORE DELETE ON exam_participants
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, -1 FROM report_result_rows WHERE participant_id = OLD.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_certificate_added AFTER INSERT ON certificates
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, 1 FROM report_certificate_rows WHERE certificate_id = NEW.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_certificate_leaving BEFORE UPDATE OF status, valid_until, region_code, issued_on ON certificates
WHEN OLD.status IS NOT NEW.status OR OLD.valid_until IS NOT NEW.valid_until OR OLD.region_code IS NOT NEW.region_code
  OR OLD.issued_on IS NOT NEW.issued_on
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, -1 FROM report_certificate_rows WHERE certificate_id = OLD.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_certificate_changed AFTER UPDATE OF status, valid_until, region_code, issued_on ON certificates
WHEN OLD.status IS NOT NEW.status OR OLD.valid_until IS NOT NEW.valid_until OR OLD.region_code IS NOT NEW.region_code
  OR OLD.issued_on IS NOT NEW.issued_on
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, 1 FROM report_certificate_rows WHERE certificate_id = NEW.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_certificate_removed BEFORE DELETE ON certificates
BEGIN
    INSERT INTO report_counts (measure, province, year, dim, n)
    SELECT measure, province, year, dim, -1 FROM report_certificate_rows WHERE certificate_id = OLD.id
    ON CONFLICT (measure, province, year, dim) DO UPDATE SET n = n + excluded.n;
END;
