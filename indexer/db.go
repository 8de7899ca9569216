// Package indexer mirrors the PharmaTrace contracts' events into SQL — SQLite by default,
// PostgreSQL at scale, with the same schema and queries — exactly once, through reorgs and
// crashes, and serves the read queries the rest of the platform uses.
package indexer

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"github.com/jmoiron/sqlx"
	"modernc.org/sqlite" // registers "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the SQL mirror: a SQLite file or a PostgreSQL database.
//
// It also holds the service's own tables (svc_*: the scan log, alerts, API tokens, idempotency
// keys, serials), which indexing does not rebuild. On PostgreSQL they share the database. On
// SQLite they live in a second file beside the mirror (ServiceFile), attached to every
// connection as schema "svc", so queries name them unqualified as on PostgreSQL. Two files
// because a SQLite reader drops its whole page cache and memory map whenever anything commits
// to the file it reads: with the scan log in the mirror's file, every batch of scans written
// made every verification re-read the pack index from scratch (measured: a third of a
// verification's CPU). And the mirror can be deleted and rebuilt from the chain, while the
// service file is the one to back up.
type DB struct {
	*sqlx.DB
	// Postgres is true for PostgreSQL, false for SQLite.
	Postgres bool
	// ServicePath is the SQLite file holding the service's tables; "" on PostgreSQL.
	ServicePath string
}

// Open connects to dsn — a SQLite file path (or "file:…" URI), or a "postgres://…" /
// "postgresql://…" URL — and applies any pending migrations. A SQLite mirror at path/x.db
// keeps the service's tables in path/x.service.db (see DB).
func Open(ctx context.Context, dsn string) (*DB, error) {
	var (
		db  *sqlx.DB
		err error
		pg  = IsPostgres(dsn)
	)
	d := &DB{Postgres: pg}
	if pg {
		db, err = sqlx.Open("pgx", dsn)
	} else {
		sqlx.BindDriver("sqlite", sqlx.QUESTION)
		d.ServicePath = ServiceFile(dsn)
		// The service file first, with its own migrations and ledger, so that the mirror's
		// connections can attach it.
		if err := migrateServiceFile(ctx, d.ServicePath); err != nil {
			return nil, err
		}
		var c driver.Connector
		if c, err = sqlite.NewConnector(sqliteDSN(dsn)); err == nil {
			db = sqlx.NewDb(sql.OpenDB(attachService{Connector: c, path: d.ServicePath}), "sqlite")
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
	if err := ping(ctx, db.DB); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	d.DB = db
	kind := allMigrations
	if !pg {
		kind = mirrorMigrations
	}
	if err := d.migrate(ctx, kind); err != nil {
		db.Close()
		return nil, err
	}
	if !pg {
		if err := d.moveServiceTables(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	return d, nil
}

// ServiceFile is the SQLite file that holds the service's tables for the mirror at dsn (a path
// or "file:" URI): the mirror's path with ".service" before its extension.
func ServiceFile(dsn string) string {
	path := strings.TrimPrefix(dsn, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".service" + ext
}

// migrateServiceFile applies the service migrations to the service file, on a connection of
// its own: there the tables are in the main schema, and the file keeps its own ledger.
func migrateServiceFile(ctx context.Context, path string) error {
	db, err := sqlx.Open("sqlite", sqliteDSN(path))
	if err != nil {
		return fmt.Errorf("open service database %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := ping(ctx, db.DB); err != nil {
		return fmt.Errorf("open service database %s: %w", path, err)
	}
	if err := (&DB{DB: db}).migrate(ctx, serviceMigrations); err != nil {
		return fmt.Errorf("service database %s: %w", path, err)
	}
	return nil
}

// ping opens db's first connection. A SQLite file that another process is creating at the same
// moment (serve and index started together) can answer SQLITE_BUSY to the connection's switch to
// WAL without waiting out the busy timeout; such an open is retried for as long as that timeout.
func ping(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(10 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := db.PingContext(ctx)
		var se interface{ Code() int }
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqliteBusy || time.Now().After(deadline) {
			return err
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return err
		}
	}
}

// sqliteBusy is SQLITE_BUSY, the primary result code of extended codes such as SQLITE_BUSY_RECOVERY.
const sqliteBusy = 5

// attachService opens mirror connections with the service file attached as schema "svc".
type attachService struct {
	driver.Connector
	path string
}

func (a attachService) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := a.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	ex, ok := conn.(driver.ExecerContext)
	if !ok {
		conn.Close()
		return nil, errors.New("sqlite connection cannot execute statements")
	}
	for _, q := range []string{
		`ATTACH DATABASE ? AS svc`,
		`PRAGMA svc.synchronous = NORMAL`,
		fmt.Sprintf(`PRAGMA svc.cache_size = -%d`, sqliteCacheKiB),
	} {
		var args []driver.NamedValue
		if strings.Contains(q, "?") {
			args = []driver.NamedValue{{Ordinal: 1, Value: a.path}}
		}
		if _, err := ex.ExecContext(ctx, q, args); err != nil {
			conn.Close()
			return nil, fmt.Errorf("attach service database %s: %s: %w", a.path, q, err)
		}
	}
	return conn, nil
}

// moveServiceTables moves service tables that an earlier version created in the mirror's file
// into the service file, once: copy, then drop, in one transaction (a copy repeated after a
// crash between the two files' commits ignores rows already there).
func (d *DB) moveServiceTables(ctx context.Context) error {
	var tables []string
	err := d.SelectContext(ctx, &tables, `SELECT m.name FROM main.sqlite_master m
		JOIN svc.sqlite_master s ON s.name = m.name AND s.type = 'table'
		WHERE m.type = 'table' AND m.name <> 'schema_migrations' ORDER BY m.name`)
	if err != nil {
		return fmt.Errorf("list service tables in the mirror's file: %w", err)
	}
	if len(tables) == 0 {
		return nil
	}
	return d.InTx(ctx, func(tx *sqlx.Tx) error {
		for _, t := range tables {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`INSERT OR IGNORE INTO svc.%s SELECT * FROM main.%s`, t, t)); err != nil {
				return fmt.Errorf("move %s to the service database: %w", t, err)
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`DROP TABLE main.%s`, t)); err != nil {
				return fmt.Errorf("move %s to the service database: %w", t, err)
			}
			if t == "svc_scans" { // the clone check's table is derived from the scans (migration 0005)
				if _, err := tx.ExecContext(ctx, packClientsFromScansSQL); err != nil {
					return fmt.Errorf("move svc_scans to the service database: derive svc_pack_clients: %w", err)
				}
			}
		}
		return nil
	})
}

// packClientsFromScansSQL derives svc_pack_clients from scans moved into the service file: the
// latest scan of each pack by each client, kept where the table already has a later one.
const packClientsFromScansSQL = `INSERT INTO svc.svc_pack_clients (pack_id, client, last_at)
	SELECT pack_id, client, MAX(scanned_at) FROM svc.svc_scans
	WHERE pack_id <> '' AND client <> ''
	GROUP BY pack_id, client
	ON CONFLICT (pack_id, client) DO UPDATE SET last_at = MAX(last_at, excluded.last_at)`

// IsPostgres reports whether dsn names a PostgreSQL database (anything else is a SQLite file).
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqliteCacheKiB is a SQLite connection's page cache: small, because a connection that did not
// make a commit throws its whole cache away when it next reads, page by page.
const sqliteCacheKiB = 16 << 10

// sqliteDSN adds the pragmas the mirror wants: WAL (readers never block the writer), a busy
// timeout, NORMAL sync (safe with WAL), a modest page cache (sqliteCacheKiB; the indexer gives
// the one connection it writes through a large one, see Indexer.Sync), temporary data in memory
// (a multi-row write journals every page it changes in a statement journal, a temporary file
// otherwise) and IMMEDIATE transactions (the writer takes its lock up front); and the file
// memory-mapped (256 MiB), so that readers whose page cache a commit invalidated read pages
// back without a system call each.
func sqliteDSN(path string) string {
	if !strings.HasPrefix(path, "file:") {
		path = "file:" + path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-" + strconv.Itoa(sqliteCacheKiB) + ")&_pragma=temp_store(MEMORY)&_pragma=mmap_size(268435456)&_pragma=foreign_keys(ON)&_txlock=immediate"
}

// migrationLockKey is the class of the PostgreSQL advisory lock migrators take, with the
// schema's hash as the second key (as leaderLockKey's).
const migrationLockKey int32 = 0x6d69_6772 // "migr"

// Which migrations a database takes: PostgreSQL all of them, in one ledger; a SQLite mirror
// the mirror's, its service file the service's (NNNN_name.service.sql), each in its own.
type migrationKind int

const (
	allMigrations migrationKind = iota
	mirrorMigrations
	serviceMigrations
)

// migrate applies the embedded migrations of kind not yet recorded, each in its own
// transaction.
func (d *DB) migrate(ctx context.Context, kind migrationKind) error {
	err := d.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := d.lockSchema(ctx, tx); err != nil { // CREATE … IF NOT EXISTS races on PostgreSQL
			return err
		}
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)`)
		return err
	})
	if err != nil {
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
		// NNNN_name.service[.engine].sql creates or changes the service's own tables.
		service := strings.Contains(base, ".service.")
		if (kind == mirrorMigrations && service) || (kind == serviceMigrations && !service) {
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
			// Two processes starting together (serve and index) can both find the version
			// missing above; the second must find the first's work here rather than repeat it.
			// SQLite's transactions take the write lock up front (IMMEDIATE); on PostgreSQL a
			// transaction-scoped advisory lock serialises the migrators.
			if err := d.lockSchema(ctx, tx); err != nil {
				return err
			}
			var n int
			if err := tx.GetContext(ctx, &n, tx.Rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version); err != nil {
				return fmt.Errorf("read schema version: %w", err)
			}
			if n > 0 {
				return nil
			}
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

// lockSchema serialises migrators on PostgreSQL for the rest of tx (SQLite's IMMEDIATE
// transactions already hold the write lock).
func (d *DB) lockSchema(ctx context.Context, tx *sqlx.Tx) error {
	if !d.Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, migrationLockKey); err != nil {
		return fmt.Errorf("lock the schema for migrations: %w", err)
	}
	return nil
}

// InTx runs fn in a transaction, committing if it returns nil.
func (d *DB) InTx(ctx context.Context, fn func(*sqlx.Tx) error) error {
	return inTx(ctx, d.DB, fn)
}

// txBeginner is a database or one of its connections.
type txBeginner interface {
	BeginTxx(context.Context, *sql.TxOptions) (*sqlx.Tx, error)
}

func inTx(ctx context.Context, db txBeginner, fn func(*sqlx.Tx) error) error {
	tx, err := db.BeginTxx(ctx, nil)
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
