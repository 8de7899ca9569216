package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestGS1Commands(t *testing.T) {
	for _, tc := range []struct {
		args             []string
		status           int
		stdout, stderrIn string
	}{
		{[]string{"parse", "https://id.gs1.org/01/09506000134352/10/ABC123/21/12345?17=261231"}, 0,
			`{"gtin":"09506000134352","lot":"ABC123","serial":"12345","expiry":"2026-12-31"}` + "\n", ""},
		{[]string{"parse", "]d2010950600013435217261200" + "10ABC123\x1d2112345"}, 0,
			`{"gtin":"09506000134352","lot":"ABC123","serial":"12345","expiry":"2026-12-31"}` + "\n", ""},
		{[]string{"parse", "(01)09506000134353(10)A"}, 1, "", "bad_check_digit"},
		{[]string{"parse"}, 2, "", "Usage"},
		{[]string{"link", "--gtin", "9506000134352", "--lot", "ABC123", "--serial", "12345", "--expiry", "2026-12-31", "--base-url", "https://pt.example"}, 0,
			"https://pt.example/01/09506000134352/10/ABC123/21/12345?17=261231\n", ""},
		{[]string{"link", "--gtin", "9506000134353"}, 2, "", "--gtin"},
		{[]string{"link", "--gtin", "9506000134352", "--lot", strings.Repeat("L", 21)}, 2, "", "--lot"},
		{[]string{"frob"}, 2, "", "unknown command"},
	} {
		var out, errOut bytes.Buffer
		status := runGS1(context.Background(), tc.args, &out, &errOut)
		if status != tc.status || (tc.stdout != "" && out.String() != tc.stdout) || !strings.Contains(errOut.String(), tc.stderrIn) {
			t.Errorf("gs1 %q: status %d, stdout %q, stderr %q; want %d, %q, stderr containing %q", tc.args, status, out.String(), errOut.String(), tc.status, tc.stdout, tc.stderrIn)
		}
	}
}
