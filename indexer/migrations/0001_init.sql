-- PharmaTrace SQL mirror, version 1. Everything here is derived from chain events and can be
-- rebuilt by indexing from the deployment block. The same DDL runs on SQLite and PostgreSQL:
-- hashes and addresses are lower-case 0x-hex TEXT, times are unix seconds, booleans BOOLEAN.

CREATE TABLE participants (
    address          TEXT PRIMARY KEY,
    role             TEXT NOT NULL,
    gln              TEXT NOT NULL,
    name             TEXT NOT NULL,
    active           BOOLEAN NOT NULL,
    registered_block BIGINT NOT NULL,
    registered_at    BIGINT NOT NULL
);

CREATE TABLE products (
    gtin             TEXT PRIMARY KEY,
    owner            TEXT NOT NULL,
    name             TEXT NOT NULL,
    strength         TEXT NOT NULL,
    form             TEXT NOT NULL,
    pack_size        BIGINT NOT NULL,
    registered_block BIGINT NOT NULL
);

CREATE TABLE batches (
    batch_id         TEXT PRIMARY KEY,
    gtin             TEXT NOT NULL,
    lot              TEXT NOT NULL,
    manufacturer     TEXT NOT NULL,
    expiry           TEXT NOT NULL,
    quantity         BIGINT NOT NULL,
    published        BIGINT NOT NULL,
    packs_root       TEXT NOT NULL,
    doc_hash         TEXT NOT NULL,
    root_state       TEXT NOT NULL,
    recalled         BOOLEAN NOT NULL,
    recall_reason    TEXT NOT NULL,
    recalled_by      TEXT NOT NULL,
    recalled_at      BIGINT NOT NULL,
    registered_block BIGINT NOT NULL,
    registered_at    BIGINT NOT NULL,
    registered_tx    TEXT NOT NULL
);
CREATE UNIQUE INDEX batches_gtin_lot ON batches (gtin, lot);

-- idx is the position in the published list; -1 for a pack decommissioned without being
-- published (possible only in a batch whose root does not match its published list).
CREATE TABLE packs (
    batch_id             TEXT NOT NULL,
    pack_id              TEXT NOT NULL,
    idx                  BIGINT NOT NULL,
    state                TEXT NOT NULL,
    reason               TEXT NOT NULL,
    actor                TEXT NOT NULL,
    decommissioned_at    BIGINT NOT NULL,
    decommissioned_block BIGINT NOT NULL,
    PRIMARY KEY (batch_id, pack_id)
);

CREATE TABLE holdings (
    batch_id TEXT NOT NULL,
    holder   TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (batch_id, holder)
);
CREATE INDEX holdings_holder ON holdings (holder);

CREATE TABLE shipments (
    shipment_id   BIGINT PRIMARY KEY,
    batch_id      TEXT NOT NULL,
    sender        TEXT NOT NULL,
    receiver      TEXT NOT NULL,
    quantity      BIGINT NOT NULL,
    status        TEXT NOT NULL,
    shipped_block BIGINT NOT NULL,
    shipped_at    BIGINT NOT NULL,
    shipped_tx    TEXT NOT NULL,
    closed_block  BIGINT NOT NULL,
    closed_at     BIGINT NOT NULL
);
CREATE INDEX shipments_batch ON shipments (batch_id);
CREATE INDEX shipments_receiver ON shipments (receiver, status);

-- The raw event log: one row per contract log, keyed by (block hash, log index) so a replay
-- inserts nothing. args holds the decoded arguments as JSON (PacksPublished keeps offset and
-- count; its ids are in packs) and, where undoing an event needs it, the state it replaced.
CREATE TABLE events (
    block_number BIGINT NOT NULL,
    block_hash   TEXT NOT NULL,
    block_time   BIGINT NOT NULL,
    tx_hash      TEXT NOT NULL,
    log_index    BIGINT NOT NULL,
    contract     TEXT NOT NULL,
    name         TEXT NOT NULL,
    batch_id     TEXT NOT NULL,
    args         TEXT NOT NULL,
    PRIMARY KEY (block_hash, log_index)
);
CREATE INDEX events_batch ON events (batch_id, block_number, log_index);
CREATE INDEX events_block ON events (block_number);

-- The recent canonical blocks the indexer has seen (for reorg detection), and its cursor.
CREATE TABLE blocks (
    number      BIGINT PRIMARY KEY,
    hash        TEXT NOT NULL,
    parent_hash TEXT NOT NULL,
    time        BIGINT NOT NULL
);

CREATE TABLE sync_cursor (
    id         INTEGER PRIMARY KEY,
    number     BIGINT NOT NULL,
    hash       TEXT NOT NULL,
    head       BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
