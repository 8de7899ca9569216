package verify

import (
	"errors"
	"sync"
	"time"

	"github.com/pharmatrace/pharmatrace/indexer"
)

// readCache keeps what verifications read besides the pack itself — products, batches,
// participants, custody paths — for one mirror cursor. Those rows change only when the indexer
// moves the cursor (it commits a range's events and the cursor in one transaction), and a
// verification reads the cursor first, so an entry filled after reading cursor N holds the
// mirror at block N or later: the cache answers what the mirror would, with one query (the
// pack) where there were a dozen.
//
// A reorg can replace blocks and come back to the same cursor number, with other contents; the
// age limit bounds how long entries of the abandoned branch can then be served.
type readCache struct {
	maxAge  time.Duration
	maxSize int

	mu      sync.Mutex
	cursor  uint64
	born    time.Time
	entries map[cacheKey]cacheEntry
}

// cacheKey names one read: its kind and its arguments.
type cacheKey struct {
	kind uint8
	a, b string
}

// Kinds of cached reads.
const (
	kindProduct uint8 = iota + 1
	kindBatch
	kindParty
	kindCustody
)

type cacheEntry struct {
	val any
	err error
}

func newReadCache(maxAge time.Duration, maxSize int) *readCache {
	return &readCache{maxAge: maxAge, maxSize: maxSize, entries: map[cacheKey]cacheEntry{}}
}

// get returns the entry for k if the cache holds the mirror at cursor. A verification that
// read another cursor resets the cache to it: the cursor moves forward but for reorgs, so the
// newest reader is almost always right, and a reader that raced with the indexer pays one miss.
func (c *readCache) get(cursor uint64, k cacheKey) (cacheEntry, bool) {
	if c == nil {
		return cacheEntry{}, false
	}
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if cursor != c.cursor || now.Sub(c.born) > c.maxAge {
		c.cursor, c.born = cursor, now
		clear(c.entries)
		return cacheEntry{}, false
	}
	e, ok := c.entries[k]
	return e, ok
}

// put stores what a verification that read cursor found, unless the cache has moved on since.
func (c *readCache) put(cursor uint64, k cacheKey, e cacheEntry) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cursor != c.cursor {
		return
	}
	if len(c.entries) >= c.maxSize {
		clear(c.entries) // a crude bound, reached only by a mirror far larger than its hot set
	}
	c.entries[k] = e
}

// cached answers read through the cache. Only answers are kept: a row and "not found" (an
// unregistered GTIN stays unregistered until the cursor moves), never a failure of the database.
func cached[T any](c *readCache, cursor uint64, k cacheKey, read func() (T, error)) (T, error) {
	if e, ok := c.get(cursor, k); ok {
		v, _ := e.val.(T)
		return v, e.err
	}
	v, err := read()
	if err == nil || errors.Is(err, indexer.ErrNotFound) {
		c.put(cursor, k, cacheEntry{val: v, err: err})
	}
	return v, err
}
