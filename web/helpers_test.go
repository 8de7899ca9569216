package web_test

import (
	"bytes"
	"compress/zlib"
	"image/png"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/pharmatrace/pharmatrace/gs1"
)

// gs1Link is a signed code as its QR code carries it.
func gs1Link(c gs1.Code) string { return gs1.FormatDigitalLink("https://verify.example", c) }

// serialOf reads the serial of a Digital Link.
func serialOf(t *testing.T, link string) string {
	t.Helper()
	c, err := gs1.Parse(link, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c.Serial
}

// decodeQR reads a PNG QR code with gozxing, a decoder independent of the encoder (with the
// PURE_BARCODE hint as a fallback: see labels' test helper for why).
func decodeQR(t *testing.T, b []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		pure := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
		if res, err = qrcode.NewQRCodeReader().Decode(bmp, pure); err != nil {
			t.Fatalf("decode QR: %v", err)
		}
	}
	return res.GetText()
}

// pdfText concatenates a PDF's content streams, inflated: enough to count the labels' text.
// Each stream is read by its /Length (binary image data may hold any bytes).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	var out strings.Builder
	re := regexp.MustCompile(`/Length (\d+) >>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		if m[1]+n > len(pdf) {
			t.Fatal("PDF stream longer than the file")
		}
		if zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n])); err == nil {
			b, _ := io.ReadAll(zr)
			out.Write(b)
		}
	}
	return out.String()
}
