-- Assessors, API keys, portfolios, exams, certificates: the certification lifecycle.
CREATE TABLE assessors (
    id                  TEXT    NOT NULL PRIMARY KEY,
    full_name           TEXT    NOT NULL,
    registration_number TEXT    NOT NULL,
    organisation        TEXT    NOT NULL,
    email               TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    version             INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_assessors_registration_number ON assessors (registration_number);

CREATE TABLE api_keys (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'assessor', 'consumer')),
    assessor_id TEXT NULL REFERENCES assessors (id),
    key_hash    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT NULL
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);

CREATE TABLE portfolios (
    id              TEXT    NOT NULL PRIMARY KEY,
    candidate_id    TEXT    NOT NULL REFERENCES candidates (id),
    scheme_code     TEXT    NOT NULL,
    specialisation  TEXT    NULL,
    status          TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    submitted_at    TEXT    NULL,
    reviewed_at     TEXT    NULL,
    return_reason   TEXT    NULL,
    version         INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_portfolios_open_per_scheme ON portfolios (candidate_id, scheme_code) WHERE status <> 'closed';
CREATE INDEX ix_portfolios_status ON portfolios (status);

CREATE TABLE portfolio_evidence (
    id              TEXT    NOT NULL PRIMARY KEY,
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    position        INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    description     TEXT    NULL,
    document_date   TEXT    NULL,
    pmks_category   TEXT    NULL,
    helping_stages  TEXT    NOT NULL,
    client_type     TEXT    NULL
);
CREATE INDEX ix_portfolio_evidence_portfolio ON portfolio_evidence (portfolio_id);

CREATE TABLE portfolio_essays (
    portfolio_id    TEXT NOT NULL REFERENCES portfolios (id),
    code            TEXT NOT NULL,
    text            TEXT NOT NULL,
    PRIMARY KEY (portfolio_id, code)
);

CREATE TABLE exams (
    id              TEXT    NOT NULL PRIMARY KEY,
    scheme_code     TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    venue           TEXT    NOT NULL,
    region_code     TEXT    NOT NULL,
    scheduled_on    TEXT    NOT NULL,
    capacity        INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    started_at      TEXT    NULL,
    decree_number   TEXT    NULL,
    decided_at      TEXT    NULL,
    panel           TEXT    NULL,
    version         INTEGER NOT NULL
);
CREATE INDEX ix_exams_scheme_status ON exams (scheme_code, status);

CREATE TABLE exam_assessors (
    exam_id             TEXT    NOT NULL REFERENCES exams (id),
    assessor_id         TEXT    NOT NULL REFERENCES assessors (id),
    position            INTEGER NOT NULL,
    name                TEXT    NOT NULL,
    organisation_key    TEXT    NOT NULL,
    PRIMARY KEY (exam_id, assessor_id)
);
CREATE INDEX ix_exam_assessors_assessor ON exam_assessors (assessor_id);

CREATE TABLE exam_declarations (
    exam_id     TEXT NOT NULL REFERENCES exams (id),
    assessor_id TEXT NOT NULL REFERENCES assessors (id),
    statement   TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (exam_id, assessor_id)
);

CREATE TABLE exam_participants (
    id                  TEXT    NOT NULL PRIMARY KEY,
    exam_id             TEXT    NOT NULL REFERENCES exams (id),
    position            INTEGER NOT NULL,
    portfolio_id        TEXT    NOT NULL REFERENCES portfolios (id),
    candidate_id        TEXT    NOT NULL REFERENCES candidates (id),
    organisation_key    TEXT    NOT NULL,
    assessor_id         TEXT    NOT NULL REFERENCES assessors (id),
    enrolled_at         TEXT    NOT NULL,
    assessment          TEXT    NULL,
    recommendation      TEXT    NULL,
    assessed_at         TEXT    NULL,
    result              TEXT    NULL,
    override_reason     TEXT    NULL,
    appeal_reason       TEXT    NULL,
    appeal_filed_at     TEXT    NULL,
    appeal_upheld       INTEGER NULL,
    appeal_note         TEXT    NULL,
    appeal_resolved_at  TEXT    NULL,
    certificate_number  TEXT    NULL
);
CREATE INDEX ix_exam_participants_exam ON exam_participants (exam_id);
CREATE INDEX ix_exam_participants_candidate ON exam_participants (candidate_id);

CREATE TABLE certificate_serials (
    prefix      TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

CREATE TABLE certificates (
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
    status          TEXT    NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
    version         INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_certificates_number ON certificates (number);
CREATE UNIQUE INDEX ux_certificates_serial ON certificates (prefix, year, serial);
CREATE UNIQUE INDEX ux_certificates_participant ON certificates (participant_id);
CREATE INDEX ix_certificates_candidate ON certificates (candidate_id, scheme_code);
-- holder_key: the name upper-cased by the application (culture-invariant), compared bytewise, for prefix search
-- and keyset pagination of the public register.
CREATE INDEX ix_certificates_holder_key ON certificates (holder_key, id);
CREATE INDEX ix_certificates_valid_until ON certificates (valid_until);

CREATE TABLE certificate_history (
    certificate_id  TEXT    NOT NULL REFERENCES certificates (id),
    position        INTEGER NOT NULL,
    at              TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    from_status     TEXT    NOT NULL,
    to_status       TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    PRIMARY KEY (certificate_id, position)
);
