-- SQLite has no fill factor (packs is a WITHOUT ROWID b-tree, updated in place); this file
-- records version 6 so both engines agree on it (see 0006_packs_fillfactor.postgres.sql).
SELECT 1;
