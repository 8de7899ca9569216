// Package keys holds the participants' signing keys a service instance acts for: go-ethereum
// keystore files (scrypt-encrypted JSON, as `geth account new` writes them), decrypted once at
// start-up with a passphrase read from a file or the environment — never from a flag, which
// would show in the process list and the shell history.
package keys

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pharmatrace/pharmatrace/labels"
)

// ErrNoKey is returned for an account whose key this ring does not hold.
var ErrNoKey = errors.New("no key for this account")

// Ring is the set of decrypted keys. It is safe for concurrent use (read-only after Open).
type Ring struct {
	keys map[common.Address]*ecdsa.PrivateKey
}

// Open decrypts every keystore file in dir with passphrase. A file that does not decrypt is an
// error naming the file, so a wrong passphrase never starts a service that silently lacks keys.
func Open(dir, passphrase string) (*Ring, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open keystore %s: %w", dir, err)
	}
	r := &Ring{keys: map[common.Address]*ecdsa.PrivateKey{}}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		blob, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read key file %s: %w", path, err)
		}
		k, err := keystore.DecryptKey(blob, passphrase)
		if err != nil {
			return nil, fmt.Errorf("decrypt key file %s: %w", path, err)
		}
		r.keys[k.Address] = k.PrivateKey
	}
	return r, nil
}

// New returns a ring of the given keys (for the embedded demo and tests).
func New(ks ...*ecdsa.PrivateKey) *Ring {
	r := &Ring{keys: map[common.Address]*ecdsa.PrivateKey{}}
	for _, k := range ks {
		r.keys[crypto.PubkeyToAddress(k.PublicKey)] = k
	}
	return r
}

// Create writes a new key to dir, encrypted with passphrase, and returns its address. Light
// uses scrypt parameters cheap enough for a demo on a laptop; production keys use the standard
// ones (about a second and 256 MiB to decrypt, by design).
func Create(dir, passphrase string, light bool) (common.Address, error) {
	n, p := keystore.StandardScryptN, keystore.StandardScryptP
	if light {
		n, p = keystore.LightScryptN, keystore.LightScryptP
	}
	ks := keystore.NewKeyStore(dir, n, p)
	acc, err := ks.NewAccount(passphrase)
	if err != nil {
		return common.Address{}, fmt.Errorf("create key in %s: %w", dir, err)
	}
	return acc.Address, nil
}

// Accounts lists the addresses the ring holds keys for, in order.
func (r *Ring) Accounts() []common.Address {
	out := make([]common.Address, 0, len(r.keys))
	for a := range r.keys {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}

// Has reports whether the ring holds account's key.
func (r *Ring) Has(account common.Address) bool { _, ok := r.keys[account]; return ok }

// Transactor returns transaction options that sign as account on the given chain.
func (r *Ring) Transactor(account common.Address, chainID *big.Int) (*bind.TransactOpts, error) {
	k, ok := r.keys[account]
	if !ok {
		return nil, fmt.Errorf("sign as %s: %w", account, ErrNoKey)
	}
	return bind.NewKeyedTransactor(k, chainID), nil
}

// Signer returns the EIP-191 signer of account, for signing QR codes.
func (r *Ring) Signer(account common.Address) (labels.Signer, error) {
	k, ok := r.keys[account]
	if !ok {
		return nil, fmt.Errorf("sign codes as %s: %w", account, ErrNoKey)
	}
	return labels.KeySigner{Key: k}, nil
}

// Passphrase reads the keystore passphrase from file when given (trailing newline removed), else
// from the environment variable env. An empty passphrase is refused: keys must be encrypted.
func Passphrase(file, env string) (string, error) {
	var p string
	switch {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("read passphrase file: %w", err)
		}
		p = strings.TrimRight(string(b), "\r\n")
	default:
		p = os.Getenv(env)
	}
	if p == "" {
		return "", fmt.Errorf("no keystore passphrase: give a passphrase file or set %s", env)
	}
	return p, nil
}
