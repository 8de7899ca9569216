package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/pharmatrace/pharmatrace/gs1"
)

const gs1Usage = `Usage:
  pharmatrace gs1 parse INPUT
      Reads a GS1 Digital Link URI or an element string (as a DataMatrix or QR scanner sends it:
      ]d2/]Q3 prefix, GS separators, or the (01)…(17)…(10)…(21)… form) and prints
      {"gtin":"…","lot":"…","serial":"…","expiry":"YYYY-MM-DD"}. Exits 1 with the error code and
      reason when the input is malformed.
  pharmatrace gs1 link --gtin GTIN --lot LOT --serial SERIAL --expiry YYYY-MM-DD [--base-url URL]
      Prints the GS1 Digital Link URI of a pack.
`

func runGS1(_ context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, gs1Usage)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, gs1Usage)
		return 0
	case "parse":
		if len(args) != 2 {
			fmt.Fprint(stderr, gs1Usage)
			return 2
		}
		c, err := gs1.Parse(args[1], time.Now())
		if err != nil {
			var ge *gs1.Error
			if errors.As(err, &ge) {
				fmt.Fprintf(stderr, "%s: %s\n", ge.Code, ge.Msg)
			} else {
				fmt.Fprintln(stderr, err)
			}
			return 1
		}
		out := struct {
			GTIN   string `json:"gtin"`
			Lot    string `json:"lot"`
			Serial string `json:"serial"`
			Expiry string `json:"expiry"`
		}{GTIN: string(c.GTIN), Lot: c.Lot, Serial: c.Serial}
		if !c.Expiry.IsZero() {
			out.Expiry = c.Expiry.Format(time.DateOnly)
		}
		b, _ := json.Marshal(out)
		fmt.Fprintln(stdout, string(b))
		return 0
	case "link":
		fs := flag.NewFlagSet("gs1 link", flag.ContinueOnError)
		fs.SetOutput(stderr)
		gtin := fs.String("gtin", "", "GTIN (8, 12, 13 or 14 digits, check digit verified)")
		lot := fs.String("lot", "", "batch / lot (AI 10)")
		serial := fs.String("serial", "", "serial number (AI 21)")
		expiry := fs.String("expiry", "", "expiry date YYYY-MM-DD (AI 17)")
		base := fs.String("base-url", gs1.DefaultBase, "the resolver's public base URL")
		if err := fs.Parse(args[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		g, err := gs1.ParseGTIN(*gtin)
		if err != nil {
			fmt.Fprintln(stderr, "pharmatrace gs1 link: --gtin:", err)
			return 2
		}
		c := gs1.Code{GTIN: g, Lot: *lot, Serial: *serial}
		for name, v := range map[string]string{"lot": *lot, "serial": *serial} {
			if v == "" {
				continue
			}
			if err := gs1.ValidateAI10or21(v); err != nil {
				fmt.Fprintf(stderr, "pharmatrace gs1 link: --%s: %v\n", name, err)
				return 2
			}
		}
		if *expiry != "" {
			t, err := time.Parse(time.DateOnly, *expiry)
			if err != nil {
				fmt.Fprintln(stderr, "pharmatrace gs1 link: --expiry: want YYYY-MM-DD")
				return 2
			}
			c.Expiry = t
		}
		fmt.Fprintln(stdout, gs1.FormatDigitalLink(*base, c))
		return 0
	default:
		fmt.Fprintf(stderr, "pharmatrace gs1: unknown command %q\n\n%s", args[0], gs1Usage)
		return 2
	}
}
