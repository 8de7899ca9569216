package labels

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pdfDoc is a PDF read by the small reader below, which follows the file the
// way a viewer does: startxref, the xref table, each object at its offset. It
// knows only what WriteSheet writes, and fails the test on anything else.
type pdfDoc struct {
	objs map[int]pdfObj
	root int
}

type pdfObj struct {
	dict string // the dictionary, or the whole body of an object without a stream
	data []byte // the stream, as stored (nil if none)
}

var (
	reStartXref = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`)
	reXrefHead  = regexp.MustCompile(`^xref\n0 (\d+)\n`)
	reXrefEntry = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf]) \n$`)
	reTrailer   = regexp.MustCompile(`^trailer\n<< /Size (\d+) /Root (\d+) 0 R /Info (\d+) 0 R >>\n`)
	reLength    = regexp.MustCompile(`/Length (\d+) >>$`)
	reRef       = regexp.MustCompile(`(\d+) 0 R`)
)

func readPDF(t *testing.T, raw []byte) *pdfDoc {
	t.Helper()
	if !bytes.HasPrefix(raw, []byte("%PDF-1.4\n")) {
		t.Fatalf("no %%PDF-1.4 header: %q", raw[:min(len(raw), 16)])
	}
	m := reStartXref.FindSubmatch(raw)
	if m == nil {
		t.Fatalf("no startxref and %%%%EOF at the end: %q", raw[max(0, len(raw)-40):])
	}
	xref, _ := strconv.Atoi(string(m[1]))
	rest := raw[xref:]
	h := reXrefHead.FindSubmatch(rest)
	if h == nil {
		t.Fatalf("startxref %d does not point at an xref table: %q", xref, rest[:min(len(rest), 20)])
	}
	size, _ := strconv.Atoi(string(h[1]))
	rest = rest[len(h[0]):]
	d := &pdfDoc{objs: map[int]pdfObj{}}
	for id := 0; id < size; id++ {
		e := reXrefEntry.FindSubmatch(rest[:20])
		if e == nil {
			t.Fatalf("xref entry %d is not 20 bytes of the right form: %q", id, rest[:20])
		}
		rest = rest[20:]
		if id == 0 {
			if string(e[3]) != "f" || string(e[2]) != "65535" {
				t.Fatalf("xref entry 0 = %q, want the free head", e[0])
			}
			continue
		}
		off, _ := strconv.Atoi(string(e[1]))
		d.objs[id] = readObject(t, raw, off, id)
	}
	tr := reTrailer.FindSubmatch(rest)
	if tr == nil {
		t.Fatalf("no trailer after the xref table: %q", rest[:min(len(rest), 80)])
	}
	if s, _ := strconv.Atoi(string(tr[1])); s != size {
		t.Fatalf("trailer /Size %d, xref has %d entries", s, size)
	}
	d.root, _ = strconv.Atoi(string(tr[2]))
	return d
}

func readObject(t *testing.T, raw []byte, off, id int) pdfObj {
	t.Helper()
	head := strconv.Itoa(id) + " 0 obj\n"
	if off <= 0 || off >= len(raw) || !bytes.HasPrefix(raw[off:], []byte(head)) {
		t.Fatalf("xref offset %d of object %d does not hold %q", off, id, head)
	}
	body := raw[off+len(head):]
	if i := bytes.Index(body, []byte("\nstream\n")); i >= 0 && !bytes.Contains(body[:i], []byte("endobj")) {
		dict := string(body[:i])
		m := reLength.FindStringSubmatch(dict)
		if m == nil {
			t.Fatalf("object %d: stream dictionary without a final /Length: %q", id, dict)
		}
		n, _ := strconv.Atoi(m[1])
		data := body[i+len("\nstream\n"):]
		if len(data) < n || !bytes.HasPrefix(data[n:], []byte("\nendstream\nendobj\n")) {
			t.Fatalf("object %d: /Length %d does not end at endstream", id, n)
		}
		return pdfObj{dict: dict, data: data[:n]}
	}
	i := bytes.Index(body, []byte("\nendobj\n"))
	if i < 0 {
		t.Fatalf("object %d has no endobj", id)
	}
	return pdfObj{dict: string(body[:i])}
}

func (d *pdfDoc) obj(t *testing.T, id int) pdfObj {
	t.Helper()
	o, ok := d.objs[id]
	if !ok {
		t.Fatalf("object %d is referenced but not in the xref table", id)
	}
	return o
}

// entryRef returns the object that the dictionary entry key refers to.
func entryRef(t *testing.T, dict, key string) int {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` (\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		t.Fatalf("no %s reference in %q", key, dict)
	}
	id, _ := strconv.Atoi(m[1])
	return id
}

// inflate decodes a FlateDecode stream.
func inflate(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pdfPage is a page as the test sees it.
type pdfPage struct {
	content string         // the decoded content stream
	images  map[string]int // XObject name -> object id
}

// pages returns the document's pages in order, through Catalog -> Pages -> Kids.
func (d *pdfDoc) pages(t *testing.T) []pdfPage {
	t.Helper()
	cat := d.obj(t, d.root).dict
	if !strings.Contains(cat, "/Type /Catalog") {
		t.Fatalf("root %q is not a catalog", cat)
	}
	tree := d.obj(t, entryRef(t, cat, "/Pages")).dict
	m := regexp.MustCompile(`^<< /Type /Pages /Count (\d+) /Kids \[([0-9 R]*)\] >>$`).FindStringSubmatch(tree)
	if m == nil {
		t.Fatalf("pages tree %q", tree)
	}
	count, _ := strconv.Atoi(m[1])
	kids := reRef.FindAllStringSubmatch(m[2], -1)
	if len(kids) != count {
		t.Fatalf("/Count %d but %d kids", count, len(kids))
	}
	var out []pdfPage
	for _, k := range kids {
		id, _ := strconv.Atoi(k[1])
		pd := d.obj(t, id).dict
		if !strings.Contains(pd, "/Type /Page ") || !strings.Contains(pd, "/MediaBox [0 0 595.28 841.89]") {
			t.Fatalf("page %d: %q is not an A4 page", id, pd)
		}
		c := d.obj(t, entryRef(t, pd, "/Contents"))
		if !strings.Contains(c.dict, "/Filter /FlateDecode") {
			t.Fatalf("content stream %q", c.dict)
		}
		p := pdfPage{content: string(inflate(t, c.data)), images: map[string]int{}}
		for _, x := range regexp.MustCompile(`/(Q\d+) (\d+) 0 R`).FindAllStringSubmatch(pd, -1) {
			p.images[x[1]], _ = strconv.Atoi(x[2])
		}
		out = append(out, p)
	}
	return out
}

// image returns the QR image object id as a bitmap.
func (d *pdfDoc) image(t *testing.T, id int) (n int, dark func(x, y int) bool) {
	t.Helper()
	o := d.obj(t, id)
	var w, h int
	if _, err := fmt.Sscanf(o.dict, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode", &w, &h); err != nil || w != h {
		t.Fatalf("image %d: %q: %v", id, o.dict, err)
	}
	raw := inflate(t, o.data)
	stride := (w + 7) / 8
	if len(raw) != stride*h {
		t.Fatalf("image %d: %d bytes, want %d", id, len(raw), stride*h)
	}
	return w, func(x, y int) bool { return raw[y*stride+x/8]&(0x80>>(x%8)) == 0 }
}

// label is what the content stream draws for one label.
type label struct {
	image string   // the XObject name
	lines []string // the text, unescaped
}

var (
	reLabelImage = regexp.MustCompile(`^q [\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+ cm /(Q\d+) Do Q$`)
	reTextLine   = regexp.MustCompile(`^(?:T\* )?/F[12] [\d.]+ Tf (\(.*\)) Tj$`)
)

// labels parses a page's content stream into labels.
func (p pdfPage) labels(t *testing.T) []label {
	t.Helper()
	var out []label
	for _, line := range strings.Split(strings.TrimSuffix(p.content, "\n"), "\n") {
		switch {
		case reLabelImage.MatchString(line):
			out = append(out, label{image: reLabelImage.FindStringSubmatch(line)[1]})
		case reTextLine.MatchString(line):
			if len(out) == 0 {
				t.Fatalf("text before any image: %q", line)
			}
			l := &out[len(out)-1]
			l.lines = append(l.lines, unescapePDF(t, reTextLine.FindStringSubmatch(line)[1]))
		case strings.HasPrefix(line, "BT ") && strings.HasSuffix(line, " TL"), line == "ET":
		default:
			t.Fatalf("unexpected content line %q", line)
		}
	}
	return out
}

// unescapePDF decodes a PDF literal string as pdfString writes them.
func unescapePDF(t *testing.T, s string) string {
	t.Helper()
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(' || c == ')':
			t.Fatalf("unescaped %q in %q", c, s)
		case c != '\\':
			b.WriteByte(c)
		case i+1 < len(s) && strings.IndexByte(`()\`, s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case i+3 < len(s):
			v, err := strconv.ParseUint(s[i+1:i+4], 8, 8)
			if err != nil {
				t.Fatalf("bad escape in %q", s)
			}
			b.WriteByte(byte(v))
			i += 3
		default:
			t.Fatalf("bad escape in %q", s)
		}
	}
	return b.String()
}
