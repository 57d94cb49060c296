-- Responses of creating requests sent with an Idempotency-Key, stored in the creating command's transaction.
-- scope_key is a hash of the caller, the route and the key; request_hash a hash of the request's content.
CREATE TABLE idempotency_keys (
    scope_key       TEXT    NOT NULL PRIMARY KEY,
    request_hash    TEXT    NOT NULL,
    status          INTEGER NOT NULL,
    location        TEXT    NULL,
    body            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);
