-- Assessors, API keys (PostgreSQL types), portfolios, exams, certificates: the certification lifecycle.
CREATE TABLE assessors (
    id                  uuid    NOT NULL PRIMARY KEY,
    full_name           text    NOT NULL,
    registration_number text    NOT NULL,
    organisation        text    NOT NULL,
    email               text    NOT NULL,
    created_at          timestamptz    NOT NULL,
    version             integer NOT NULL
);
CREATE UNIQUE INDEX ux_assessors_registration_number ON assessors (registration_number);

CREATE TABLE api_keys (
    id          uuid NOT NULL PRIMARY KEY,
    name        text NOT NULL,
    role        text NOT NULL CHECK (role IN ('admin', 'assessor', 'consumer')),
    assessor_id uuid NULL REFERENCES assessors (id),
    key_hash    text NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz NULL
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);

CREATE TABLE portfolios (
    id              uuid    NOT NULL PRIMARY KEY,
    candidate_id    uuid    NOT NULL REFERENCES candidates (id),
    scheme_code     text    NOT NULL,
    specialisation  text    NULL,
    status          text    NOT NULL,
    created_at      timestamptz    NOT NULL,
    submitted_at    timestamptz    NULL,
    reviewed_at     timestamptz    NULL,
    return_reason   text    NULL,
    version         integer NOT NULL
);
CREATE UNIQUE INDEX ux_portfolios_open_per_scheme ON portfolios (candidate_id, scheme_code) WHERE status <> 'closed';
CREATE INDEX ix_portfolios_status ON portfolios (status);

CREATE TABLE portfolio_evidence (
    id              uuid    NOT NULL PRIMARY KEY,
    portfolio_id    uuid    NOT NULL REFERENCES portfolios (id),
    position        integer NOT NULL,
    kind            text    NOT NULL,
    title           text    NOT NULL,
    description     text    NULL,
    document_date   date    NULL,
    pmks_category   text    NULL,
    helping_stages  text    NOT NULL,
    client_type     text    NULL
);
CREATE INDEX ix_portfolio_evidence_portfolio ON portfolio_evidence (portfolio_id);

CREATE TABLE portfolio_essays (
    portfolio_id    uuid NOT NULL REFERENCES portfolios (id),
    code            text NOT NULL,
    text            text NOT NULL,
    PRIMARY KEY (portfolio_id, code)
);

CREATE TABLE exams (
    id              uuid    NOT NULL PRIMARY KEY,
    scheme_code     text    NOT NULL,
    title           text    NOT NULL,
    venue           text    NOT NULL,
    region_code     text    NOT NULL,
    scheduled_on    date    NOT NULL,
    capacity        integer NOT NULL,
    status          text    NOT NULL,
    created_at      timestamptz    NOT NULL,
    started_at      timestamptz    NULL,
    decree_number   text    NULL,
    decided_at      timestamptz    NULL,
    panel           text    NULL,
    version         integer NOT NULL
);
CREATE INDEX ix_exams_scheme_status ON exams (scheme_code, status);

CREATE TABLE exam_assessors (
    exam_id             uuid    NOT NULL REFERENCES exams (id),
    assessor_id         uuid    NOT NULL REFERENCES assessors (id),
    position            integer NOT NULL,
    name                text    NOT NULL,
    organisation_key    text    NOT NULL,
    PRIMARY KEY (exam_id, assessor_id)
);
CREATE INDEX ix_exam_assessors_assessor ON exam_assessors (assessor_id);

CREATE TABLE exam_declarations (
    exam_id     uuid NOT NULL REFERENCES exams (id),
    assessor_id uuid NOT NULL REFERENCES assessors (id),
    statement   text NOT NULL,
    declared_at timestamptz NOT NULL,
    PRIMARY KEY (exam_id, assessor_id)
);

CREATE TABLE exam_participants (
    id                  uuid    NOT NULL PRIMARY KEY,
    exam_id             uuid    NOT NULL REFERENCES exams (id),
    position            integer NOT NULL,
    portfolio_id        uuid    NOT NULL REFERENCES portfolios (id),
    candidate_id        uuid    NOT NULL REFERENCES candidates (id),
    organisation_key    text    NOT NULL,
    assessor_id         uuid    NOT NULL REFERENCES assessors (id),
    enrolled_at         timestamptz    NOT NULL,
    assessment          text    NULL,
    recommendation      text    NULL,
    assessed_at         timestamptz    NULL,
    result              text    NULL,
    override_reason     text    NULL,
    appeal_reason       text    NULL,
    appeal_filed_at     timestamptz    NULL,
    appeal_upheld       integer NULL,
    appeal_note         text    NULL,
    appeal_resolved_at  timestamptz    NULL,
    certificate_number  text    NULL
);
CREATE INDEX ix_exam_participants_exam ON exam_participants (exam_id);
CREATE INDEX ix_exam_participants_candidate ON exam_participants (candidate_id);

CREATE TABLE certificate_serials (
    prefix      text    NOT NULL,
    year        integer NOT NULL,
    last_serial integer NOT NULL,
    PRIMARY KEY (prefix, year)
);

CREATE TABLE certificates (
    id              uuid    NOT NULL PRIMARY KEY,
    number          text    NOT NULL,
    prefix          text    NOT NULL,
    year            integer NOT NULL,
    serial          integer NOT NULL,
    candidate_id    uuid    NOT NULL REFERENCES candidates (id),
    holder_name     text    NOT NULL,
    holder_key      text    COLLATE "C" NOT NULL,
    scheme_code     text    NOT NULL,
    region_code     text    NOT NULL,
    exam_id         uuid    NOT NULL REFERENCES exams (id),
    participant_id  uuid    NOT NULL REFERENCES exam_participants (id),
    issued_on       date    NOT NULL,
    valid_until     date    NOT NULL,
    status          text    NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
    version         integer NOT NULL
);
CREATE UNIQUE INDEX ux_certificates_number ON certificates (number);
CREATE UNIQUE INDEX ux_certificates_serial ON certificates (prefix, year, serial);
CREATE UNIQUE INDEX ux_certificates_participant ON certificates (participant_id);
CREATE INDEX ix_certificates_candidate ON certificates (candidate_id, scheme_code);
CREATE INDEX ix_certificates_holder_key ON certificates (holder_key, id);
CREATE INDEX ix_certificates_valid_until ON certificates (valid_until);

CREATE TABLE certificate_history (
    certificate_id  uuid    NOT NULL REFERENCES certificates (id),
    position        integer NOT NULL,
    at              timestamptz    NOT NULL,
    action          text    NOT NULL,
    from_status     text    NOT NULL,
    to_status       text    NOT NULL,
    reason          text    NOT NULL,
    PRIMARY KEY (certificate_id, position)
);
