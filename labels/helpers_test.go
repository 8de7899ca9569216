package labels

import (
	"context"
	"image"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/pharmatrace/pharmatrace/gs1"
)

// testBase is the verification service's base URL in tests.
const testBase = "https://verify.pharmatrace.example"

// testSigner returns a signer with a fixed key, so signatures (RFC 6979
// nonces) and so the documents built from them are the same on every run.
func testSigner(t testing.TB) KeySigner {
	t.Helper()
	key, err := crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	if err != nil {
		t.Fatal(err)
	}
	return KeySigner{Key: key}
}

// testCode returns an unsigned code of the test batch.
func testCode(serial string) gs1.Code {
	return gs1.Code{
		GTIN:   "09506000134352",
		Lot:    "ABC123",
		Serial: serial,
		Expiry: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC),
	}
}

// signedCodes returns n signed codes of the test batch with random serials.
func signedCodes(t testing.TB, n int) []gs1.Code {
	t.Helper()
	serials, err := Serials(n, 0)
	if err != nil {
		t.Fatal(err)
	}
	s := testSigner(t)
	codes := make([]gs1.Code, n)
	for i, sn := range serials {
		if codes[i], err = SignCode(context.Background(), s, testCode(sn)); err != nil {
			t.Fatal(err)
		}
	}
	return codes
}

// decodeQR reads a QR code from img with gozxing, a decoder independent of
// the encoder. gozxing's finder-pattern search misses about 1 in 100 pristine
// symbols (it takes a run in the data for a finder pattern; zbar reads the very
// same images), so when it fails the symbol is decoded again with the
// PURE_BARCODE hint, which skips only that search: format information,
// Reed-Solomon and the data are decoded all the same.
func decodeQR(t testing.TB, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatalf("binary bitmap: %v", err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		pure := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
		var err2 error
		if res, err2 = qrcode.NewQRCodeReader().Decode(bmp, pure); err2 != nil {
			t.Fatalf("decode QR: %v; as a pure barcode: %v", err, err2)
		}
	}
	return res.GetText()
}

// upscale returns the n×n bitmap dark (row-major) as a gray image with px
// pixels per module, the way a printer or a screen renders it.
func upscale(n int, dark func(x, y int) bool, px int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, n*px, n*px))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if !dark(x, y) {
				continue
			}
			for yy := y * px; yy < (y+1)*px; yy++ {
				row := img.Pix[yy*img.Stride:]
				for xx := x * px; xx < (x+1)*px; xx++ {
					row[xx] = 0
				}
			}
		}
	}
	return img
}

// failWriter fails every write after the first n bytes.
type failWriter struct {
	n   int
	err error
}

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, w.err
	}
	w.n -= len(p)
	return len(p), nil
}
