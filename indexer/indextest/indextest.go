// Package indextest opens a mirror database for tests: SQLite in the test's temp directory, or,
// when PHARMATRACE_TEST_POSTGRES holds a DSN, PostgreSQL in a schema of the test's own, dropped
// at cleanup.
package indextest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/pharmatrace/pharmatrace/indexer"
)

// Env names the variable that holds the PostgreSQL test DSN.
const Env = "PHARMATRACE_TEST_POSTGRES"

// Open opens a fresh, migrated mirror: PostgreSQL when Env is set, else SQLite.
func Open(t testing.TB) *indexer.DB {
	t.Helper()
	if dsn := os.Getenv(Env); dsn != "" {
		return open(t, SchemaDSN(t, dsn))
	}
	return open(t, filepath.Join(t.TempDir(), "mirror.db"))
}

// OpenSQLite opens a fresh SQLite mirror in the test's temp directory.
func OpenSQLite(t testing.TB) *indexer.DB {
	t.Helper()
	return open(t, filepath.Join(t.TempDir(), "mirror.db"))
}

func open(t testing.TB, dsn string) *indexer.DB {
	t.Helper()
	db, err := indexer.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// SchemaDSN creates a schema of the test's own in the PostgreSQL database dsn names, drops it at
// cleanup, and returns a DSN whose search_path is that schema.
func SchemaDSN(t testing.TB, dsn string) string {
	t.Helper()
	admin, err := sqlx.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(context.Background(), `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		a, err := sqlx.Open("pgx", dsn)
		if err == nil {
			_, _ = a.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
			a.Close()
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}
