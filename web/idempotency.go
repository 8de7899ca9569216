package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"sync/atomic"
	"time"
)

// MaxIdempotencyKey is the longest Idempotency-Key header accepted.
const MaxIdempotencyKey = 255

// idempotent makes a write with an Idempotency-Key header happen once per participant and key:
// the first request claims the key (a row in svc_idempotency, so every replica sees it), and a
// retry gets the first answer back — never a second transaction. A retry while the first is
// still running is told so (409); the same key with a different request is refused (422).
// Failures on our side (500, 503) before any transaction was sent release the key, so a retry
// tries again; once a transaction is out, the answer is kept whatever it is.
func (s *Server) idempotent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("Idempotency-Key")
		if key == "" {
			next.ServeHTTP(w, r)
			return
		}
		if len(key) > MaxIdempotencyKey {
			s.fail(w, r, &Error{Code: EInvalid, Field: "Idempotency-Key", Message: "The Idempotency-Key header is longer than 255 characters."})
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBatchBytes))
		if err != nil {
			s.fail(w, r, bodyError(err, s.opts.MaxBatchBytes))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		h := sha256.New()
		io.WriteString(h, r.Method+" "+r.URL.RequestURI()+"\n"+r.Header.Get("Content-Type")+"\n")
		h.Write(body)
		sum := hex.EncodeToString(h.Sum(nil))
		account := actorOf(r).Account.Hex()

		db := s.opts.DB
		// The claim must not be cut short by the client going away: a cancelled INSERT may still
		// have committed, leaving a claim nobody would ever complete.
		dbctx, cancelDB := context.WithTimeout(context.WithoutCancel(r.Context()), 10*time.Second)
		defer cancelDB()
		res, err := db.ExecContext(dbctx, db.Rebind(`INSERT INTO svc_idempotency (account, idem_key, request_hash, state, created_at)
			VALUES (?, ?, ?, 'running', ?) ON CONFLICT (account, idem_key) DO NOTHING`), account, key, sum, s.opts.Now().Unix())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var prior struct {
				Hash    string `db:"request_hash"`
				State   string `db:"state"`
				Status  int    `db:"status"`
				Body    string `db:"body"`
				Created int64  `db:"created_at"`
			}
			err := db.GetContext(dbctx, &prior, db.Rebind(`SELECT request_hash, state, status, body, created_at FROM svc_idempotency
				WHERE account = ? AND idem_key = ?`), account, key)
			switch {
			case err != nil:
				s.fail(w, r, err)
			case prior.Hash != sum:
				s.fail(w, r, errorf(EIdempotencyMismatch, "This Idempotency-Key was used for a different request; use a new key for a new request."))
			case prior.State == "running" && s.opts.Now().Sub(time.Unix(prior.Created, 0)) > s.opts.WriteTimeout+time.Minute:
				// Older than any write may run: the server stopped during the first attempt. It may
				// have sent transactions, so nothing is sent again under this key.
				s.fail(w, r, errorf(EIdempotencyRunning, "The first request with this Idempotency-Key never finished (the service stopped during it); "+
					"check whether its transactions went through before sending it again with a new key."))
			case prior.State == "running":
				w.Header().Set("Retry-After", "2")
				s.fail(w, r, errorf(EIdempotencyRunning, "The first request with this Idempotency-Key is still running; retry in a moment."))
			default:
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				w.Header().Set("Idempotent-Replayed", "true")
				w.WriteHeader(prior.Status)
				io.WriteString(w, prior.Body)
			}
			return
		}

		rec := &recordingWriter{ResponseWriter: w, status: http.StatusOK}
		sent := new(atomic.Int64)
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), sentCounterKey, sent)))
		// The outcome is stored even if the client went away: that is when it will retry.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 10*time.Second)
		defer cancel()
		if (rec.status == http.StatusInternalServerError || rec.status == http.StatusServiceUnavailable) && sent.Load() == 0 {
			_, err = db.ExecContext(ctx, db.Rebind(`DELETE FROM svc_idempotency WHERE account = ? AND idem_key = ?`), account, key)
		} else {
			_, err = db.ExecContext(ctx, db.Rebind(`UPDATE svc_idempotency SET state = 'done', status = ?, body = ?
				WHERE account = ? AND idem_key = ?`), rec.status, rec.body.String(), account, key)
		}
		if err != nil {
			s.log.ErrorContext(ctx, "store idempotent answer", "key", key, "err", err)
		}
	})
}

// recordingWriter passes a response through and keeps a copy of its status and body.
type recordingWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
	wrote  bool
}

func (w *recordingWriter) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	w.wrote = true
	w.body.Write(b)
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (write deadlines).
func (w *recordingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
