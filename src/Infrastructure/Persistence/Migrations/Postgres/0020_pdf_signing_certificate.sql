-- The self-signed certificate that signs certificate PDFs when none is configured: made once, stored encrypted
-- (PKCS#12 under the key-encryption key), so every node and every restart signs as the same signer.
CREATE TABLE pdf_signing_certificates (
    issuer      text        NOT NULL PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    pkcs12      text        NOT NULL
);
