-- PostgreSQL's half of 0005_pack_clients.service.sqlite.sql (which says why): the same table,
-- as a heap with its primary-key index.
CREATE TABLE svc_pack_clients (
    pack_id TEXT NOT NULL,
    client  TEXT NOT NULL,
    last_at BIGINT NOT NULL,
    PRIMARY KEY (pack_id, client)
);
INSERT INTO svc_pack_clients (pack_id, client, last_at)
SELECT pack_id, client, MAX(scanned_at) FROM svc_scans
WHERE pack_id <> '' AND client <> ''
GROUP BY pack_id, client;
DROP INDEX IF EXISTS svc_scans_pack;
