package labels

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pharmatrace/pharmatrace/gs1"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestWriteSheet(t *testing.T) {
	codes := signedCodes(t, 2*PerPage+7)
	// Characters of the 82-character set that need escaping in a PDF string
	// and percent-encoding in the URI.
	odd, err := SignCode(t.Context(), testSigner(t), gs1.Code{
		GTIN: "09506000134352", Lot: `L(7)/%"`, Serial: "A&B)(C", Expiry: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	codes = append(codes, odd)
	sheet := Sheet{Product: "Paracétamol 500 mg – film-coated tablets × 16", Codes: codes, BaseURL: testBase}

	type call struct{ done, total int }
	var calls []call
	var buf bytes.Buffer
	if err := WriteSheet(t.Context(), &buf, sheet, func(done, total int) { calls = append(calls, call{done, total}) }); err != nil {
		t.Fatal(err)
	}
	n := len(codes)
	if want := []call{{30, n}, {60, n}, {n, n}}; len(calls) != len(want) || calls[0] != want[0] || calls[1] != want[1] || calls[2] != want[2] {
		t.Errorf("progress calls %v, want %v", calls, want)
	}

	doc := readPDF(t, buf.Bytes())
	pages := doc.pages(t)
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	if got := bytes.Count(buf.Bytes(), []byte("/Type /Page ")); got != 3 {
		t.Errorf("%d /Type /Page objects, want 3", got)
	}
	if got := bytes.Count(buf.Bytes(), []byte("/Subtype /Image")); got != n {
		t.Errorf("%d images, want %d, one per pack", got, n)
	}

	// Every label, in order: its QR code decodes to its pack's signed URI,
	// and its lines are the pack's.
	i := 0
	for pi, p := range pages {
		if got := strings.Count(p.content, "(SN "); got != min(PerPage, n-pi*PerPage) {
			t.Errorf("page %d has %d \"SN \" lines", pi+1, got)
		}
		for _, l := range p.labels(t) {
			c := codes[i]
			id, ok := p.images[l.image]
			if !ok {
				t.Fatalf("label %d draws %s, not in the page's resources", i, l.image)
			}
			mods, dark := doc.image(t, id)
			if got, want := decodeQR(t, upscale(mods, dark, 4)), gs1.FormatDigitalLink(testBase, c); got != want {
				t.Fatalf("label %d: QR reads %q, want %q", i, got, want)
			}
			want := []string{
				string(winAnsi("Paracétamol 500 mg – fil…")), // 25 characters fit
				"GTIN " + string(c.GTIN),
				"LOT " + c.Lot,
				"EXP " + c.Expiry.Format("2006-01-02"),
				"SN " + c.Serial,
			}
			if strings.Join(l.lines, "|") != strings.Join(want, "|") {
				t.Fatalf("label %d: lines %q, want %q", i, l.lines, want)
			}
			i++
		}
	}
	if i != n {
		t.Fatalf("%d labels, want %d", i, n)
	}

	// The same sheet gives the same bytes.
	var again bytes.Buffer
	if err := WriteSheet(t.Context(), &again, sheet, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two runs differ")
	}

	checkWithPoppler(t, buf.Bytes(), 3, codes)
}

// checkWithPoppler has independent tools check the file when they are
// installed (apt-get install poppler-utils qpdf zbar-tools): qpdf its
// structure, poppler its text and rendering, zbar the rendered QR codes.
func checkWithPoppler(t *testing.T, pdf []byte, pages int, codes []gs1.Code) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	} else {
		t.Log("qpdf not installed: skipped its check")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("poppler-utils not installed: skipped its check")
		return
	}
	out, err := exec.Command(pdftotext, "-layout", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := string(out)
	if got := strings.Count(text, "\f"); got != pages {
		t.Errorf("pdftotext: %d pages, want %d", got, pages)
	}
	for _, c := range codes {
		if !strings.Contains(text, "SN "+c.Serial) {
			t.Errorf("pdftotext: no %q", "SN "+c.Serial)
		}
	}
	if !strings.Contains(text, "Paracétamol") {
		t.Error("pdftotext: the product name's é did not come through")
	}

	// Print the sheet, as it were, at 300 dpi and scan it with zbar: every
	// label's QR code reads as its pack's URI.
	pdftoppm, err1 := exec.LookPath("pdftoppm")
	zbarimg, err2 := exec.LookPath("zbarimg")
	if err1 != nil || err2 != nil {
		t.Log("pdftoppm or zbarimg (zbar-tools) not installed: skipped the print-and-scan check")
		return
	}
	prefix := filepath.Join(filepath.Dir(path), "page")
	if out, err := exec.Command(pdftoppm, "-r", "300", "-gray", "-png", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(prefix + "*.png")
	if len(pngs) != pages {
		t.Fatalf("pdftoppm rendered %d pages, want %d", len(pngs), pages)
	}
	var scanned []string
	for _, png := range pngs {
		cmd := exec.Command(zbarimg, "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png)
		var stdout bytes.Buffer
		cmd.Stdout = &stdout // zbar complains of a missing D-Bus on stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("zbarimg %s: %v", filepath.Base(png), err)
		}
		scanned = append(scanned, strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")...)
	}
	want := map[string]bool{}
	for _, c := range codes {
		want[gs1.FormatDigitalLink(testBase, c)] = true
	}
	got := map[string]bool{}
	for _, s := range scanned {
		if !want[s] {
			t.Errorf("zbar scanned %q, not a label of the sheet", s)
		}
		got[s] = true
	}
	if len(got) != len(want) || len(scanned) != len(codes) {
		t.Errorf("zbar scanned %d codes (%d distinct) from the rendered pages, want %d", len(scanned), len(got), len(codes))
	}
}

// TestSheetGolden pins the drawing of a page, the content stream, so a layout
// change shows up in review. Rewrite with go test ./labels -run Golden -update.
func TestSheetGolden(t *testing.T) {
	codes := make([]gs1.Code, 4)
	for i, sn := range []string{"K7Q2M9XRT4HB", "23456789ABCD", "EFGHJKLMNPQR", "STUVWXYZ2345"} {
		var err error
		if codes[i], err = SignCode(t.Context(), testSigner(t), testCode(sn)); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := WriteSheet(t.Context(), &buf, Sheet{Product: "Paracetamol 500 mg", Codes: codes, BaseURL: testBase}, nil); err != nil {
		t.Fatal(err)
	}
	got := readPDF(t, buf.Bytes()).pages(t)[0].content
	golden := filepath.Join("testdata", "sheet4.content.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("content stream differs from %s (rerun with -update if intended):\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

func TestWriteSheetRefuses(t *testing.T) {
	good := signedCodes(t, 3)
	unsigned := testCode("23456789ABCD")
	tests := []struct {
		name  string
		sheet Sheet
		want  string
	}{
		{"no codes", Sheet{BaseURL: testBase}, "no codes"},
		{"no base URL", Sheet{Codes: good}, "no base URL"},
		{"base URL not http", Sheet{Codes: good, BaseURL: "ftp://verify.example"}, "does not parse back"},
		{"base URL with a query", Sheet{Codes: good, BaseURL: "https://verify.example/?x=1"}, "code 0"},
		{"unsigned code", Sheet{Codes: append(good[:2:2], unsigned), BaseURL: testBase}, "code 2: no signature"},
		{"no lot", Sheet{Codes: []gs1.Code{withCode(good[0], func(c *gs1.Code) { c.Lot = "" })}, BaseURL: testBase}, "no lot"},
		{"no serial", Sheet{Codes: []gs1.Code{withCode(good[0], func(c *gs1.Code) { c.Serial = "" })}, BaseURL: testBase}, "no serial"},
		{"no expiry", Sheet{Codes: []gs1.Code{withCode(good[0], func(c *gs1.Code) { c.Expiry = time.Time{} })}, BaseURL: testBase}, "no expiry"},
		{"truncated sig", Sheet{Codes: []gs1.Code{withCode(good[0], func(c *gs1.Code) { c.Sig = c.Sig[:40] })}, BaseURL: testBase}, "unpadded base64url"},
		{"bad GTIN", Sheet{Codes: []gs1.Code{withCode(good[0], func(c *gs1.Code) { c.GTIN = "09506000134353" })}, BaseURL: testBase}, "GTIN"},
		{"same serial twice", Sheet{Codes: []gs1.Code{good[0], good[1], good[0]}, BaseURL: testBase}, "code 2: GTIN 09506000134352 serial"},
		{"base URL so long the modules get too small", Sheet{Codes: good, BaseURL: "https://verify.example/" + strings.Repeat("x", 300)}, "shorten the base URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteSheet(t.Context(), &buf, tt.sheet, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written before the error", buf.Len())
			}
		})
	}
}

func withCode(c gs1.Code, f func(*gs1.Code)) gs1.Code {
	f(&c)
	return c
}

func TestWriteSheetCancel(t *testing.T) {
	codes := signedCodes(t, 3*PerPage)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	before := runtime.NumGoroutine()
	calls := 0
	var buf bytes.Buffer
	err := WriteSheet(ctx, &buf, Sheet{Codes: codes, BaseURL: testBase}, func(done, total int) {
		calls++
		cancel()
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls != 1 {
		t.Errorf("progress called %d times, want 1 (cancelled after the first page)", calls)
	}
	// The first page reached w before the cancellation: the PDF streams.
	if got := bytes.Count(buf.Bytes(), []byte("/Type /Page ")); got != 1 {
		t.Errorf("%d pages written, want 1", got)
	}
	// WriteSheet waits for the goroutines that draw ahead before it returns.
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before WriteSheet, %d after", before, after)
	}
}

func TestWriteSheetWriterError(t *testing.T) {
	codes := signedCodes(t, 2*PerPage)
	boom := errors.New("connection reset")
	for _, n := range []int{0, 100, 20000} {
		err := WriteSheet(t.Context(), &failWriter{n: n, err: boom}, Sheet{Codes: codes, BaseURL: testBase}, nil)
		if !errors.Is(err, boom) {
			t.Errorf("failing after %d bytes: err = %v, want it to wrap %v", n, err, boom)
		}
	}
}
