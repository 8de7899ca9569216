-- SQLite: events is clustered on (block_number, log_index), the order a backfill appends it in
-- and every read orders by. Keyed by (block_hash, log_index), each new row went to a random
-- place of that key's index (a block hash is random) besides its rowid table and the two other
-- indexes: four b-trees a row, one of them written all over. Now the table is one b-tree
-- appended at its end, and events_block (block_number) is its key's prefix. A canonical mirror
-- holds one block per number (a reorg deletes the rows above the common ancestor before the new
-- blocks are applied), so (block_number, log_index) identifies a log in it; block_hash stays a
-- column, and the stored-log check of a replay still compares it.
CREATE TABLE events_by_block (
    block_number BIGINT NOT NULL,
    block_hash   TEXT NOT NULL,
    block_time   BIGINT NOT NULL,
    tx_hash      TEXT NOT NULL,
    log_index    BIGINT NOT NULL,
    contract     TEXT NOT NULL,
    name         TEXT NOT NULL,
    batch_id     TEXT NOT NULL,
    args         TEXT NOT NULL,
    PRIMARY KEY (block_number, log_index)
) WITHOUT ROWID;
INSERT INTO events_by_block (block_number, block_hash, block_time, tx_hash, log_index, contract, name, batch_id, args)
SELECT block_number, block_hash, block_time, tx_hash, log_index, contract, name, batch_id, args FROM events ORDER BY block_number, log_index;
DROP TABLE events;
ALTER TABLE events_by_block RENAME TO events;
CREATE INDEX events_batch ON events (batch_id, block_number, log_index);
