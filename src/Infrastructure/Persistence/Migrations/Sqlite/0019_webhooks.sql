-- Webhook subscriptions with their delivery position, watch-lists and delivery log; leases for work that runs on one
-- node at a time; the expiry reminders raised (each once).
CREATE TABLE webhooks (
    id               TEXT    NOT NULL PRIMARY KEY,
    owner_key_id     TEXT    NOT NULL,
    url              TEXT    NOT NULL,
    event_types      TEXT    NOT NULL,
    description      TEXT    NULL,
    secret           TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('active', 'disabled')),
    created_at       TEXT    NOT NULL,
    position         INTEGER NOT NULL,
    failures         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NULL,
    disabled_at      TEXT    NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_webhooks_owner ON webhooks (owner_key_id, created_at);

CREATE TABLE webhook_certificates (
    webhook_id  TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    number      TEXT NOT NULL,
    PRIMARY KEY (webhook_id, number)
);

CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id       TEXT    NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id         INTEGER NOT NULL,
    type             TEXT    NOT NULL,
    attempt          INTEGER NOT NULL,
    succeeded        INTEGER NOT NULL,
    response_status  INTEGER NULL,
    error            TEXT    NULL,
    at               TEXT    NOT NULL
);
CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);

CREATE TABLE leases (
    name        TEXT NOT NULL PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

CREATE TABLE certificate_reminders (
    certificate_id  TEXT    NOT NULL REFERENCES certificates (id),
    days_before     INTEGER NOT NULL,
    raised_at       TEXT    NOT NULL,
    PRIMARY KEY (certificate_id, days_before)
);
