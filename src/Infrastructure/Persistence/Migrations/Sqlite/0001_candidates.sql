-- Candidates and their practice and training records.
-- The NIK is never stored in clear: nik_index is a keyed HMAC (uniqueness and lookup), nik_protected the
-- AES-GCM ciphertext, nik_last4 what a masked NIK shows.
CREATE TABLE candidates (
    id                      TEXT    NOT NULL PRIMARY KEY,
    nik_index               TEXT    NOT NULL,
    nik_protected           TEXT    NOT NULL,
    nik_last4               TEXT    NOT NULL,
    full_name               TEXT    NOT NULL,
    birth_date              TEXT    NOT NULL,
    sex                     TEXT    NOT NULL CHECK (sex IN ('F', 'M')),
    email                   TEXT    NOT NULL,
    phone                   TEXT    NOT NULL,
    education_level         TEXT    NOT NULL,
    education_field         TEXT    NOT NULL,
    education_institution   TEXT    NULL,
    graduation_year         INTEGER NULL,
    employment_type         TEXT    NOT NULL,
    organisation            TEXT    NOT NULL,
    region_code             TEXT    NOT NULL,
    practice_areas          TEXT    NOT NULL,
    practice_hours          INTEGER NOT NULL DEFAULT 0,
    training_hours          INTEGER NOT NULL DEFAULT 0,
    created_at              TEXT    NOT NULL,
    version                 INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_candidates_nik_index ON candidates (nik_index);
CREATE INDEX ix_candidates_region ON candidates (region_code);
CREATE INDEX ix_candidates_full_name ON candidates (full_name COLLATE NOCASE);

CREATE TABLE practice_records (
    id              TEXT    NOT NULL PRIMARY KEY,
    candidate_id    TEXT    NOT NULL REFERENCES candidates (id),
    organisation    TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    start_date      TEXT    NOT NULL,
    end_date        TEXT    NOT NULL,
    hours           INTEGER NOT NULL CHECK (hours > 0),
    pmks_category   TEXT    NOT NULL
);

CREATE INDEX ix_practice_records_candidate ON practice_records (candidate_id);

CREATE TABLE training_records (
    id                  TEXT    NOT NULL PRIMARY KEY,
    candidate_id        TEXT    NOT NULL REFERENCES candidates (id),
    title               TEXT    NOT NULL,
    organiser           TEXT    NOT NULL,
    start_date          TEXT    NOT NULL,
    end_date            TEXT    NOT NULL,
    hours               INTEGER NOT NULL CHECK (hours > 0),
    kind                TEXT    NOT NULL,
    training_event_id   TEXT    NULL
);

CREATE INDEX ix_training_records_candidate ON training_records (candidate_id);
