-- Each certificate's place in the W3C Bitstring Status Lists of its wallet credential: a list and an index drawn at
-- random (so an index says nothing about when or to whom a certificate was issued). The bits are read from the
-- certificates' status, so they change in the transaction that changes the status.
ALTER TABLE certificates ADD COLUMN status_list_id INTEGER NULL;
ALTER TABLE certificates ADD COLUMN status_list_index INTEGER NULL;
CREATE UNIQUE INDEX ux_certificates_status_list ON certificates (status_list_id, status_list_index);
