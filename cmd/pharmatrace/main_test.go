package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/pharmatrace/pharmatrace/chain"
)

func TestRun(t *testing.T) {
	batch := chain.BatchID(9506000134352, "ABC123")
	for _, tc := range []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    string // substring of stdout
		wantErr    string // substring of stderr
	}{
		{"no command", nil, 2, "", "Usage:"},
		{"help", []string{"help"}, 0, "Commands:", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"version", []string{"version"}, 0, "pharmatrace ", ""},
		{"ids", []string{"ids", "--gtin", "09506000134352", "--lot", "ABC123", "SN1"}, 0,
			"batch " + batch.Hex() + "\npack  " + chain.PackID(batch, "SN1").Hex() + "  SN1\n", ""},
		{"ids without lot", []string{"ids", "--gtin", "09506000134352"}, 2, "", "--lot are required"},
		{"ids with a short gtin", []string{"ids", "--gtin", "123", "--lot", "L"}, 2, "", "14 digits"},
		{"ids help", []string{"ids", "--help"}, 0, "", "Usage: pharmatrace ids"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(context.Background(), tc.args, &out, &errOut)
			if status != tc.wantStatus {
				t.Errorf("status = %d, want %d (stderr %q)", status, tc.wantStatus, errOut.String())
			}
			if !strings.Contains(out.String(), tc.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", out.String(), tc.wantOut)
			}
			if !strings.Contains(errOut.String(), tc.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tc.wantErr)
			}
		})
	}
}
