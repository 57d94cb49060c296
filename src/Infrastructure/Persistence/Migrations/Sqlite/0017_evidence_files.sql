-- Evidence files: each scan of an evidence item, its digest and where its bytes are in the blob store. Rows belong to
-- the portfolio (rewritten with its evidence); the blob key never leaves the server.
CREATE TABLE evidence_files (
    id              TEXT NOT NULL PRIMARY KEY,
    portfolio_id    TEXT NOT NULL REFERENCES portfolios (id),
    evidence_id     TEXT NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    blob_key        TEXT NOT NULL,
    uploaded_at     TEXT NOT NULL
);
CREATE INDEX ix_evidence_files_portfolio ON evidence_files (portfolio_id, position);
