-- Tables the service owns: off-chain records that indexing does not rebuild. Their names say so.
-- No personal data: a scan records which participant scanned (or none for the public) and an
-- opaque, salted hash of the client, used only to count distinct clients per pack.

CREATE TABLE svc_scans (
    scan_id    TEXT PRIMARY KEY,
    scanned_at BIGINT NOT NULL,
    verdict    TEXT NOT NULL,
    gtin       TEXT NOT NULL,
    lot        TEXT NOT NULL,
    serial     TEXT NOT NULL,
    batch_id   TEXT NOT NULL,
    pack_id    TEXT NOT NULL,
    scanner    TEXT NOT NULL,
    client     TEXT NOT NULL,
    block      BIGINT NOT NULL
);
CREATE INDEX svc_scans_pack ON svc_scans (pack_id, scanned_at);
CREATE INDEX svc_scans_time ON svc_scans (scanned_at);

CREATE TABLE svc_alerts (
    alert_id   TEXT PRIMARY KEY,
    code       TEXT NOT NULL,
    nmvs_code  TEXT NOT NULL,
    message    TEXT NOT NULL,
    state      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    batch_id   TEXT NOT NULL,
    pack_id    TEXT NOT NULL,
    gtin       TEXT NOT NULL,
    lot        TEXT NOT NULL,
    serial     TEXT NOT NULL,
    scanner    TEXT NOT NULL,
    details    TEXT NOT NULL
);
CREATE INDEX svc_alerts_state ON svc_alerts (state, created_at);
CREATE INDEX svc_alerts_pack ON svc_alerts (pack_id);
