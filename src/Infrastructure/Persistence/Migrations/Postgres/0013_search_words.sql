-- Every word of a holder's or candidate's name, folded (case, diacritics, punctuation; split at spaces and hyphens),
-- so a search by the start of any word is an index range, not a scan. Filled by the application on every write; the
-- rows already stored get theirs once, after this script (SearchWords.Backfill).
CREATE TABLE certificate_words (
    word            text COLLATE "C" NOT NULL,
    certificate_id  uuid NOT NULL REFERENCES certificates (id),
    PRIMARY KEY (word, certificate_id)
);
CREATE INDEX ix_certificate_words_certificate ON certificate_words (certificate_id, word);

CREATE TABLE candidate_words (
    word            text COLLATE "C" NOT NULL,
    candidate_id    uuid NOT NULL REFERENCES candidates (id),
    PRIMARY KEY (word, candidate_id)
);
CREATE INDEX ix_candidate_words_candidate ON candidate_words (candidate_id, word);
