package keys_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pharmatrace/pharmatrace/keys"
)

func TestCreateOpenSign(t *testing.T) {
	dir := t.TempDir()
	a, err := keys.Create(dir, "correct horse", true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := keys.Create(dir, "correct horse", true)
	if err != nil {
		t.Fatal(err)
	}
	ring, err := keys.Open(dir, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if got := ring.Accounts(); len(got) != 2 || !ring.Has(a) || !ring.Has(b) {
		t.Fatalf("accounts %v, want %s and %s", got, a, b)
	}
	opts, err := ring.Transactor(a, big.NewInt(1337))
	if err != nil || opts.From != a {
		t.Fatalf("transactor: %v %v", opts, err)
	}
	s, err := ring.Signer(a)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := s.Sign(context.Background(), []byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	sig[64] -= 27
	pub, err := crypto.SigToPub(accounts.TextHash([]byte("hello")), sig)
	if err != nil || crypto.PubkeyToAddress(*pub) != a {
		t.Fatalf("signature recovers %v (%v), want %s", pub, err, a)
	}
}

func TestOpenRefusesWrongPassphrase(t *testing.T) {
	dir := t.TempDir()
	if _, err := keys.Create(dir, "right", true); err != nil {
		t.Fatal(err)
	}
	_, err := keys.Open(dir, "wrong")
	if err == nil || !strings.Contains(err.Error(), "decrypt key file") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if _, err := keys.Open(filepath.Join(dir, "missing"), "right"); err == nil {
		t.Fatal("missing keystore opened")
	}
}

func TestUnknownAccount(t *testing.T) {
	ring := keys.New()
	k, _ := crypto.GenerateKey()
	if _, err := ring.Transactor(crypto.PubkeyToAddress(k.PublicKey), big.NewInt(1)); err == nil {
		t.Fatal("transactor for an unknown account")
	}
	if _, err := ring.Signer(crypto.PubkeyToAddress(k.PublicKey)); err == nil {
		t.Fatal("signer for an unknown account")
	}
}

func TestPassphrase(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(file, []byte("from file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TEST_PASS", "from env")
	for _, c := range []struct{ file, env, want string }{
		{file, "TEST_PASS", "from file"},
		{"", "TEST_PASS", "from env"},
		{"", "TEST_PASS_UNSET", ""},
	} {
		got, err := keys.Passphrase(c.file, c.env)
		if got != c.want || (c.want == "") != (err != nil) {
			t.Errorf("Passphrase(%q, %q) = %q, %v; want %q", c.file, c.env, got, err, c.want)
		}
	}
}
