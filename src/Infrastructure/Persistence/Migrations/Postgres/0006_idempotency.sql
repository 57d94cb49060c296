-- Responses of creating requests sent with an Idempotency-Key, stored in the creating command's transaction.
-- scope_key is a hash of the caller, the route and the key; request_hash a hash of the request's content.
CREATE TABLE idempotency_keys (
    scope_key       text        NOT NULL PRIMARY KEY,
    request_hash    text        NOT NULL,
    status          integer     NOT NULL,
    location        text        NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL
);
