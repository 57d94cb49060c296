-- Candidates and their practice and training records (see the SQLite script for the NIK columns).
CREATE TABLE candidates (
    id                      uuid        NOT NULL PRIMARY KEY,
    nik_index               text        NOT NULL,
    nik_protected           text        NOT NULL,
    nik_last4               text        NOT NULL,
    full_name               text        NOT NULL,
    birth_date              date        NOT NULL,
    sex                     text        NOT NULL CHECK (sex IN ('F', 'M')),
    email                   text        NOT NULL,
    phone                   text        NOT NULL,
    education_level         text        NOT NULL,
    education_field         text        NOT NULL,
    education_institution   text        NULL,
    graduation_year         integer     NULL,
    employment_type         text        NOT NULL,
    organisation            text        NOT NULL,
    region_code             text        NOT NULL,
    practice_areas          text        NOT NULL,
    practice_hours          integer     NOT NULL DEFAULT 0,
    training_hours          integer     NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL,
    version                 integer     NOT NULL
);

CREATE UNIQUE INDEX ux_candidates_nik_index ON candidates (nik_index);
CREATE INDEX ix_candidates_region ON candidates (region_code);
CREATE INDEX ix_candidates_full_name ON candidates (lower(full_name) text_pattern_ops);

CREATE TABLE practice_records (
    id              uuid    NOT NULL PRIMARY KEY,
    candidate_id    uuid    NOT NULL REFERENCES candidates (id),
    organisation    text    NOT NULL,
    role            text    NOT NULL,
    start_date      date    NOT NULL,
    end_date        date    NOT NULL,
    hours           integer NOT NULL CHECK (hours > 0),
    pmks_category   text    NOT NULL
);

CREATE INDEX ix_practice_records_candidate ON practice_records (candidate_id);

CREATE TABLE training_records (
    id                  uuid    NOT NULL PRIMARY KEY,
    candidate_id        uuid    NOT NULL REFERENCES candidates (id),
    title               text    NOT NULL,
    organiser           text    NOT NULL,
    start_date          date    NOT NULL,
    end_date            date    NOT NULL,
    hours               integer NOT NULL CHECK (hours > 0),
    kind                text    NOT NULL,
    training_event_id   uuid    NULL
);

CREATE INDEX ix_training_records_candidate ON training_records (candidate_id);
