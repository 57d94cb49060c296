-- A certificate's revision: 1 at issue, one more at each reissue (a corrected name, a new signed token).
ALTER TABLE certificates ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
