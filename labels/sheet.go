package labels

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pharmatrace/pharmatrace/gs1"
)

// Sheet is a batch's labels: one per code, in order.
type Sheet struct {
	// Product is printed on every label: name and strength, e.g.
	// "Paracetamol 500 mg tablets"; cut short if it does not fit.
	Product string
	// Codes are the packs, each with GTIN, lot, serial, expiry and Sig (see
	// SignCode).
	Codes []gs1.Code
	// BaseURL is the public base of the verification service, under which the
	// QR codes' Digital Link URIs are formed (gs1.FormatDigitalLink).
	BaseURL string
}

// The sheet's geometry, in millimetres. A4 holds Columns × Rows labels of
// 65 × 27 mm. Three columns, not four, leave beside a 25 mm QR code room for
// "LOT " and a 20-character lot (GS1's maximum) in 7 pt monospace.
const (
	Columns = 3
	Rows    = 10

	pageWmm    = 210.0
	pageHmm    = 297.0
	marginXmm  = 7.5
	marginYmm  = 13.5
	cellWmm    = (pageWmm - 2*marginXmm) / Columns // 65
	cellHmm    = (pageHmm - 2*marginYmm) / Rows    // 27
	padMM      = 1.0                               // inside a cell's edge
	qrBoxMM    = 25.0                              // the QR code, quiet zone included
	textGapMM  = 0.5                               // the quiet zone already separates text from the code
	fontPt     = 7.0                               // text size, shrunk to fit if need be
	leadingPt  = 9.0                               // baseline to baseline
	courierAdv = 0.6                               // Courier's advance width, in ems, for every glyph
)

// MinModuleMM is the smallest QR module WriteSheet prints. A longer payload
// (a long BaseURL) means a higher QR version, more modules in the same 25 mm
// square, and below this size phone cameras start to fail.
const MinModuleMM = 0.30

// PerPage is the number of labels on a full page.
const PerPage = Columns * Rows

const ptPerMM = 72 / 25.4

// WriteSheet writes sheet as an A4 PDF to w: Columns × Rows labels a page, each
// with the QR code of the pack's signed Digital Link URI and the lines
// product, "GTIN …", "LOT …", "EXP YYYY-MM-DD" and "SN …".
//
// It checks every code before writing anything, so a bad sheet is refused with
// w untouched. Then it streams: the QR codes are drawn on every core, a couple
// of pages ahead, each page goes to w as soon as its codes are drawn, and
// memory stays bounded by a few pages whatever the number of codes (the PDF
// writer keeps only each object's offset). After each page it calls progress,
// if not nil, with the number of labels written and the total; before each
// page it checks ctx. An error after the first page leaves a truncated PDF in
// w, which the caller must discard (an HTTP handler aborts the response).
//
// The output depends only on sheet: no dates, no random identifiers.
func WriteSheet(ctx context.Context, w io.Writer, sheet Sheet, progress func(done, total int)) error {
	total := len(sheet.Codes)
	if err := checkSheet(sheet); err != nil {
		return fmt.Errorf("label sheet: %w", err)
	}
	p := newPDFWriter(w)
	const catalog, pages, fontRegular, fontBold, info = 1, 2, 3, 4, 5
	for range info {
		p.reserve()
	}
	p.object(catalog, "<< /Type /Catalog /Pages "+ref(pages)+" >>")
	p.object(fontRegular, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	p.object(fontBold, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>")
	p.object(info, "<< /Producer (PharmaTrace labels) /Title "+pdfString(winAnsi(sheet.Product+" - labels"))+" >>")
	fonts := "/Font << /F1 " + ref(fontRegular) + " /F2 " + ref(fontBold) + " >>"

	product := winAnsi(sheet.Product)
	ctx, cancel := context.WithCancel(ctx)
	drawn := drawPages(ctx, sheet, runtime.GOMAXPROCS(0))
	defer func() {
		cancel()
		drawn.wait()
	}()
	var z compressor
	var kids []string
	for pg := range drawn.pages {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("label sheet: page %d: %w", len(kids)+1, err)
		}
		pg.done.Wait()
		for i, err := range pg.errs {
			if err != nil {
				return fmt.Errorf("label sheet: page %d: label %d: %w", len(kids)+1, pg.start+i+1, err)
			}
		}
		codes, images, start := pg.codes, pg.images, pg.start
		var content bytes.Buffer
		var xobjects strings.Builder
		for i, c := range codes {
			img := p.reserve()
			p.stream(img, images[i].entries(), images[i].data)
			name := "Q" + strconv.Itoa(i)
			xobjects.WriteString("/" + name + " " + ref(img) + " ")
			drawLabel(&content, i, name, product, c)
		}
		contents := p.reserve()
		p.stream(contents, "/Filter /FlateDecode", z.deflate(content.Bytes()))
		page := p.reserve()
		p.object(page, "<< /Type /Page /Parent "+ref(pages)+
			" /MediaBox [0 0 "+num(pageWmm*ptPerMM)+" "+num(pageHmm*ptPerMM)+"]"+
			" /Resources << "+fonts+" /XObject << "+xobjects.String()+">> >>"+
			" /Contents "+ref(contents)+" >>")
		kids = append(kids, ref(page))
		if err := p.flush(); err != nil {
			return fmt.Errorf("label sheet: page %d: %w", len(kids), err)
		}
		if progress != nil {
			progress(start+len(codes), total)
		}
	}
	if err := ctx.Err(); err != nil { // the pipeline stopped early
		return fmt.Errorf("label sheet: page %d: %w", len(kids)+1, err)
	}
	p.object(pages, "<< /Type /Pages /Count "+strconv.Itoa(len(kids))+" /Kids ["+strings.Join(kids, " ")+"] >>")
	if err := p.finish(catalog, info); err != nil {
		return fmt.Errorf("label sheet: %w", err)
	}
	return nil
}

// checkSheet refuses, before anything is written, what would print a label
// that no scanner or verifier accepts.
func checkSheet(sheet Sheet) error {
	if len(sheet.Codes) == 0 {
		return fmt.Errorf("no codes")
	}
	if sheet.BaseURL == "" {
		// gs1.FormatDigitalLink would fall back to GS1's resolver, which knows
		// nothing of our signatures: a printed label cannot be taken back.
		return fmt.Errorf("no base URL")
	}
	seen := make(map[string]int, len(sheet.Codes))
	e := newQREncoder()
	for i, c := range sheet.Codes {
		payload, err := checkLabel(sheet.BaseURL, c)
		if err != nil {
			return fmt.Errorf("code %d: %w", i, err)
		}
		key := string(c.GTIN) + "\x1d" + c.Serial
		if j, dup := seen[key]; dup {
			return fmt.Errorf("code %d: GTIN %s serial %q is already code %d", i, c.GTIN, c.Serial, j)
		}
		seen[key] = i
		// The QR version (and so the module size in the fixed square) follows
		// from the encoded length alone, found without drawing the symbol.
		v, err := e.dataBits(payload)
		if err != nil {
			return fmt.Errorf("code %d: qr: %w", i, err)
		}
		n := 17 + 4*v + 2*QuietZone
		if module := qrBoxMM / float64(n); module < MinModuleMM {
			return fmt.Errorf("code %d: its %d-character URI needs %d modules, %.2f mm each in the %.0f mm code, below %.2f mm: shorten the base URL",
				i, len(payload), n, module, qrBoxMM, MinModuleMM)
		}
	}
	return nil
}

// checkLabel checks that c has everything a pack's label shows and that its
// Digital Link URI under base reads back as c, and returns the URI.
func checkLabel(base string, c gs1.Code) (string, error) {
	switch {
	case c.Lot == "":
		return "", fmt.Errorf("no lot")
	case c.Serial == "":
		return "", fmt.Errorf("no serial")
	case c.Expiry.IsZero():
		return "", fmt.Errorf("no expiry")
	case c.Sig == "":
		return "", fmt.Errorf("no signature: sign the code first (SignCode)")
	}
	if err := checkSignable(c); err != nil {
		return "", err
	}
	if sig, err := sigEncoding.DecodeString(c.Sig); err != nil || len(sig) != SignatureLen {
		return "", fmt.Errorf("sig %q is not %d bytes in unpadded base64url", c.Sig, SignatureLen)
	}
	payload := gs1.FormatDigitalLink(base, c)
	back, err := gs1.ParseDigitalLink(payload, c.Expiry)
	if err != nil {
		return "", fmt.Errorf("URI %q does not parse back: %w", payload, err)
	}
	if back.GTIN != c.GTIN || back.Lot != c.Lot || back.Serial != c.Serial || back.Sig != c.Sig ||
		back.ExpiryRaw != expiryRaw(c) {
		return "", fmt.Errorf("URI %q does not read back as the code: check the base URL %q", payload, base)
	}
	return payload, nil
}

// expiryRaw is the AI 17 value gs1.FormatDigitalLink writes for c.
func expiryRaw(c gs1.Code) string {
	if c.ExpiryRaw != "" {
		return c.ExpiryRaw
	}
	return gs1.FormatExpiry(c.Expiry)
}

// qrImage is a QR code as a PDF image: n×n samples of 1 bit (1 is white),
// rows padded to a byte, zlib-compressed.
type qrImage struct {
	n    int
	data []byte
}

func (q qrImage) entries() string {
	n := strconv.Itoa(q.n)
	return "/Type /XObject /Subtype /Image /Width " + n + " /Height " + n +
		" /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode"
}

// pageWork is a page's labels on their way through the pipeline: done when
// every QR image (or its error) is in.
type pageWork struct {
	start  int // index of the first label in the sheet
	codes  []gs1.Code
	images []qrImage
	errs   []error
	done   sync.WaitGroup
}

// pipeline draws the QR codes of a sheet ahead of the writer.
type pipeline struct {
	pages <-chan *pageWork // in order
	wg    sync.WaitGroup
}

// wait returns once every goroutine of the pipeline has ended; cancel its
// context first.
func (p *pipeline) wait() { p.wg.Wait() }

// drawPages starts workers goroutines that draw the QR codes of sheet, label
// by label across page boundaries so that no core idles at the end of a page,
// and hands out the pages in order, at most drawAhead of them ahead of the
// reader: memory stays bounded by a few pages. QR encoding (eight masks tried
// and scored per symbol) is most of a sheet's cost, even with qrEncoder.
// Cancelling ctx stops it; a page cut short has ctx's error for its missing
// labels.
func drawPages(ctx context.Context, sheet Sheet, workers int) *pipeline {
	const drawAhead = 2
	pages := make(chan *pageWork, drawAhead)
	type job struct {
		page *pageWork
		i    int
	}
	jobs := make(chan job, PerPage)
	pl := &pipeline{pages: pages}
	pl.wg.Add(workers + 1)
	for range workers {
		go func() {
			defer pl.wg.Done()
			e, z := newQREncoder(), new(compressor)
			for j := range jobs {
				pg := j.page
				pg.images[j.i], pg.errs[j.i] = drawQR(e, z, gs1.FormatDigitalLink(sheet.BaseURL, pg.codes[j.i]))
				pg.done.Done()
			}
		}()
	}
	go func() {
		defer pl.wg.Done()
		defer close(jobs)
		defer close(pages)
		for start := 0; start < len(sheet.Codes); start += PerPage {
			codes := sheet.Codes[start:min(start+PerPage, len(sheet.Codes))]
			pg := &pageWork{start: start, codes: codes, images: make([]qrImage, len(codes)), errs: make([]error, len(codes))}
			pg.done.Add(len(codes))
			select {
			case pages <- pg:
			case <-ctx.Done():
				return
			}
			for i := range codes {
				select {
				case jobs <- job{pg, i}:
				case <-ctx.Done():
					for ; i < len(codes); i++ {
						pg.errs[i] = ctx.Err()
						pg.done.Done()
					}
					return
				}
			}
		}
	}()
	return pl
}

func drawQR(e *qrEncoder, z *compressor, payload string) (qrImage, error) {
	s, err := e.encode(payload)
	if err != nil {
		return qrImage{}, err
	}
	stride := (s.n + 7) / 8
	raw := make([]byte, stride*s.n)
	for y := 0; y < s.n; y++ {
		row := raw[y*stride : (y+1)*stride]
		for i := range row {
			row[i] = 0xff // white, and the padding bits too
		}
		for x := 0; x < s.n; x++ {
			if s.at(x, y) {
				row[x/8] &^= 0x80 >> (x % 8)
			}
		}
	}
	return qrImage{n: s.n, data: z.deflate(raw)}, nil
}

// compressor zlib-compresses, as the PDF FlateDecode filter reads it, reusing
// one zlib.Writer: a new one allocates over half a megabyte of tables, more
// than a whole page of labels. Not safe for concurrent use.
type compressor struct {
	buf bytes.Buffer
	zw  *zlib.Writer
}

func (z *compressor) deflate(b []byte) []byte {
	z.buf.Reset()
	if z.zw == nil {
		z.zw, _ = zlib.NewWriterLevel(&z.buf, zlib.BestSpeed) // the level is valid
	} else {
		z.zw.Reset(&z.buf)
	}
	z.zw.Write(b) // a bytes.Buffer does not fail
	z.zw.Close()
	return bytes.Clone(z.buf.Bytes())
}

// drawLabel appends to content the drawing of label i of a page: the QR image
// named img, then the text lines, each in 7 pt Courier unless it needs smaller
// to fit (only the product name is ever cut short, with an ellipsis).
func drawLabel(content *bytes.Buffer, i int, img string, product []byte, c gs1.Code) {
	col, row := i%Columns, i/Columns
	x0 := (marginXmm + float64(col)*cellWmm) * ptPerMM
	y0 := (pageHmm - marginYmm - float64(row+1)*cellHmm) * ptPerMM // the cell's bottom
	cellH := cellHmm * ptPerMM
	qr := qrBoxMM * ptPerMM
	qx, qy := x0+padMM*ptPerMM, y0+(cellH-qr)/2
	content.WriteString("q " + num(qr) + " 0 0 " + num(qr) + " " + num(qx) + " " + num(qy) + " cm /" + img + " Do Q\n")

	tx := qx + qr + textGapMM*ptPerMM
	width := (x0 + cellWmm*ptPerMM - padMM*ptPerMM) - tx
	maxChars := int(width / (courierAdv * fontPt))
	if len(product) > maxChars {
		product = append(product[:maxChars-1:maxChars-1], 0x85) // WinAnsi "…"
	}
	lines := [][]byte{
		[]byte("GTIN " + string(c.GTIN)),
		[]byte("LOT " + c.Lot),
		[]byte("EXP " + c.Expiry.Format(time.DateOnly)),
		[]byte("SN " + c.Serial),
	}
	if len(product) > 0 {
		lines = append([][]byte{product}, lines...)
	}
	// Center the block of lines on the cell; a line's visible height is
	// about its cap height, 0.6 em in Courier.
	blockH := float64(len(lines)-1)*leadingPt + 0.6*fontPt
	ty := y0 + (cellH+blockH)/2 - 0.6*fontPt
	content.WriteString("BT " + num(tx) + " " + num(ty) + " Td " + num(leadingPt) + " TL\n")
	for j, line := range lines {
		font := "/F1"
		if j == 0 && len(product) > 0 {
			font = "/F2"
		}
		size := min(fontPt, width/(courierAdv*float64(len(line))))
		if j > 0 {
			content.WriteString("T* ")
		}
		content.WriteString(font + " " + num(size) + " Tf " + pdfString(line) + " Tj\n")
	}
	content.WriteString("ET\n")
}
