// Package tokens issues and checks the bearer tokens API callers present. A token is 256 random
// bits, shown once when created; the service keeps only its SHA-256, bound to one chain account.
package tokens

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/indexer"
)

// Prefix starts every token, so a leaked one is recognisable (secret scanners, logs).
const Prefix = "pt_"

// ErrBadToken is returned for a token that is malformed, unknown or revoked.
var ErrBadToken = errors.New("invalid or revoked API token")

// Token is a stored token's record (never the token itself).
type Token struct {
	Hash      string `db:"token_hash" json:"id"`
	Account   string `db:"account" json:"account"`
	Label     string `db:"label" json:"label"`
	CreatedAt int64  `db:"created_at" json:"createdAt"`
	RevokedAt int64  `db:"revoked_at" json:"revokedAt,omitempty"`
}

// Create issues a token acting for account and returns it; it cannot be read back later.
func Create(ctx context.Context, db *indexer.DB, account common.Address, label string, now time.Time) (string, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	tok := Prefix + base64.RawURLEncoding.EncodeToString(raw[:])
	_, err := db.ExecContext(ctx, db.Rebind(`INSERT INTO svc_tokens (token_hash, account, label, created_at)
		VALUES (?, ?, ?, ?)`), hash(tok), account.Hex(), label, now.Unix())
	if err != nil {
		return "", fmt.Errorf("store token for %s: %w", account, err)
	}
	return tok, nil
}

// Lookup returns the account a token acts for, or ErrBadToken.
func Lookup(ctx context.Context, db *indexer.DB, token string) (common.Address, error) {
	if !strings.HasPrefix(token, Prefix) || len(token) != len(Prefix)+43 {
		return common.Address{}, ErrBadToken
	}
	var acct string
	err := db.GetContext(ctx, &acct, db.Rebind(`SELECT account FROM svc_tokens WHERE token_hash = ? AND revoked_at = 0`), hash(token))
	if indexer.IsNoRows(err) {
		return common.Address{}, ErrBadToken
	}
	if err != nil {
		return common.Address{}, fmt.Errorf("look up token: %w", err)
	}
	return common.HexToAddress(acct), nil
}

// Revoke revokes the token whose id (its hash, as List shows it) is given.
func Revoke(ctx context.Context, db *indexer.DB, id string, now time.Time) error {
	res, err := db.ExecContext(ctx, db.Rebind(`UPDATE svc_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at = 0`), now.Unix(), id)
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("revoke token %s: %w", id, ErrBadToken)
	}
	return nil
}

// List lists the tokens of every account, newest first.
func List(ctx context.Context, db *indexer.DB) ([]Token, error) {
	var out []Token
	if err := db.SelectContext(ctx, &out, `SELECT token_hash, account, label, created_at, revoked_at FROM svc_tokens ORDER BY created_at DESC, token_hash`); err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	return out, nil
}

func hash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
