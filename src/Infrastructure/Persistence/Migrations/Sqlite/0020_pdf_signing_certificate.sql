-- The self-signed certificate that signs certificate PDFs when none is configured: made once, stored encrypted
-- (PKCS#12 under the key-encryption key), so every node and every restart signs as the same signer.
CREATE TABLE pdf_signing_certificates (
    issuer      TEXT NOT NULL PRIMARY KEY,
    created_at  TEXT NOT NULL,
    pkcs12      TEXT NOT NULL
);
