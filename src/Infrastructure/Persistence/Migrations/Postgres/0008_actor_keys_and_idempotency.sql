-- The audit actor names its key by id (a key's name is free text); active keys' names are unique.
ALTER TABLE audit_log ADD COLUMN actor_key_id text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX ux_api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
