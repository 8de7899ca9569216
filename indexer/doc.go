// Package indexer mirrors the PharmaTrace contracts' events into SQL (SQLite or PostgreSQL):
// backfill, head following, reorg handling and the read queries the service uses. Its work is
// tracked in issue 3; until then the package holds no code.
package indexer
