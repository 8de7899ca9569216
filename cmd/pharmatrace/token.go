package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/tokens"
)

const tokenHelp = `Usage: pharmatrace token create --participant ADDRESS|NAME [--label TEXT] [--db DSN]
       pharmatrace token list [--db DSN]
       pharmatrace token revoke ID [--db DSN]

Issues, lists and revokes the bearer tokens API callers present (Authorization: Bearer …). A
token acts for one participant's account; the service that checks it must hold that account's
key (serve --keystore). The token is printed once, on stdout; only its SHA-256 is stored (its
ID in 'list'). --participant takes the account address, or the participant's name as the
mirror knows it (the indexer must have seen its registration).
`

func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "create" && args[0] != "list" && args[0] != "revoke") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(stdout, tokenHelp)
			return 0
		}
		fmt.Fprint(stderr, tokenHelp)
		return 2
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("token "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "the SQL mirror's `DSN`: a SQLite file path or a postgres:// URL (env PHARMATRACE_DB)")
	participant := fs.String("participant", "", "the token's participant: account `ADDRESS` or name")
	label := fs.String("label", "", "a `TEXT` to recognise the token by in 'list' (default: the participant's name)")
	fs.Usage = usageFunc(fs, stderr, tokenHelp)
	var id string
	if sub == "revoke" && len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args, os.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "pharmatrace token %s: %v\n", sub, err)
		return 2
	}
	s := settings{DB: *db}
	d, err := s.openDB(ctx, false)
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace token %s: %v\n", sub, err)
		return 1
	}
	defer d.Close()
	switch sub {
	case "create":
		if *participant == "" {
			fmt.Fprintln(stderr, "pharmatrace token create: --participant is required (an address or a participant's name)")
			return 2
		}
		p, err := findParticipant(ctx, indexer.NewStore(d), *participant)
		if err != nil {
			fmt.Fprintf(stderr, "pharmatrace token create: %v\n", err)
			return 1
		}
		if *label == "" {
			*label = p.Name
		}
		tok, err := tokens.Create(ctx, d, common.HexToAddress(p.Address), *label, time.Now())
		if err != nil {
			fmt.Fprintf(stderr, "pharmatrace token create: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "token for %s (%s, %s); it is shown once:\n", p.Name, p.Role, p.Address)
		fmt.Fprintln(stdout, tok)
	case "list":
		ts, err := tokens.List(ctx, d)
		if err != nil {
			fmt.Fprintf(stderr, "pharmatrace token list: %v\n", err)
			return 1
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(ts)
	case "revoke":
		if id == "" {
			fmt.Fprintln(stderr, "pharmatrace token revoke: give the token's ID (see 'pharmatrace token list')")
			return 2
		}
		if err := tokens.Revoke(ctx, d, id, time.Now()); err != nil {
			fmt.Fprintf(stderr, "pharmatrace token revoke: %v\n", err)
			return 1
		}
		fmt.Fprintln(stderr, "revoked")
	}
	return 0
}

// findParticipant finds a participant by address or by name (case-insensitive, unique).
func findParticipant(ctx context.Context, st *indexer.Store, who string) (indexer.Participant, error) {
	if common.IsHexAddress(who) {
		p, err := st.Participant(ctx, common.HexToAddress(who))
		if errors.Is(err, indexer.ErrNotFound) {
			return p, fmt.Errorf("%s is not a participant the mirror knows (is the indexer running and caught up?)", who)
		}
		return p, err
	}
	ps, err := st.Participants(ctx)
	if err != nil {
		return indexer.Participant{}, err
	}
	var found []indexer.Participant
	for _, p := range ps {
		if strings.EqualFold(p.Name, who) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return indexer.Participant{}, fmt.Errorf("no participant named %q (give its address instead?)", who)
	default:
		return indexer.Participant{}, fmt.Errorf("%d participants are named %q: give the address", len(found), who)
	}
}
