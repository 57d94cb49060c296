-- Webhook subscriptions with their delivery position, watch-lists and delivery log; leases for work that runs on one
-- node at a time; the expiry reminders raised (each once).
CREATE TABLE webhooks (
    id               uuid        NOT NULL PRIMARY KEY,
    owner_key_id     text        NOT NULL,
    url              text        NOT NULL,
    event_types      text        NOT NULL,
    description      text        NULL,
    secret           text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('active', 'disabled')),
    created_at       timestamptz NOT NULL,
    position         bigint      NOT NULL,
    failures         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NULL,
    disabled_at      timestamptz NULL,
    version          integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_webhooks_owner ON webhooks (owner_key_id, created_at);

CREATE TABLE webhook_certificates (
    webhook_id  uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    number      text NOT NULL,
    PRIMARY KEY (webhook_id, number)
);

CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id         bigint      NOT NULL,
    type             text        NOT NULL,
    attempt          integer     NOT NULL,
    succeeded        boolean     NOT NULL,
    response_status  integer     NULL,
    error            text        NULL,
    at               timestamptz NOT NULL
);
CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);

CREATE TABLE leases (
    name        text        NOT NULL PRIMARY KEY,
    holder      text        NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE certificate_reminders (
    certificate_id  uuid        NOT NULL REFERENCES certificates (id),
    days_before     integer     NOT NULL,
    raised_at       timestamptz NOT NULL,
    PRIMARY KEY (certificate_id, days_before)
);
