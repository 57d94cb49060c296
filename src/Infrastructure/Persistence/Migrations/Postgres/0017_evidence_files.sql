-- Evidence files: each scan of an evidence item, its digest and where its bytes are in the blob store. Rows belong to
-- the portfolio (rewritten with its evidence); the blob key never leaves the server.
CREATE TABLE evidence_files (
    id              uuid NOT NULL PRIMARY KEY,
    portfolio_id    uuid NOT NULL REFERENCES portfolios (id),
    evidence_id     uuid NOT NULL,
    position        INTEGER NOT NULL,
    name            text NOT NULL,
    content_type    text NOT NULL,
    size            bigint NOT NULL,
    sha256          text NOT NULL,
    blob_key        text NOT NULL,
    uploaded_at     timestamptz NOT NULL
);
CREATE INDEX ix_evidence_files_portfolio ON evidence_files (portfolio_id, position);
