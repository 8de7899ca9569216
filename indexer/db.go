// Package indexer mirrors the PharmaTrace contracts' events into SQL — SQLite by default,
// PostgreSQL at scale, with the same schema and queries — exactly once, through reorgs and
// crashes, and serves the read queries the rest of the platform uses.
package indexer

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the SQL mirror: a SQLite file or a PostgreSQL database.
type DB struct {
	*sqlx.DB
	// Postgres is true for PostgreSQL, false for SQLite.
	Postgres bool
}

// Open connects to dsn — a SQLite file path (or "file:…" URI), or a "postgres://…" /
// "postgresql://…" URL — and applies any pending migrations.
func Open(ctx context.Context, dsn string) (*DB, error) {
	var (
		db  *sqlx.DB
		err error
		pg  = IsPostgres(dsn)
	)
	if pg {
		db, err = sqlx.Open("pgx", dsn)
	} else {
		sqlx.BindDriver("sqlite", sqlx.QUESTION)
		db, err = sqlx.Open("sqlite", sqliteDSN(dsn))
		if err == nil {
			// One writer at a time is all SQLite allows; readers use WAL snapshots. Keep the
			// connections open: database/sql keeps two idle ones by default, and above two
			// concurrent readers it would close and reopen connections, each reopen re-running
			// the pragmas with a cold page cache (measured: 15 % of a verification's time).
			db.SetMaxOpenConns(8)
			db.SetMaxIdleConns(8)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	d := &DB{DB: db, Postgres: pg}
	if err := d.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

// IsPostgres reports whether dsn names a PostgreSQL database (anything else is a SQLite file).
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqliteDSN adds the pragmas the mirror wants: WAL (readers never block the writer), a busy
// timeout, NORMAL sync (safe with WAL), a 256 MiB page cache (a backfill inserts and updates
// packs and events at random places of their indexes, and with a smaller cache re-reads those
// pages from the file over and over), temporary data in memory (a multi-row write journals
// every page it changes in a statement journal, a temporary file otherwise) and IMMEDIATE
// transactions (the writer takes its lock up front); and the file memory-mapped (256 MiB), so
// that readers whose page cache a commit invalidated read pages back without a system call each.
func sqliteDSN(path string) string {
	if !strings.HasPrefix(path, "file:") {
		path = "file:" + path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-262144)&_pragma=temp_store(MEMORY)&_pragma=mmap_size(268435456)&_pragma=foreign_keys(ON)&_txlock=immediate"
}

// migrate applies the embedded migrations not yet recorded, each in its own transaction.
func (d *DB) migrate(ctx context.Context) error {
	if _, err := d.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		// NNNN_name.sqlite.sql and NNNN_name.postgres.sql hold one engine's DDL where the two
		// cannot share it; NNNN_name.sql runs on both.
		if (d.Postgres && strings.HasSuffix(base, ".sqlite.sql")) || (!d.Postgres && strings.HasSuffix(base, ".postgres.sql")) {
			continue
		}
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", base)
		}
		var n int
		if err := d.GetContext(ctx, &n, d.Rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if n > 0 {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = d.InTx(ctx, func(tx *sqlx.Tx) error {
			for _, stmt := range splitSQL(string(body)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w", firstLine(stmt), err)
				}
			}
			_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), version, time.Now().Unix())
			return err
		})
		if err != nil {
			return fmt.Errorf("apply migration %s: %w", base, err)
		}
	}
	return nil
}

// InTx runs fn in a transaction, committing if it returns nil.
func (d *DB) InTx(ctx context.Context, fn func(*sqlx.Tx) error) error {
	tx, err := d.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// splitSQL splits a migration into statements at semicolons ending a line, dropping comments.
func splitSQL(body string) []string {
	var (
		out []string
		cur strings.Builder
	)
	for _, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(trimmed, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// IsNoRows reports whether err is sql.ErrNoRows.
func IsNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
