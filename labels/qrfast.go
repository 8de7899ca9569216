package labels

import (
	"errors"
	"fmt"
	"math/bits"
)

// qrEncoder draws QR codes at level M exactly as skip2/go-qrcode does (same
// segmentation into numeric, alphanumeric and byte modes, same version, same
// Reed-Solomon codewords, same module placement, same mask scores and so the
// same mask), five to ten times faster: go-qrcode spends some 2 ms and 11 000
// allocations on a 180-character URI (bit-by-bit polynomials, a fresh symbol
// per mask tried), which for a 10 000-label sheet on two cores is 10 s on its
// own. The label sheet draws with this; PNG and SVG use go-qrcode itself, and
// TestQREncoderMatchesSkip2 checks that the two agree module for module.
//
// The algorithm, its tables and its scoring follow go-qrcode, Copyright (c)
// 2014 Tom Harwood, MIT licence.
//
// A qrEncoder reuses its buffers: one per goroutine.
type qrEncoder struct {
	exp [512]byte // GF(256) antilogarithms, doubled to skip a modulo
	log [256]byte

	bits    []byte // the data bit stream, one bit per byte
	words   []byte // codewords, interleaved
	tmpl    []byte // function patterns: 0 free, 1 light, 2 dark
	modules []byte // the symbol being scored: 0 light, 1 dark
	best    []byte
	trans   []byte  // e.modules transposed, for qrPenalty
	path    []int32 // the module index of each data bit, in placement order
	masks   []byte  // for each data bit, bit k set if mask k inverts its module
	stream  []byte  // the data bits, codewords then remainder, one bit per byte
}

// qrBlocksM is a version's block structure at level M: g1 blocks of c1
// codewords of which d1 data, then g2 blocks of c2 with d2 data; rem
// remainder bits follow the codewords.
type qrBlocksM struct{ g1, c1, d1, g2, c2, d2, rem int }

// qrVersionsM is ISO/IEC 18004 Table 9 for level M, as go-qrcode has it;
// index 0 is unused. Read-only.
var qrVersionsM = [41]qrBlocksM{
	{},
	{1, 26, 16, 0, 0, 0, 0}, {1, 44, 28, 0, 0, 0, 7}, {1, 70, 44, 0, 0, 0, 7}, {2, 50, 32, 0, 0, 0, 7},
	{2, 67, 43, 0, 0, 0, 7}, {4, 43, 27, 0, 0, 0, 7}, {4, 49, 31, 0, 0, 0, 0}, {2, 60, 38, 2, 61, 39, 0},
	{3, 58, 36, 2, 59, 37, 0}, {4, 69, 43, 1, 70, 44, 0}, {1, 80, 50, 4, 81, 51, 0}, {6, 58, 36, 2, 59, 37, 0},
	{8, 59, 37, 1, 60, 38, 0}, {4, 64, 40, 5, 65, 41, 3}, {5, 65, 41, 5, 66, 42, 3}, {7, 73, 45, 3, 74, 46, 3},
	{10, 74, 46, 1, 75, 47, 3}, {9, 69, 43, 4, 70, 44, 3}, {3, 70, 44, 11, 71, 45, 3}, {3, 67, 41, 13, 68, 42, 3},
	{17, 68, 42, 0, 0, 0, 4}, {17, 74, 46, 0, 0, 0, 4}, {4, 75, 47, 14, 76, 48, 4}, {6, 73, 45, 14, 74, 46, 4},
	{8, 75, 47, 13, 76, 48, 4}, {19, 74, 46, 4, 75, 47, 4}, {22, 73, 45, 3, 74, 46, 4}, {3, 73, 45, 23, 74, 46, 3},
	{21, 73, 45, 7, 74, 46, 3}, {19, 75, 47, 10, 76, 48, 3}, {2, 74, 46, 29, 75, 47, 3}, {10, 74, 46, 23, 75, 47, 3},
	{14, 74, 46, 21, 75, 47, 3}, {14, 74, 46, 23, 75, 47, 3}, {12, 75, 47, 26, 76, 48, 0}, {6, 75, 47, 34, 76, 48, 0},
	{29, 74, 46, 14, 75, 47, 0}, {13, 74, 46, 32, 75, 47, 0}, {40, 75, 47, 7, 76, 48, 0}, {18, 75, 47, 31, 76, 48, 0},
}

func (b qrBlocksM) dataBits() int { return 8 * (b.g1*b.d1 + b.g2*b.d2) }

// qrAlignment lists the alignment pattern centres of each version. Read-only.
var qrAlignment = [41][]int{
	{}, {}, {6, 18}, {6, 22}, {6, 26}, {6, 30}, {6, 34}, {6, 22, 38}, {6, 24, 42}, {6, 26, 46}, {6, 28, 50},
	{6, 30, 54}, {6, 32, 58}, {6, 34, 62}, {6, 26, 46, 66}, {6, 26, 48, 70}, {6, 26, 50, 74}, {6, 30, 54, 78},
	{6, 30, 56, 82}, {6, 30, 58, 86}, {6, 34, 62, 90}, {6, 28, 50, 72, 94}, {6, 26, 50, 74, 98},
	{6, 30, 54, 78, 102}, {6, 28, 54, 80, 106}, {6, 32, 58, 84, 110}, {6, 30, 58, 86, 114},
	{6, 34, 62, 90, 118}, {6, 26, 50, 74, 98, 122}, {6, 30, 54, 78, 102, 126}, {6, 26, 52, 78, 104, 130},
	{6, 30, 56, 82, 108, 134}, {6, 34, 60, 86, 112, 138}, {6, 30, 58, 86, 114, 142}, {6, 34, 62, 90, 118, 146},
	{6, 30, 54, 78, 102, 126, 150}, {6, 24, 50, 76, 102, 128, 154}, {6, 28, 54, 80, 106, 132, 158},
	{6, 32, 58, 84, 110, 136, 162}, {6, 26, 54, 82, 110, 138, 166}, {6, 30, 58, 86, 114, 142, 170},
}

func newQREncoder() *qrEncoder {
	e := &qrEncoder{}
	x := 1
	for i := 0; i < 255; i++ {
		e.exp[i] = byte(x)
		e.log[x] = byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11d
		}
	}
	for i := 255; i < len(e.exp); i++ {
		e.exp[i] = e.exp[i-255]
	}
	return e
}

// Data modes, ordered as go-qrcode orders them: a segment absorbs the
// segments after it only if their mode is not above its own.
type qrMode uint8

const (
	qrNumeric qrMode = 1 + iota
	qrAlphanumeric
	qrByte
)

// qrCountBits is a range of versions and the character count bits of each
// mode there.
type qrCountBits struct{ minV, maxV, numeric, alnum, byt int }

func (c qrCountBits) of(m qrMode) int {
	switch m {
	case qrNumeric:
		return c.numeric
	case qrAlphanumeric:
		return c.alnum
	}
	return c.byt
}

// encodedLen is the number of bits of a segment of n characters in mode m,
// header included; false if n does not fit its character count.
func (c qrCountBits) encodedLen(m qrMode, n int) (int, bool) {
	cc := c.of(m)
	if n > 1<<cc-1 {
		return 0, false
	}
	l := 4 + cc
	switch m {
	case qrNumeric:
		l += 10 * (n / 3)
		if n%3 != 0 {
			l += 1 + 3*(n%3)
		}
	case qrAlphanumeric:
		l += 11*(n/2) + 6*(n%2)
	default:
		l += 8 * n
	}
	return l, true
}

func qrModeOf(c byte) qrMode {
	switch {
	case c >= '0' && c <= '9':
		return qrNumeric
	case c >= 'A' && c <= 'Z', c == ' ', c == '$', c == '%', c == '*', c == '+', c == '-', c == '.', c == '/', c == ':':
		return qrAlphanumeric
	}
	return qrByte
}

func qrAlnumValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	switch c {
	case ' ':
		return 36
	case '$':
		return 37
	case '%':
		return 38
	case '*':
		return 39
	case '+':
		return 40
	case '-':
		return 41
	case '.':
		return 42
	case '/':
		return 43
	}
	return 44 // ':'
}

type qrSegment struct {
	mode       qrMode
	start, end int
}

// segments splits data as go-qrcode's dataEncoder does: runs of one mode,
// each merged with the following runs of a mode not above its own while that
// is shorter, or one segment of the highest mode if that is no longer.
func segments(data string, c qrCountBits) ([]qrSegment, bool) {
	var runs []qrSegment
	highest := qrMode(0)
	for i := 0; i < len(data); i++ {
		m := qrModeOf(data[i])
		if len(runs) == 0 || runs[len(runs)-1].mode != m {
			runs = append(runs, qrSegment{m, i, i + 1})
		} else {
			runs[len(runs)-1].end = i + 1
		}
		highest = max(highest, m)
	}
	var opt []qrSegment
	optLen := 0
	for i := 0; i < len(runs); {
		mode, n := runs[i].mode, runs[i].end-runs[i].start
		j := i + 1
		for ; j < len(runs); j++ {
			next, nn := runs[j].mode, runs[j].end-runs[j].start
			if next > mode {
				break
			}
			joined, ok1 := c.encodedLen(mode, n+nn)
			sep1, ok2 := c.encodedLen(mode, n)
			sep2, ok3 := c.encodedLen(next, nn)
			if !ok1 || !ok2 || !ok3 {
				return nil, false
			}
			if joined >= sep1+sep2 {
				break
			}
			n += nn
		}
		opt = append(opt, qrSegment{mode, runs[i].start, runs[j-1].end})
		l, ok := c.encodedLen(mode, n)
		if !ok {
			return nil, false
		}
		optLen += l
		i = j
	}
	single, ok := c.encodedLen(highest, len(data))
	if !ok {
		return nil, false
	}
	if single <= optLen {
		return []qrSegment{{highest, 0, len(data)}}, true
	}
	return opt, true
}

func (e *qrEncoder) put(v, n int) {
	for i := n - 1; i >= 0; i-- {
		e.bits = append(e.bits, byte(v>>i&1))
	}
}

// dataBits fills e.bits with the segments of data and returns the version,
// as go-qrcode's New chooses it.
func (e *qrEncoder) dataBits(data string) (int, error) {
	ranges := [3]qrCountBits{{1, 9, 10, 9, 8}, {10, 26, 12, 11, 16}, {27, 40, 14, 13, 16}}
	for _, c := range ranges {
		segs, ok := segments(data, c)
		if !ok {
			continue
		}
		e.bits = e.bits[:0]
		for _, s := range segs {
			e.put(1<<(s.mode-1), 4)
			e.put(s.end-s.start, c.of(s.mode))
			d := data[s.start:s.end]
			switch s.mode {
			case qrNumeric:
				for i := 0; i < len(d); i += 3 {
					v, k := 0, min(3, len(d)-i)
					for j := 0; j < k; j++ {
						v = v*10 + int(d[i+j]-'0')
					}
					e.put(v, 1+3*k)
				}
			case qrAlphanumeric:
				for i := 0; i < len(d); i += 2 {
					if i+1 < len(d) {
						e.put(qrAlnumValue(d[i])*45+qrAlnumValue(d[i+1]), 11)
					} else {
						e.put(qrAlnumValue(d[i]), 6)
					}
				}
			default:
				for i := 0; i < len(d); i++ {
					e.put(int(d[i]), 8)
				}
			}
		}
		for v := c.minV; v <= c.maxV; v++ {
			if qrVersionsM[v].dataBits() >= len(e.bits) {
				return v, nil
			}
		}
	}
	return 0, errors.New("content too long to encode")
}

// codewords terminates and pads e.bits to version v's capacity, adds the
// Reed-Solomon codewords of each block and interleaves them into e.words.
func (e *qrEncoder) codewords(v int) {
	b := qrVersionsM[v]
	capacity := b.dataBits()
	e.bits = append(e.bits, make([]byte, min(4, capacity-len(e.bits)))...)
	if len(e.bits) < capacity {
		e.bits = append(e.bits, make([]byte, (8-len(e.bits)%8)%8)...)
		for pad := 0; capacity-len(e.bits) >= 8; pad ^= 1 {
			e.put([2]int{0xec, 0x11}[pad], 8)
		}
	}
	data := make([]byte, capacity/8)
	for i := range data {
		for j := 0; j < 8; j++ {
			data[i] = data[i]<<1 | e.bits[8*i+j]
		}
	}

	nBlocks := b.g1 + b.g2
	ecLen := b.c1 - b.d1 // the same in both groups at level M
	gen := e.generator(ecLen)
	blocks := make([][]byte, nBlocks)
	ecs := make([][]byte, nBlocks)
	off := 0
	for i := range blocks {
		d := b.d1
		if i >= b.g1 {
			d = b.d2
		}
		blocks[i] = data[off : off+d]
		off += d
		ecs[i] = e.remainder(blocks[i], gen)
	}
	e.words = e.words[:0]
	for i := 0; i < max(b.d1, b.d2); i++ {
		for _, blk := range blocks {
			if i < len(blk) {
				e.words = append(e.words, blk[i])
			}
		}
	}
	for i := 0; i < ecLen; i++ {
		for _, ec := range ecs {
			e.words = append(e.words, ec[i])
		}
	}
}

// generator returns the Reed-Solomon generator polynomial of degree n,
// (x - α^0)…(x - α^(n-1)), coefficients from the highest degree down, the
// leading 1 left out.
func (e *qrEncoder) generator(n int) []byte {
	g := make([]byte, n+1)
	g[0] = 1
	for i := 0; i < n; i++ {
		// Multiply by (x + α^i): in GF(2^8), minus is plus.
		for j := i + 1; j > 0; j-- {
			g[j] ^= e.mul(g[j-1], e.exp[i])
		}
	}
	return g[1:]
}

func (e *qrEncoder) mul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return e.exp[int(e.log[a])+int(e.log[b])]
}

// remainder returns data·x^n mod the generator: the block's error
// correction codewords.
func (e *qrEncoder) remainder(data, gen []byte) []byte {
	r := make([]byte, len(gen))
	for _, d := range data {
		f := d ^ r[0]
		copy(r, r[1:])
		r[len(r)-1] = 0
		if f != 0 {
			for j, g := range gen {
				r[j] ^= e.mul(g, f)
			}
		}
	}
	return r
}

// formatBits returns the 15-bit format information of level M and mask.
func formatBits(mask int) int {
	d := mask // level M is 00
	r := d << 10
	for i := 14; i >= 10; i-- {
		if r>>i&1 != 0 {
			r ^= 0x537 << (i - 10)
		}
	}
	return (d<<10 | r) ^ 0x5412
}

// versionBits returns the 18-bit version information of version v ≥ 7.
func versionBits(v int) int {
	r := v << 12
	for i := 17; i >= 12; i-- {
		if r>>i&1 != 0 {
			r ^= 0x1f25 << (i - 12)
		}
	}
	return v<<12 | r
}

// encode draws payload with the quiet zone, as encode does with go-qrcode.
func (e *qrEncoder) encode(payload string) (symbol, error) {
	if payload == "" {
		return symbol{}, errors.New("qr: empty payload")
	}
	v, err := e.dataBits(payload)
	if err != nil {
		return symbol{}, fmt.Errorf("qr: %d-byte payload: %w", len(payload), err)
	}
	e.codewords(v)
	size := 21 + 4*(v-1)
	e.template(v, size)
	e.placement(size, 8*len(e.words)+qrVersionsM[v].rem)
	e.stream = e.stream[:0]
	for _, w := range e.words {
		for k := 7; k >= 0; k-- {
			e.stream = append(e.stream, w>>k&1)
		}
	}
	e.stream = append(e.stream, make([]byte, qrVersionsM[v].rem)...)
	e.trans = append(e.trans[:0], make([]byte, size*size)...)

	bestScore := -1
	for mask := 0; mask < 8; mask++ {
		e.draw(size, mask)
		var s int
		if size <= 64 {
			s = qrPenalty64(e.modules, size)
		} else {
			s = qrPenalty(e.modules, e.trans, size)
		}
		if bestScore < 0 || s < bestScore {
			bestScore = s
			e.best = append(e.best[:0], e.modules...)
		}
	}

	n := size + 2*QuietZone
	out := symbol{n: n, dark: make([]bool, n*n)}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			out.dark[(y+QuietZone)*n+x+QuietZone] = e.best[y*size+x] == 1
		}
	}
	return out, nil
}

// template lays out the function patterns of version v, in go-qrcode's
// order (later ones overwrite earlier ones where they meet), format
// information aside: it depends on the mask.
func (e *qrEncoder) template(v, size int) {
	e.tmpl = append(e.tmpl[:0], make([]byte, size*size)...)
	set := func(x, y int, dark bool) {
		e.tmpl[y*size+x] = 1
		if dark {
			e.tmpl[y*size+x] = 2
		}
	}
	finder := func(x0, y0 int) {
		for y := 0; y < 7; y++ {
			for x := 0; x < 7; x++ {
				ring := max(abs(x-3), abs(y-3))
				set(x0+x, y0+y, ring != 2)
			}
		}
	}
	hBorder := func(x0, y0 int) {
		for x := 0; x < 8; x++ {
			set(x0+x, y0, false)
		}
	}
	vBorder := func(x0, y0 int) {
		for y := 0; y < 8; y++ {
			set(x0, y0+y, false)
		}
	}
	finder(0, 0)
	hBorder(0, 7)
	vBorder(7, 0)
	finder(size-7, 0)
	hBorder(size-8, 7)
	vBorder(size-8, 0)
	finder(0, size-7)
	hBorder(0, size-8)
	vBorder(7, size-8)

	for _, cx := range qrAlignment[v] {
		for _, cy := range qrAlignment[v] {
			if e.tmpl[cy*size+cx] != 0 {
				continue
			}
			for y := -2; y <= 2; y++ {
				for x := -2; x <= 2; x++ {
					set(cx+x, cy+y, max(abs(x), abs(y)) != 1)
				}
			}
		}
	}
	dark := true
	for i := 8; i < size-7; i++ {
		set(i, 6, dark)
		set(6, i, dark)
		dark = !dark
	}
	// Reserve the format information (written per mask in draw) and the dark module.
	for _, p := range formatPositions(size) {
		set(p[0], p[1], false)
	}
	set(8, size-8, true)
	if v >= 7 {
		bits := versionBits(v)
		for i := 0; i < 18; i++ {
			d := bits>>i&1 == 1
			set(i/3, size-11+i%3, d)
			set(size-11+i%3, i/3, d)
		}
	}
}

// formatPositions lists where bit i of the format information goes, twice
// each, as go-qrcode places it: [2i] and [2i+1] for bit i.
func formatPositions(size int) [30][2]int {
	var p [30][2]int
	for i := 0; i <= 7; i++ {
		p[2*i] = [2]int{size - i - 1, 8}
	}
	for i := 0; i <= 5; i++ {
		p[2*i+1] = [2]int{8, i}
	}
	p[2*6+1] = [2]int{8, 7}
	p[2*7+1] = [2]int{8, 8}
	p[2*8+1] = [2]int{7, 8}
	for i := 9; i <= 14; i++ {
		p[2*i+1] = [2]int{14 - i, 8}
	}
	for i := 8; i <= 14; i++ {
		p[2*i] = [2]int{8, size - 7 + i - 8}
	}
	return p
}

// placement records, for each of n data bits, the module it goes to: the
// two-column zigzag from the bottom right, skipping function patterns and the
// vertical timing column.
func (e *qrEncoder) placement(size, n int) {
	e.path, e.masks = e.path[:0], e.masks[:0]
	x, y, xOff, up := size-2, size-1, 1, true
	for i := 0; i < n; i++ {
		e.path = append(e.path, int32(y*size+x+xOff))
		var ms byte
		for k := 0; k < 8; k++ {
			if qrMask(k, x+xOff, y) {
				ms |= 1 << k
			}
		}
		e.masks = append(e.masks, ms)
		if i == n-1 {
			break
		}
		for {
			if xOff == 1 {
				xOff = 0
			} else {
				xOff = 1
				switch {
				case up && y > 0:
					y--
				case up:
					up = false
					x -= 2
				case y < size-1:
					y++
				default:
					up = true
					x -= 2
				}
			}
			if x == 5 {
				x--
			}
			if e.tmpl[y*size+x+xOff] == 0 {
				break
			}
		}
	}
}

// draw fills e.modules with the symbol under mask.
func (e *qrEncoder) draw(size, mask int) {
	e.modules = append(e.modules[:0], make([]byte, size*size)...)
	for i, t := range e.tmpl {
		if t == 2 {
			e.modules[i] = 1
		}
	}
	f := formatBits(mask)
	for i, p := range formatPositions(size) {
		e.modules[p[1]*size+p[0]] = byte(f >> (i / 2) & 1)
	}
	for i, idx := range e.path {
		e.modules[idx] = e.stream[i] ^ (e.masks[i] >> mask & 1)
	}
}

func qrMask(mask, x, y int) bool {
	switch mask {
	case 0:
		return (y+x)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (y+x)%3 == 0
	case 4:
		return (y/2+x/3)%2 == 0
	case 5:
		return (y*x)%2+(y*x)%3 == 0
	case 6:
		return ((y*x)%2+(y*x)%3)%2 == 0
	}
	return ((y+x)%2+(y*x)%3)%2 == 0
}

// qrPenalty scores m as go-qrcode does, its departures from ISO/IEC 18004
// included (a run scores from 6 modules, not 5; its 1:1:3:1:1 search restarts
// oddly after a match), so that the same mask wins. t is scratch space for the
// transposed symbol, so that columns are scanned as rows.
func qrPenalty(m, t []byte, size int) int {
	for y := 0; y < size; y++ {
		for x, v := range m[y*size : (y+1)*size] {
			t[x*size+y] = v
		}
	}
	p := 0
	for _, grid := range [2][]byte{m, t} {
		for a := 0; a < size; a++ {
			line := grid[a*size : (a+1)*size]
			// Runs of one colour.
			last, count := line[0], 1
			for _, v := range line[1:] {
				if v != last {
					last, count = v, 1
					continue
				}
				count++
				if count == 6 {
					p += 3 + 1
				} else if count > 6 {
					p++
				}
			}
			// Finder-like 1:1:3:1:1 patterns.
			var buf int16
			for b, v := range line {
				buf = buf<<1 | int16(v)
				switch buf & 0x7ff {
				case 0x05d, 0x5d0:
					p += 40
					buf = 0xff
				default:
					if b == size-1 && buf&0x7f == 0x5d {
						p += 40
						buf = 0xff
					}
				}
			}
		}
	}
	// 2×2 blocks of one colour, and the balance of dark and light.
	dark := 0
	for y := 0; y < size; y++ {
		row := m[y*size : (y+1)*size]
		for _, v := range row {
			dark += int(v)
		}
		if y == 0 {
			continue
		}
		above := m[(y-1)*size : y*size]
		for x := 1; x < size; x++ {
			c := row[x]
			if c == row[x-1] && c == above[x] && c == above[x-1] {
				p += 3
			}
		}
	}
	total := size * size
	return p + 10*(abs(total/2-dark)/(total/20))
}

// qrPenalty64 is qrPenalty for symbols of up to 64 modules a side (versions
// 1 to 11, which covers a signed URI on a short base URL), a row or a column
// to a machine word: some ten times faster.
func qrPenalty64(m []byte, size int) int {
	var rows, cols [64]uint64
	for y := 0; y < size; y++ {
		for x, v := range m[y*size : (y+1)*size] {
			// Module x of a line is bit size-1-x, so that a line read left to
			// right shifts in from the bottom, as qrPenalty's finder search does.
			rows[y] |= uint64(v) << (size - 1 - x)
			cols[x] |= uint64(v) << (size - 1 - y)
		}
	}
	full := uint64(1)<<size - 1
	pairs := full >> 1 // bits of modules that have a left neighbour
	p, dark := 0, 0
	for _, lines := range [2]*[64]uint64{&rows, &cols} {
		for _, w := range lines[:size] {
			// Runs of one colour: a run of L ≥ 6 modules scores L-2, that is
			// the L-5 six-module windows in it plus 3.
			eq := ^(w ^ w>>1) & pairs
			six := eq & (eq >> 1) & (eq >> 2) & (eq >> 3) & (eq >> 4)
			p += bits.OnesCount64(six) + 3*bits.OnesCount64(six&^(six<<1))
			if finderCandidate(w, full) {
				p += finderScan(w, size)
			}
		}
	}
	for y := 0; y < size; y++ {
		dark += bits.OnesCount64(rows[y])
		if y > 0 {
			same := ^(rows[y] ^ rows[y-1])
			// Both modules of a pair equal their neighbours above, and each other.
			p += 3 * bits.OnesCount64(same&(same>>1)&^(rows[y]^(rows[y]>>1))&pairs)
		}
	}
	total := size * size
	return p + 10*(abs(total/2-dark)/(total/20))
}

// finderCandidate reports whether the line w could score in qrPenalty's
// finder search: whether some eleven modules (light before the line starts)
// read 00001011101 or 10111010000, or the line ends in 1011101. If not, the
// search scores nothing, since it only departs from a plain window match
// after a first match.
func finderCandidate(w, full uint64) bool {
	if w&0x7f == 0x5d {
		return true
	}
	for _, pat := range [2]uint64{0x05d, 0x5d0} {
		match := full
		for k := 0; k < 11; k++ {
			if pat>>k&1 == 1 {
				match &= w >> k
			} else {
				match &= ^(w >> k)
			}
		}
		if match != 0 {
			return true
		}
	}
	return false
}

// finderScan is qrPenalty's finder search over one line.
func finderScan(w uint64, size int) int {
	p := 0
	var buf int16
	for b := 0; b < size; b++ {
		buf = buf<<1 | int16(w>>(size-1-b)&1)
		switch buf & 0x7ff {
		case 0x05d, 0x5d0:
			p += 40
			buf = 0xff
		default:
			if b == size-1 && buf&0x7f == 0x5d {
				p += 40
				buf = 0xff
			}
		}
	}
	return p
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
