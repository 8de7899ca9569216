package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/labels"
)

func TestVerifyOffline(t *testing.T) {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("verify offline test key")))
	if err != nil {
		t.Fatal(err)
	}
	signer := labels.KeySigner{Key: key}
	g, _ := gs1.ParseGTIN("09506000134352")
	c, err := labels.SignCode(context.Background(), signer, gs1.Code{GTIN: g, Lot: "ABC123", Serial: "X7K2M9", Expiry: time.Date(2030, 6, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	link := gs1.FormatDigitalLink("https://pt.example", c)
	mfr := signer.Address().Hex()
	other := "0x0000000000000000000000000000000000000001"
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"signed by the manufacturer", []string{"--offline", "--manufacturer", mfr, link}, 0, `"verdict": "authentic"`},
		{"flags after the code", []string{link, "--offline", "--manufacturer", mfr}, 0, `"signature": "valid"`},
		{"someone else's signature", []string{"--offline", "--manufacturer", other, link}, 1, `"verdict": "counterfeit"`},
		{"serial changed", []string{"--offline", "--manufacturer", mfr, strings.Replace(link, "X7K2M9", "X7K2M8", 1)}, 1, `"verdict": "counterfeit"`},
		{"unsigned", []string{"--offline", "--manufacturer", mfr, "(01)09506000134352(10)ABC123(21)X7K2M9"}, 1, `"signature": "absent"`},
		{"malformed", []string{"--offline", "--manufacturer", mfr, "(01)09506000134353"}, 1, `"bad_check_digit"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := runVerify(context.Background(), tc.args, &out, &errOut)
			if status != tc.status || !strings.Contains(out.String(), tc.want) {
				t.Errorf("status %d, stdout %s, stderr %s; want %d and %s", status, out.String(), errOut.String(), tc.status, tc.want)
			}
		})
	}
	var out, errOut bytes.Buffer
	if status := runVerify(context.Background(), []string{"--offline", link}, &out, &errOut); status != 2 || !strings.Contains(errOut.String(), "--manufacturer") {
		t.Errorf("offline without --manufacturer: %d %s", status, errOut.String())
	}
}

// A mirror that does not exist is an error, not an empty database that answers "unknown".
func TestVerifyMissingMirror(t *testing.T) {
	missing := t.TempDir() + "/nope.db"
	var out, errOut bytes.Buffer
	status := runVerify(context.Background(), []string{"--db", missing, "(01)09506000134352(10)A(21)B"}, &out, &errOut)
	if status != 2 || !strings.Contains(errOut.String(), "no mirror database") {
		t.Errorf("status %d, stderr %q; want 2 and a missing-mirror message", status, errOut.String())
	}
	t.Setenv("PHARMATRACE_DB", missing)
	errOut.Reset()
	if status := runVerify(context.Background(), []string{"(01)09506000134352(10)A(21)B"}, &out, &errOut); status != 2 || !strings.Contains(errOut.String(), missing) {
		t.Errorf("PHARMATRACE_DB not used: status %d, stderr %q", status, errOut.String())
	}
}
