package labels

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/pharmatrace/pharmatrace/gs1"
)

// signedPayload returns a real signed Digital Link URI, as printed.
func signedPayload(t testing.TB, serial string) string {
	t.Helper()
	c, err := SignCode(t.Context(), testSigner(t), testCode(serial))
	if err != nil {
		t.Fatal(err)
	}
	return gs1.FormatDigitalLink(testBase, c)
}

func TestPNGRoundTrip(t *testing.T) {
	payload := signedPayload(t, "K7Q2M9XRT4HB")
	sym, err := encode(payload)
	if err != nil {
		t.Fatal(err)
	}
	// The package documentation's figures: a signed URI of ~180 characters
	// is a version 9 or 10 symbol at level M, 53 or 57 modules plus the
	// quiet zone.
	if sym.n != 57+2*QuietZone && sym.n != 53+2*QuietZone {
		t.Errorf("%d-character payload gives %d modules with the quiet zone, want 61 or 65", len(payload), sym.n)
	}
	for _, tt := range []struct{ size, want int }{
		{0, DefaultPixelsPerModule * sym.n},
		{10, sym.n}, // raised to one pixel per module
		{sym.n, sym.n},
		{300, 300},
		{1000, 1000},
	} {
		t.Run(fmt.Sprint(tt.size), func(t *testing.T) {
			b, err := PNG(payload, tt.size)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got != image.Pt(tt.want, tt.want) {
				t.Fatalf("size %v, want %dx%d", got, tt.want, tt.want)
			}
			// One pixel per module is too little for a camera-style decoder;
			// scale the smallest image up the way a printer would.
			if tt.want < 4*sym.n {
				small := img
				img = upscale(tt.want, func(x, y int) bool {
					r, _, _, _ := small.At(x, y).RGBA()
					return r < 0x8000
				}, 4)
			}
			if got := decodeQR(t, img); got != payload {
				t.Fatalf("decoded %q, want %q", got, payload)
			}
		})
	}
}

func TestPNGModulesAreWholePixels(t *testing.T) {
	payload := signedPayload(t, "K7Q2M9XRT4HB")
	sym, _ := encode(payload)
	const size = 500
	b, err := PNG(payload, size)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := png.Decode(bytes.NewReader(b))
	ppm := size / sym.n
	off := (size - ppm*sym.n) / 2
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			mx, my := (x-off)/ppm, (y-off)/ppm
			want := x >= off && y >= off && mx < sym.n && my < sym.n && sym.at(mx, my)
			r, _, _, _ := img.At(x, y).RGBA()
			if got := r < 0x8000; got != want {
				t.Fatalf("pixel (%d,%d) dark=%v, want %v", x, y, got, want)
			}
		}
	}
	// The quiet zone is light all round.
	for i := 0; i < sym.n; i++ {
		for _, p := range [][2]int{{i, 0}, {i, QuietZone - 1}, {0, i}, {sym.n - 1, i}, {i, sym.n - QuietZone}} {
			if sym.at(p[0], p[1]) {
				t.Fatalf("module %v of the quiet zone is dark", p)
			}
		}
	}
}

func TestSVGRoundTrip(t *testing.T) {
	payload := signedPayload(t, "K7Q2M9XRT4HB")
	b, err := SVG(payload)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"svg"`
		ViewBox string   `xml:"viewBox,attr"`
		Rect    struct {
			Width  int    `xml:"width,attr"`
			Height int    `xml:"height,attr"`
			Fill   string `xml:"fill,attr"`
		} `xml:"rect"`
		Paths []struct {
			D string `xml:"d,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("SVG is not XML: %v\n%s", err, b)
	}
	var n int
	if _, err := fmt.Sscanf(doc.ViewBox, "0 0 %d %d", &n, &n); err != nil {
		t.Fatalf("viewBox %q: %v", doc.ViewBox, err)
	}
	if doc.Rect.Width != n || doc.Rect.Height != n || doc.Rect.Fill != "#fff" {
		t.Errorf("background %+v, want a white %dx%d square", doc.Rect, n, n)
	}
	if len(doc.Paths) != 1 {
		t.Fatalf("%d paths, want 1", len(doc.Paths))
	}
	// Rasterize the path's runs and decode what comes out.
	dark := make([]bool, n*n)
	for _, cmd := range strings.Split(strings.TrimSuffix(doc.Paths[0].D, "z"), "z") {
		var x, y, w, w2 int
		if _, err := fmt.Sscanf(cmd, "M%d %dh%dv1h-%d", &x, &y, &w, &w2); err != nil || w != w2 || w < 1 {
			t.Fatalf("path command %q: %v", cmd, err)
		}
		for i := x; i < x+w; i++ {
			if dark[y*n+i] {
				t.Fatalf("module (%d,%d) drawn twice", i, y)
			}
			dark[y*n+i] = true
		}
	}
	sym, _ := encode(payload)
	if sym.n != n || fmt.Sprint(sym.dark) != fmt.Sprint(dark) {
		t.Fatal("the SVG's modules differ from the symbol's")
	}
	img := upscale(n, func(x, y int) bool { return dark[y*n+x] }, 4)
	if got := decodeQR(t, img); got != payload {
		t.Fatalf("decoded %q, want %q", got, payload)
	}
}

func TestQRRefuses(t *testing.T) {
	long := strings.Repeat("x", 3000) // over version 40-M's 2 331 bytes
	for _, tt := range []struct {
		name    string
		payload string
		size    int
	}{
		{"empty payload", "", 0},
		{"payload too long", long, 0},
		{"negative size", "https://example.com", -8},
		{"size too large", "https://example.com", MaxPNGSize + 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := PNG(tt.payload, tt.size); err == nil {
				t.Error("PNG: no error")
			}
			if tt.size == 0 {
				if _, err := SVG(tt.payload); err == nil {
					t.Error("SVG: no error")
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	payload := signedPayload(b, "K7Q2M9XRT4HB")
	for b.Loop() {
		if _, err := encode(payload); err != nil {
			b.Fatal(err)
		}
	}
}
