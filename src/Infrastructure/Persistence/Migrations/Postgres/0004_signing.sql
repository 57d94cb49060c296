-- Certificates carry the ES256 token signed at issuance; signing keys are generated on first start and kept
-- (private keys encrypted with AES-GCM) so that every key that ever signed stays published.
ALTER TABLE certificates ADD COLUMN signed_token text NULL;

CREATE TABLE signing_keys (
    kid             text        NOT NULL PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    public_x        text        NOT NULL,
    public_y        text        NOT NULL,
    private_key     text        NOT NULL,
    retired_at      timestamptz NULL
);
