package labels

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// pdfWriter writes a PDF 1.4 file front to back, one object at a time, so a
// document of any length goes out with memory bounded by its largest object:
// all it keeps is each object's offset, for the cross-reference table at the
// end. (go-pdf/fpdf, the usual Go PDF library, builds the whole document in
// memory and writes it only at the end, which for a batch of a million packs
// means gigabytes held and nothing sent until the last page is done.)
//
// Object numbers are reserved first and written in any order; every reserved
// object must be written before finish. Errors are sticky: after the first
// one, writes do nothing and finish returns it.
type pdfWriter struct {
	bw   *bufio.Writer
	off  int64   // bytes written so far
	xref []int64 // xref[id-1] is the offset of object id; -1 until written
	err  error
}

func newPDFWriter(w io.Writer) *pdfWriter {
	p := &pdfWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	// The comment of four bytes above 127 tells transfer tools the file is binary.
	p.writeString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	return p
}

func (p *pdfWriter) write(b []byte) {
	if p.err != nil {
		return
	}
	n, err := p.bw.Write(b)
	p.off += int64(n)
	p.err = err
}

func (p *pdfWriter) writeString(s string) {
	if p.err != nil {
		return
	}
	n, err := p.bw.WriteString(s)
	p.off += int64(n)
	p.err = err
}

// reserve returns a new object number.
func (p *pdfWriter) reserve() int {
	p.xref = append(p.xref, -1)
	return len(p.xref)
}

func (p *pdfWriter) begin(id int) {
	if p.err == nil && p.xref[id-1] >= 0 {
		p.err = fmt.Errorf("pdf: object %d written twice", id)
	}
	if p.err != nil {
		return
	}
	p.xref[id-1] = p.off
	p.writeString(strconv.Itoa(id) + " 0 obj\n")
}

// object writes object id with the body given, a dictionary or an array.
func (p *pdfWriter) object(id int, body string) {
	p.begin(id)
	p.writeString(body)
	p.writeString("\nendobj\n")
}

// stream writes object id as a stream: the entries of its dictionary
// (without << >> and /Length), then data as is.
func (p *pdfWriter) stream(id int, entries string, data []byte) {
	p.begin(id)
	p.writeString("<< " + entries + " /Length " + strconv.Itoa(len(data)) + " >>\nstream\n")
	p.write(data)
	p.writeString("\nendstream\nendobj\n")
}

// flush hands what is buffered to the underlying writer.
func (p *pdfWriter) flush() error {
	if p.err == nil {
		p.err = p.bw.Flush()
	}
	return p.err
}

// finish writes the cross-reference table and the trailer, and flushes.
func (p *pdfWriter) finish(root, info int) error {
	if p.err != nil {
		return p.err
	}
	for i, off := range p.xref {
		if off < 0 {
			return fmt.Errorf("pdf: object %d reserved but never written", i+1)
		}
	}
	start := p.off
	var b strings.Builder
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(p.xref)+1)
	p.writeString(b.String())
	for _, off := range p.xref {
		// Each entry is exactly 20 bytes, end of line included.
		p.writeString(fmt.Sprintf("%010d 00000 n \n", off))
	}
	p.writeString(fmt.Sprintf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n",
		len(p.xref)+1, root, info, start))
	return p.flush()
}

// ref returns an indirect reference to object id.
func ref(id int) string { return strconv.Itoa(id) + " 0 R" }

// num formats a length in points with at most two decimals, as content
// streams need no more precision than 1/7200 inch.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-0" {
		return "0"
	}
	return s
}

// pdfString returns b as a PDF literal string, parentheses included, with the
// delimiters and backslash escaped and every byte outside printable ASCII in
// octal, so that content streams stay plain ASCII.
func pdfString(b []byte) string {
	var s strings.Builder
	s.WriteByte('(')
	for _, c := range b {
		switch {
		case c == '(' || c == ')' || c == '\\':
			s.WriteByte('\\')
			s.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			fmt.Fprintf(&s, "\\%03o", c)
		default:
			s.WriteByte(c)
		}
	}
	s.WriteByte(')')
	return s.String()
}

// winAnsiSpecial returns the WinAnsiEncoding byte of the characters of its
// 0x80-0x9F range that text typically holds (0xA0-0xFF are Latin-1).
func winAnsiSpecial(r rune) (byte, bool) {
	switch r {
	case '€':
		return 0x80, true
	case '‚':
		return 0x82, true
	case '„':
		return 0x84, true
	case '…':
		return 0x85, true
	case '•':
		return 0x95, true
	case '‘':
		return 0x91, true
	case '’':
		return 0x92, true
	case '“':
		return 0x93, true
	case '”':
		return 0x94, true
	case '–':
		return 0x96, true
	case '—':
		return 0x97, true
	case '™':
		return 0x99, true
	}
	return 0, false
}

// winAnsi converts s to the WinAnsiEncoding of the standard fonts; a
// character it lacks becomes "?", a control character a space.
func winAnsi(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			out = append(out, ' ')
		case r < 0x7f || r >= 0xa0 && r <= 0xff:
			out = append(out, byte(r))
		default:
			if b, ok := winAnsiSpecial(r); ok {
				out = append(out, b)
			} else {
				out = append(out, '?')
			}
		}
	}
	return out
}
