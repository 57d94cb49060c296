-- Renewal: a portfolio's purpose and the certificate it renews; a renewed certificate is superseded by its successor,
-- and each names the other.
ALTER TABLE portfolios ADD COLUMN purpose text NOT NULL DEFAULT 'initial' CHECK (purpose IN ('initial', 'renewal'));
ALTER TABLE portfolios ADD COLUMN renews text NULL;
ALTER TABLE certificates DROP CONSTRAINT certificates_status_check;
ALTER TABLE certificates ADD CONSTRAINT certificates_status_check CHECK (status IN ('active', 'suspended', 'revoked', 'superseded'));
ALTER TABLE certificates ADD COLUMN supersedes text NULL;
ALTER TABLE certificates ADD COLUMN superseded_by text NULL;
