package indexer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jmoiron/sqlx"
)

func TestServiceFile(t *testing.T) {
	for dsn, want := range map[string]string{
		"/data/pharmatrace.db":               "/data/pharmatrace.service.db",
		"file:/data/m.db?mode=rwc&cache=off": "/data/m.service.db",
		"mirror":                             "mirror.service",
		"dir.v2/mirror.sqlite":               "dir.v2/mirror.service.sqlite",
	} {
		if got := ServiceFile(dsn); got != want {
			t.Errorf("ServiceFile(%q) = %q, want %q", dsn, got, want)
		}
	}
}

// TestServiceWritesLeaveMirrorAlone is why the service's tables have a file of their own: a
// commit to them must not count as a change of the mirror, which would make every reading
// connection drop its page cache and memory map.
func TestServiceWritesLeaveMirrorAlone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "mirror.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "mirror.service.db")); err != nil {
		t.Fatalf("no service file beside the mirror: %v", err)
	}
	reader, err := db.Connx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	versions := func() (mirror, service int) {
		t.Helper()
		if err := reader.GetContext(ctx, &mirror, `PRAGMA main.data_version`); err != nil {
			t.Fatal(err)
		}
		if err := reader.GetContext(ctx, &service, `PRAGMA svc.data_version`); err != nil {
			t.Fatal(err)
		}
		return mirror, service
	}
	m0, s0 := versions()
	// Another connection writes a scan, as the recorder does.
	if _, err := db.ExecContext(ctx, `INSERT INTO svc_scans (scan_id, scanned_at, verdict, gtin, lot, serial, batch_id, pack_id, scanner, client, block)
		VALUES ('s1', 1, 'authentic', '', '', '', '', '', '', '', 0)`); err != nil {
		t.Fatal(err)
	}
	m1, s1 := versions()
	if s1 == s0 {
		t.Error("the service file's data_version did not move: the scan did not go to it")
	}
	if m1 != m0 {
		t.Errorf("a scan changed the mirror's data_version (%d → %d): its readers would drop their caches", m0, m1)
	}
	// And the other way round: the indexer's commits change the mirror.
	if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 0)`); err != nil {
		t.Fatal(err)
	}
	if m2, _ := versions(); m2 == m1 {
		t.Error("a commit to the mirror did not change its data_version")
	}
}

// TestServiceTablesMoved: a mirror from before the service file, with the service's tables and
// rows in the mirror's own file, has them moved to the service file on open, once; and the
// service file outlives a mirror deleted to be rebuilt from the chain.
func TestServiceTablesMoved(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	old, err := sqlx.Open("sqlite", sqliteDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"migrations/0002_scans.service.sql", "migrations/0003_api.service.sql"} {
		body, err := migrations.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, stmt := range splitSQL(string(body)) {
			if _, err := old.ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []string{
		`INSERT INTO svc_tokens (token_hash, account, label, created_at) VALUES ('h1', '0xabc', 'scanner', 1)`,
		`INSERT INTO svc_serials (batch_id, idx, serial) VALUES ('0xb', 0, 'SN1'), ('0xb', 1, 'SN2')`,
		`INSERT INTO svc_scans (scan_id, scanned_at, verdict, gtin, lot, serial, batch_id, pack_id, scanner, client, block)
			VALUES ('s1', 100, 'authentic', '09506000134352', 'L1', 'SN1', '0xb', '0xp', '', 'c1', 7)`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	count := func(db *DB, q string) int {
		t.Helper()
		var n int
		if err := db.GetContext(ctx, &n, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	for range 2 { // the second open finds nothing left to move
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if n := count(db, `SELECT COUNT(*) FROM svc.svc_tokens`); n != 1 {
			t.Errorf("service file holds %d tokens, want 1", n)
		}
		if n := count(db, `SELECT COUNT(*) FROM svc.svc_serials`); n != 2 {
			t.Errorf("service file holds %d serials, want 2", n)
		}
		if n := count(db, `SELECT COUNT(*) FROM svc.svc_scans WHERE scanned_at = 100 AND client = 'c1' AND block = 7`); n != 1 {
			t.Errorf("service file holds %d of the old scan, want 1 with its columns in place", n)
		}
		if n := count(db, `SELECT COUNT(*) FROM svc.svc_pack_clients WHERE pack_id = '0xp' AND client = 'c1' AND last_at = 100`); n != 1 {
			t.Errorf("svc_pack_clients holds %d rows for the moved scan, want 1 (the clone check would not see it)", n)
		}
		if n := count(db, `SELECT COUNT(*) FROM main.sqlite_master WHERE name LIKE 'svc_%'`); n != 0 {
			t.Errorf("the mirror's file still has %d service tables or indexes", n)
		}
		if n := count(db, `SELECT COUNT(*) FROM svc_serials WHERE serial = 'SN2'`); n != 1 {
			t.Error("an unqualified query does not find the moved rows")
		}
		db.Close()
	}

	// The mirror deleted (to be rebuilt from the chain): the service's records stay.
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(db, `SELECT COUNT(*) FROM svc_tokens`); n != 1 {
		t.Errorf("after rebuilding the mirror, %d tokens, want 1", n)
	}
}
