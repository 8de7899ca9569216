package labels

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"

	"github.com/skip2/go-qrcode"
)

// ECLevel is the error-correction level of every QR code this package draws
// (see the package documentation).
const ECLevel = qrcode.Medium

// QuietZone is the light margin, in modules, around every symbol drawn here:
// the 4 modules ISO/IEC 18004 requires. Images include it, so a symbol placed
// anywhere on a pack keeps it.
const QuietZone = 4

// PNG sizes, in pixels: the default (0) gives DefaultPixelsPerModule pixels
// per module; MaxPNGSize bounds what a caller may ask for.
const (
	DefaultPixelsPerModule = 8
	MaxPNGSize             = 4096
)

// symbol is a QR code as an n×n grid of modules, quiet zone included; dark[y*n+x].
type symbol struct {
	n    int
	dark []bool
}

func (s symbol) at(x, y int) bool { return s.dark[y*s.n+x] }

// encode draws payload as a QR code at ECLevel with a QuietZone border.
func encode(payload string) (symbol, error) {
	if payload == "" {
		return symbol{}, errors.New("qr: empty payload")
	}
	q, err := qrcode.New(payload, ECLevel)
	if err != nil {
		return symbol{}, fmt.Errorf("qr: %d-byte payload: %w", len(payload), err)
	}
	// Bitmap encodes the symbol; skip2's encode is not idempotent, so it is
	// called once per QRCode. Its border is the 4-module quiet zone.
	bm := q.Bitmap()
	s := symbol{n: len(bm), dark: make([]bool, 0, len(bm)*len(bm))}
	for _, row := range bm {
		if len(row) != s.n {
			return symbol{}, fmt.Errorf("qr: bitmap row of %d modules in a %d-module symbol", len(row), s.n)
		}
		s.dark = append(s.dark, row...)
	}
	return s, nil
}

// PNG returns payload as a QR code in a size×size PNG (1 bit per pixel), with
// a whole number of pixels per module so that every module is a sharp square;
// what is left over widens the quiet zone. A size of 0 gives
// DefaultPixelsPerModule pixels per module; a size below the symbol's module
// count is raised to it (one pixel per module).
func PNG(payload string, size int) ([]byte, error) {
	if size < 0 || size > MaxPNGSize {
		return nil, fmt.Errorf("qr png: size %d out of range 0…%d", size, MaxPNGSize)
	}
	s, err := encode(payload)
	if err != nil {
		return nil, err
	}
	switch {
	case size == 0:
		size = DefaultPixelsPerModule * s.n
	case size < s.n:
		size = s.n
	}
	ppm := size / s.n
	off := (size - ppm*s.n) / 2
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{color.White, color.Black})
	for y := 0; y < s.n; y++ {
		for x := 0; x < s.n; x++ {
			if !s.at(x, y) {
				continue
			}
			for py := off + y*ppm; py < off+(y+1)*ppm; py++ {
				row := img.Pix[py*img.Stride:]
				for px := off + x*ppm; px < off+(x+1)*ppm; px++ {
					row[px] = 1
				}
			}
		}
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
		return nil, fmt.Errorf("qr png: %w", err)
	}
	return b.Bytes(), nil
}

// SVG returns payload as a QR code in an SVG document whose user unit is one
// module: a white square, quiet zone included, under one black path made of a
// rectangle per horizontal run of dark modules. shape-rendering="crispEdges"
// keeps renderers from anti-aliasing the module edges. The width and height
// are DefaultPixelsPerModule pixels per module, like PNG's default; the
// viewBox lets the image scale to any size.
func SVG(payload string) ([]byte, error) {
	s, err := encode(payload)
	if err != nil {
		return nil, err
	}
	n := strconv.Itoa(s.n)
	px := strconv.Itoa(s.n * DefaultPixelsPerModule)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="` + px + `" height="` + px +
		`" viewBox="0 0 ` + n + ` ` + n + `" shape-rendering="crispEdges">` + "\n")
	b.WriteString(`<rect width="` + n + `" height="` + n + `" fill="#fff"/>` + "\n")
	b.WriteString(`<path fill="#000" d="`)
	for y := 0; y < s.n; y++ {
		for x := 0; x < s.n; {
			if !s.at(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < s.n && s.at(x+run, y) {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x, y, run, run)
			x += run
		}
	}
	b.WriteString(`"/>` + "\n</svg>\n")
	return b.Bytes(), nil
}
