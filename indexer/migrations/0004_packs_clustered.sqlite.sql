-- SQLite only (the runner applies a NNNN_name.sqlite.sql file to SQLite, a .postgres.sql one to
-- PostgreSQL): packs is clustered on its primary key. A backfill writes every pack twice — when
-- its id is published and when it is dispensed — at a random place of the key, a pack id being a
-- hash; a rowid table pays each of those in two B-trees (the table and its key's index), a
-- WITHOUT ROWID table in one. PostgreSQL keeps the heap table and its primary-key index.
CREATE TABLE packs_clustered (
    batch_id             TEXT NOT NULL,
    pack_id              TEXT NOT NULL,
    idx                  BIGINT NOT NULL,
    state                TEXT NOT NULL,
    reason               TEXT NOT NULL,
    actor                TEXT NOT NULL,
    decommissioned_at    BIGINT NOT NULL,
    decommissioned_block BIGINT NOT NULL,
    PRIMARY KEY (batch_id, pack_id)
) WITHOUT ROWID;
INSERT INTO packs_clustered (batch_id, pack_id, idx, state, reason, actor, decommissioned_at, decommissioned_block)
SELECT batch_id, pack_id, idx, state, reason, actor, decommissioned_at, decommissioned_block FROM packs;
DROP TABLE packs;
ALTER TABLE packs_clustered RENAME TO packs;
