-- Clone detection counts the distinct clients that scanned a pack within a window. It read them
-- from the scan log through an index on (pack_id, scanned_at), visiting every scan's row for its
-- client; svc_pack_clients keeps one row per pack and client with the client's latest scan, so
-- the count reads one small clustered B-tree and nothing else ("a client scanned the pack since
-- T" is "its latest scan is at or after T"). The recorder writes it beside each scan, so the
-- scan log's pack index goes: a scan still costs one random-place B-tree write, not two.
-- SQLite: clustered on its key (WITHOUT ROWID), one B-tree; PostgreSQL: see the .postgres file.
CREATE TABLE svc_pack_clients (
    pack_id TEXT NOT NULL,
    client  TEXT NOT NULL,
    last_at BIGINT NOT NULL,
    PRIMARY KEY (pack_id, client)
) WITHOUT ROWID;
INSERT INTO svc_pack_clients (pack_id, client, last_at)
SELECT pack_id, client, MAX(scanned_at) FROM svc_scans
WHERE pack_id <> '' AND client <> ''
GROUP BY pack_id, client;
DROP INDEX IF EXISTS svc_scans_pack;
