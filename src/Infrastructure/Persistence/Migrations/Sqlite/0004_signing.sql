-- Certificates carry the ES256 token signed at issuance; signing keys are generated on first start and kept
-- (private keys encrypted with AES-GCM) so that every key that ever signed stays published.
ALTER TABLE certificates ADD COLUMN signed_token TEXT NULL;

CREATE TABLE signing_keys (
    kid             TEXT NOT NULL PRIMARY KEY,
    created_at      TEXT NOT NULL,
    public_x        TEXT NOT NULL,
    public_y        TEXT NOT NULL,
    private_key     TEXT NOT NULL,
    retired_at      TEXT NULL
);
