-- Bimtek training events and their participants.
CREATE TABLE trainings (
    id              TEXT    NOT NULL PRIMARY KEY,
    title           TEXT    NOT NULL,
    organiser       TEXT    NOT NULL,
    venue           TEXT    NOT NULL,
    region_code     TEXT    NOT NULL,
    start_date      TEXT    NOT NULL,
    end_date        TEXT    NOT NULL,
    hours           INTEGER NOT NULL,
    capacity        INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    completed_at    TEXT    NULL,
    version         INTEGER NOT NULL
);

CREATE TABLE training_participants (
    training_id     TEXT    NOT NULL REFERENCES trainings (id),
    candidate_id    TEXT    NOT NULL REFERENCES candidates (id),
    position        INTEGER NOT NULL,
    enrolled_at     TEXT    NOT NULL,
    attended_hours  INTEGER NULL,
    PRIMARY KEY (training_id, candidate_id)
);
