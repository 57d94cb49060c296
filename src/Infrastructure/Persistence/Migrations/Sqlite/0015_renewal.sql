-- Renewal: a portfolio's purpose and the certificate it renews; a renewed certificate is superseded by its successor,
-- and each names the other. SQLite cannot change a CHECK constraint, so the certificates table is rebuilt (foreign
-- keys are off on the migration's connection; the tables that reference it keep their references by name).
ALTER TABLE portfolios ADD COLUMN purpose TEXT NOT NULL DEFAULT 'initial' CHECK (purpose IN ('initial', 'renewal'));
ALTER TABLE portfolios ADD COLUMN renews TEXT NULL;

CREATE TABLE certificates_rebuilt (
    id              TEXT    NOT NULL PRIMARY KEY,
    number          TEXT    NOT NULL,
    prefix          TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    serial          INTEGER NOT NULL,
    candidate_id    TEXT    NOT NULL REFERENCES candidates (id),
    holder_name     TEXT    NOT NULL,
    holder_key      TEXT    NOT NULL,
    scheme_code     TEXT    NOT NULL,
    region_code     TEXT    NOT NULL,
    exam_id         TEXT    NOT NULL REFERENCES exams (id),
    participant_id  TEXT    NOT NULL REFERENCES exam_participants (id),
    issued_on       TEXT    NOT NULL,
    valid_until     TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('active', 'suspended', 'revoked', 'superseded')),
    version         INTEGER NOT NULL,
    signed_token    TEXT    NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    supersedes      TEXT    NULL,
    superseded_by   TEXT    NULL
);
INSERT INTO certificates_rebuilt (id, number, prefix, year, serial, candidate_id, holder_name, holder_key, scheme_code, region_code, exam_id,
    participant_id, issued_on, valid_until, status, version, signed_token, revision)
SELECT id, number, prefix, year, serial, candidate_id, holder_name, holder_key, scheme_code, region_code, exam_id,
    participant_id, issued_on, valid_until, status, version, signed_token, revision
FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_rebuilt RENAME TO certificates;
CREATE UNIQUE INDEX ux_certificates_number ON certificates (number);
CREATE UNIQUE INDEX ux_certificates_serial ON certificates (prefix, year, serial);
CREATE UNIQUE INDEX ux_certificates_participant ON certificates (participant_id);
CREATE INDEX ix_certificates_candidate ON certificates (candidate_id, scheme_code);
-- holder_key: the name upper-cased by the application (culture-invariant), compared bytewise, for prefix search
-- and keyset pagination of the public register.
CREATE INDEX ix_certificates_holder_key ON certificates (holder_key, id);
CREATE INDEX ix_certificates_valid_until ON certificates (valid_until);
