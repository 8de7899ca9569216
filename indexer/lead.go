package indexer

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// leaderLockKey is the class of the PostgreSQL advisory lock that makes one indexer the writer;
// the schema's hash is the lock's second key.
const leaderLockKey int32 = 0x7068_6172 // "phar"

// Lead runs fn while this process is the one indexer writing to db. On PostgreSQL several
// processes may call Lead against one database: exactly one holds a session advisory lock and
// runs fn; the others poll every standby interval and take over within about that long once
// the holder's connection ends (a crash closes it; a lost connection cancels fn's context).
// On SQLite, which allows one writer anyway, fn simply runs.
func (d *DB) Lead(ctx context.Context, log *slog.Logger, standby time.Duration, fn func(ctx context.Context) error) error {
	if !d.Postgres {
		return fn(ctx)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if standby <= 0 {
		standby = time.Second
	}
	waiting := false
	for {
		conn, err := d.Conn(ctx)
		if err != nil {
			return fmt.Errorf("lead: connect: %w", err)
		}
		var got bool
		// One lock per schema: separate mirrors in one database do not block each other.
		if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, hashtext(current_schema()))`, leaderLockKey).Scan(&got); err != nil {
			conn.Close()
			return fmt.Errorf("lead: try advisory lock: %w", err)
		}
		if !got {
			conn.Close()
			if !waiting {
				log.InfoContext(ctx, "another indexer holds the lock; standing by")
				waiting = true
			}
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(standby):
			}
			continue
		}
		log.InfoContext(ctx, "holding the indexer lock; indexing")
		lctx, cancel := context.WithCancel(ctx)
		go func() { // the lock lives as long as this connection: stop if it dies
			t := time.NewTicker(standby)
			defer t.Stop()
			for {
				select {
				case <-lctx.Done():
					return
				case <-t.C:
					if err := conn.PingContext(lctx); err != nil && lctx.Err() == nil {
						log.ErrorContext(lctx, "lost the connection that holds the indexer lock; stopping", "err", err)
						cancel()
						return
					}
				}
			}
		}()
		err = fn(lctx)
		lost := lctx.Err() != nil && ctx.Err() == nil
		cancel()
		// Unlock before the connection goes back to the pool, where the session would keep it.
		_, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, leaderLockKey)
		conn.Close()
		if !lost || ctx.Err() != nil {
			return err // fn finished (or failed) on its own, or the caller stopped
		}
		waiting = false // lost the lock's connection: try to take it again
	}
}
