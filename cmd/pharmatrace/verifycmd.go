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

	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/verify"
)

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "./data/pharmatrace.db", "the SQL mirror: a SQLite file or postgres://… (env PHARMATRACE_DB)")
	offline := fs.Bool("offline", false, "check only the format and the signature, without the mirror")
	manufacturer := fs.String("manufacturer", "", "with --offline: the address the signature must come from")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: pharmatrace verify [flags] CODE

Verifies a pack code (a GS1 Digital Link URI or an element string) and prints the verdict as JSON:
authentic, dispensed, recalled, expired, destroyed, stolen, inactive, unknown, counterfeit or
malformed. Exit status 0 for authentic, 1 for any other verdict, 2 on error.

Online (default) it reads the SQL mirror that 'pharmatrace index' keeps. With --offline it only
checks the code's format and that its signature comes from --manufacturer.

Flags:
`)
		fs.PrintDefaults()
	}
	// Flags may follow the code.
	var code string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		if code != "" {
			fmt.Fprintln(stderr, "pharmatrace verify: one code at a time")
			return 2
		}
		code, rest = fs.Arg(0), fs.Args()[1:]
	}
	if code == "" {
		fs.Usage()
		return 2
	}
	if err := applyEnv(fs, os.Getenv); err != nil {
		fmt.Fprintln(stderr, "pharmatrace verify:", err)
		return 2
	}
	if *offline {
		return verifyOffline(code, *manufacturer, stdout, stderr)
	}
	d, err := settings{DB: *db}.openDB(ctx, false)
	if err != nil {
		fmt.Fprintln(stderr, "pharmatrace verify:", err)
		return 2
	}
	defer d.Close()
	v, err := verify.New(indexer.NewStore(d), verify.Options{Recover: labels.RecoverSigner})
	if err != nil {
		fmt.Fprintln(stderr, "pharmatrace verify:", err)
		return 2
	}
	res, err := v.Verify(ctx, code, verify.Scanner{})
	if err != nil {
		fmt.Fprintln(stderr, "pharmatrace verify:", err)
		return 2
	}
	return printVerdict(stdout, res, res.Verdict == verify.Authentic)
}

// verifyOffline checks what can be checked without the mirror: the format and the signature.
func verifyOffline(code, manufacturer string, stdout, stderr io.Writer) int {
	if !common.IsHexAddress(manufacturer) {
		fmt.Fprintln(stderr, "pharmatrace verify: --offline needs --manufacturer ADDRESS (the signer to expect)")
		return 2
	}
	out := struct {
		Verdict   verify.Verdict  `json:"verdict"`
		Message   string          `json:"message"`
		Signature string          `json:"signature"`
		Signer    string          `json:"signer,omitempty"`
		Problem   *verify.Problem `json:"problem,omitempty"`
	}{Signature: "absent"}
	c, err := gs1.Parse(code, time.Now())
	switch {
	case err != nil:
		var ge *gs1.Error
		out.Verdict, out.Message = verify.Malformed, "This is not a readable medicine pack code."
		if errors.As(err, &ge) {
			out.Problem = &verify.Problem{Code: string(ge.Code), Field: ge.Field, Message: ge.Msg}
		}
	case c.Sig == "":
		out.Verdict, out.Message = verify.Unknown, "The code carries no signature: only an online check can tell."
	default:
		signer, err := labels.RecoverSigner(c)
		if err == nil {
			out.Signer = strings.ToLower(signer.Hex())
		}
		if err != nil || signer != common.HexToAddress(manufacturer) {
			out.Verdict, out.Signature, out.Message = verify.Counterfeit, "invalid", "The signature is not the manufacturer's."
		} else {
			out.Verdict, out.Signature, out.Message = verify.Authentic, "valid", "Well-formed and signed by the manufacturer (offline: the pack's live state was not checked)."
		}
	}
	return printVerdict(stdout, out, out.Verdict == verify.Authentic)
}

func printVerdict(w io.Writer, v any, ok bool) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
	if ok {
		return 0
	}
	return 1
}
