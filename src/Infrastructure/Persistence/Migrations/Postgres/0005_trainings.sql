-- Bimtek training events and their participants.
CREATE TABLE trainings (
    id              uuid        NOT NULL PRIMARY KEY,
    title           text        NOT NULL,
    organiser       text        NOT NULL,
    venue           text        NOT NULL,
    region_code     text        NOT NULL,
    start_date      date        NOT NULL,
    end_date        date        NOT NULL,
    hours           integer     NOT NULL,
    capacity        integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz NULL,
    version         integer     NOT NULL
);

CREATE TABLE training_participants (
    training_id     uuid        NOT NULL REFERENCES trainings (id),
    candidate_id    uuid        NOT NULL REFERENCES candidates (id),
    position        integer     NOT NULL,
    enrolled_at     timestamptz NOT NULL,
    attended_hours  integer     NULL,
    PRIMARY KEY (training_id, candidate_id)
);
