-- A counter every API key change bumps in its transaction: nodes that cache keys read it at most four times a second and
-- drop their cache when it moved, so a revoked key stops working on every node within a second.
CREATE TABLE api_key_changes (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO api_key_changes (id, version) VALUES (1, 0);
