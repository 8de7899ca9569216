-- PostgreSQL: events' primary key is (block_number, log_index), as on SQLite (see
-- 0007_events_by_block.sqlite.sql): a backfill appends to that index's right edge, where keyed
-- by (block_hash, log_index) every row went to a random leaf of a wide text index. events_block
-- is the new key's prefix.
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD PRIMARY KEY (block_number, log_index);
DROP INDEX events_block;
