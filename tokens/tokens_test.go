package tokens_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/indexer/indextest"
	"github.com/pharmatrace/pharmatrace/tokens"
)

func TestCreateLookupRevoke(t *testing.T) {
	ctx := context.Background()
	db := indextest.Open(t)
	alice, bob := common.HexToAddress("0xa11ce"), common.HexToAddress("0xb0b")
	ta, err := tokens.Create(ctx, db, alice, "alice's scanner", time.Unix(100, 0))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := tokens.Create(ctx, db, bob, "bob", time.Unix(200, 0))
	if err != nil {
		t.Fatal(err)
	}
	if ta == tb || !strings.HasPrefix(ta, tokens.Prefix) {
		t.Fatalf("tokens %q %q", ta, tb)
	}
	for tok, want := range map[string]common.Address{ta: alice, tb: bob} {
		if got, err := tokens.Lookup(ctx, db, tok); err != nil || got != want {
			t.Fatalf("Lookup = %s, %v; want %s", got, err, want)
		}
	}
	list, err := tokens.List(ctx, db)
	if err != nil || len(list) != 2 || list[0].Label != "bob" {
		t.Fatalf("List = %+v, %v", list, err)
	}
	for _, tk := range list {
		if strings.Contains(ta+tb, tk.Hash) {
			t.Fatal("List shows a token itself")
		}
	}
	if err := tokens.Revoke(ctx, db, list[1].Hash, time.Unix(300, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := tokens.Lookup(ctx, db, ta); !errors.Is(err, tokens.ErrBadToken) {
		t.Fatalf("revoked token: %v", err)
	}
	if err := tokens.Revoke(ctx, db, list[1].Hash, time.Unix(400, 0)); !errors.Is(err, tokens.ErrBadToken) {
		t.Fatalf("revoke twice: %v", err)
	}
	if got, err := tokens.Lookup(ctx, db, tb); err != nil || got != bob {
		t.Fatalf("other token after a revoke: %s %v", got, err)
	}
}

func TestLookupRefusesMalformed(t *testing.T) {
	ctx := context.Background()
	db := indextest.Open(t)
	good, err := tokens.Create(ctx, db, common.HexToAddress("0x1"), "x", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []string{"", "pt_", "Bearer " + good, good[:len(good)-1], good + "A", strings.ToUpper(good), "xx" + good[2:], good[:len(good)-1] + "B"} {
		if tok == good {
			continue
		}
		if _, err := tokens.Lookup(ctx, db, tok); !errors.Is(err, tokens.ErrBadToken) {
			t.Errorf("Lookup(%q) = %v, want ErrBadToken", tok, err)
		}
	}
}
