package devnode

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
)

// keyring is the dev accounts' keystore directory, read with keystore's file functions rather
// than a keystore.KeyStore: that type watches the directory from a goroutine it never stops.
// The files are ordinary keystore files, so geth, clef or keystore.NewKeyStore read them too.
type keyring struct {
	dir        string
	passphrase string
	scryptN    int
	scryptP    int

	mu       sync.Mutex
	files    []keyFile // in file name order: keystore names start with the creation time
	unlocked map[common.Address]*ecdsa.PrivateKey
}

type keyFile struct {
	addr common.Address
	path string
}

func openKeyring(dir, passphrase string, light bool) (*keyring, error) {
	if err := ensureDir(dir, "keystore"); err != nil {
		return nil, err
	}
	k := &keyring{
		dir:        dir,
		passphrase: passphrase,
		scryptN:    keystore.StandardScryptN,
		scryptP:    keystore.StandardScryptP,
		unlocked:   map[common.Address]*ecdsa.PrivateKey{},
	}
	if light {
		k.scryptN, k.scryptP = keystore.LightScryptN, keystore.LightScryptP
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read keystore %s: %w", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		// The same files geth's account cache skips: editor backups, dotfiles, directories.
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
			continue
		}
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read key file %s: %w", path, err)
		}
		var head struct {
			Address string `json:"address"`
		}
		if err := json.Unmarshal(b, &head); err != nil || !common.IsHexAddress(head.Address) {
			return nil, fmt.Errorf("read key file %s: not a keystore file (no address)", path)
		}
		k.files = append(k.files, keyFile{addr: common.HexToAddress(head.Address), path: path})
	}
	return k, nil
}

// ensure generates keys until the keystore holds at least n.
func (k *keyring) ensure(ctx context.Context, n int, log *slog.Logger) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	for len(k.files) < n {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("generate dev accounts: %w", err)
		}
		acct, err := keystore.StoreKey(k.dir, k.passphrase, k.scryptN, k.scryptP)
		if err != nil {
			return fmt.Errorf("generate dev account in %s: %w", k.dir, err)
		}
		k.files = append(k.files, keyFile{addr: acct.Address, path: acct.URL.Path})
		log.InfoContext(ctx, "dev account created", "address", acct.Address, "file", acct.URL.Path)
	}
	return nil
}

func (k *keyring) addresses() []common.Address {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make([]common.Address, len(k.files))
	for i, f := range k.files {
		out[i] = f.addr
	}
	return out
}

// key decrypts an account's key on first use (scrypt is slow on purpose) and keeps it.
func (k *keyring) key(addr common.Address) (*ecdsa.PrivateKey, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if key, ok := k.unlocked[addr]; ok {
		return key, nil
	}
	i := slices.IndexFunc(k.files, func(f keyFile) bool { return f.addr == addr })
	if i < 0 {
		return nil, fmt.Errorf("unlock %s: %w", addr, ErrUnknownAccount)
	}
	b, err := os.ReadFile(k.files[i].path)
	if err != nil {
		return nil, fmt.Errorf("unlock %s: %w", addr, err)
	}
	key, err := keystore.DecryptKey(b, k.passphrase)
	if err != nil {
		return nil, fmt.Errorf("unlock %s with the given passphrase: %w", addr, err)
	}
	if key.Address != addr {
		return nil, fmt.Errorf("unlock %s: key file %s holds %s", addr, k.files[i].path, key.Address)
	}
	k.unlocked[addr] = key.PrivateKey
	return key.PrivateKey, nil
}

// ErrUnknownAccount is returned for an address that is not one of the node's dev accounts.
var ErrUnknownAccount = errors.New("not a dev account in the keystore")

// Accounts returns the dev accounts in the keystore, oldest first; the first is the faucet that
// funds accounts added after the chain was created.
func (n *Node) Accounts() []common.Address { return n.keys.addresses() }

// Key returns a dev account's private key, decrypting its key file with Config.Passphrase (with
// standard scrypt parameters that takes about a second, the first time only).
func (n *Node) Key(addr common.Address) (*ecdsa.PrivateKey, error) { return n.keys.key(addr) }

// Transactor returns signing options for a dev account on this chain, for chain.Client and the
// contract bindings.
func (n *Node) Transactor(addr common.Address) (*bind.TransactOpts, error) {
	key, err := n.keys.key(addr)
	if err != nil {
		return nil, err
	}
	return bind.NewKeyedTransactor(key, n.config.ChainID), nil
}
