-- A withdrawn portfolio is final and, like a closed one, no longer the candidate's open portfolio for its scheme.
ALTER TABLE portfolios ADD COLUMN withdrawal_reason TEXT NULL;
DROP INDEX ux_portfolios_open_per_scheme;
CREATE UNIQUE INDEX ux_portfolios_open_per_scheme ON portfolios (candidate_id, scheme_code) WHERE status NOT IN ('closed', 'withdrawn');
