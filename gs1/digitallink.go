package gs1

import (
	"net/url"
	"strings"
	"time"
)

// DefaultBase is the Digital Link base FormatDigitalLink uses when given none:
// GS1's global resolver.
const DefaultBase = "https://id.gs1.org"

// ParseDigitalLink parses a GS1 Digital Link URI of a pack:
//
//	http(s)://{host}[/{prefix}]/01/{gtin}[/10/{lot}][/21/{serial}][?17=YYMMDD][&sig=…][&…][#…]
//
// The scheme may be in any case; the host is checked for its characters only; a
// host-less path ("/01/…") is accepted too. The path may start with a prefix of
// the issuer's own: as in GS1's reference parser, /01/ is found by walking
// /AI/value pairs back from the end. After it come 10 and 21, each at most
// once, in that order; any other AI there is an error. Path values are
// percent-decoded ("+" stays "+"); the GTIN may be 8, 12, 13 or 14 digits and
// is normalised to 14. In the query ("+" is a space), 17 is the expiry, sig the
// signature, other AIs this package knows are validated and kept in Extra, and
// every other key is kept in Extra as is. now places the expiry's century.
func ParseDigitalLink(uri string, now time.Time) (Code, error) {
	if uri == "" {
		return Code{}, errorf(EEmpty, "uri", "Digital Link URI is empty")
	}
	for i := 0; i < len(uri); i++ {
		if c := uri[i]; c <= ' ' || c >= 0x7f {
			return Code{}, errorf(EBadCharacter, "uri", "URI has %q at offset %d; a URI is printable ASCII without spaces", c, i)
		}
	}
	rest := uri
	if rest[0] != '/' {
		scheme, after, ok := strings.Cut(rest, "://")
		if !ok {
			return Code{}, errorf(EBadURI, "uri", "%q is not a Digital Link URI: want http(s)://host/01/{gtin}…", clip(uri))
		}
		if !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") {
			return Code{}, errorf(EBadURI, "uri", "scheme %q is not http or https", clip(scheme))
		}
		end := strings.IndexAny(after, "/?#")
		if end < 0 {
			end = len(after)
		}
		host := after[:end]
		if host == "" {
			return Code{}, errorf(EBadURI, "uri", "URI has no host")
		}
		for i := 0; i < len(host); i++ {
			if !isHostChar(host[i]) {
				return Code{}, errorf(EBadURI, "uri", "host %q has %q", clip(host), host[i])
			}
		}
		rest = after[end:]
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i] // a fragment is for the client only
	}
	path, query, _ := strings.Cut(rest, "?")

	var c Code
	if err := parseDLPath(&c, path); err != nil {
		return Code{}, err
	}
	if err := parseDLQuery(&c, query, now); err != nil {
		return Code{}, err
	}
	return c, nil
}

// isHostChar reports whether c may appear in a host, port included: letters,
// digits, ".", "-", and ":" "[" "]" for ports and IPv6 literals. User info
// ("@") and percent-encoded names are refused, as in GS1's reference parser.
func isHostChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'
}

// pathRank orders the AIs allowed in the path.
func pathRank(ai string) int {
	switch ai {
	case "01":
		return 0
	case "10":
		return 1
	case "21":
		return 2
	}
	return -1
}

func parseDLPath(c *Code, path string) error {
	if path == "" || path == "/" {
		return errorf(EMissingGTIN, "01", "path has no /01/{gtin}")
	}
	segs := strings.Split(path[1:], "/")

	// Walk /AI/value pairs back from the end to the rightmost 01 that starts
	// them, so that a prefix may itself contain "01" or digits.
	root := -1
	for i := len(segs) - 2; i >= 0; i -= 2 {
		if segs[i] == "01" {
			root = i
			break
		}
		if !looksLikeAI(segs[i]) {
			break
		}
	}
	if root < 0 {
		return diagnosePath(segs)
	}

	last := -1
	for j := root; j < len(segs); j += 2 {
		ai, raw := segs[j], segs[j+1]
		rank := pathRank(ai)
		switch {
		case rank < 0:
			return errorf(EUnknownAI, ai, "AI (%s) is not supported in the path, only 01, 10 and 21", ai)
		case rank == last: // (a second 01 would itself have been taken as the root)
			return errorf(EDuplicateAI, ai, "AI (%s) appears twice in the path", ai)
		case rank < last:
			return errorf(EBadPathOrder, ai, "AI (%s) after (%s): the path order is /01/…/10/…/21/…", ai, segs[j-2])
		}
		last = rank
		val, ok := unescape(raw, false)
		if !ok {
			return errorf(EBadPercentEncoding, ai, "path value %q has %% without two hex digits after it", clip(raw))
		}
		switch ai {
		case "01":
			if val == "" {
				return errorf(EBadLength, ai, "GTIN is empty")
			}
			g, err := ParseGTIN(val)
			if err != nil {
				return err
			}
			c.GTIN = g
		case "10":
			if err := validateX(ai, val, 20); err != nil {
				return err
			}
			c.Lot = val
		case "21":
			if err := validateX(ai, val, 20); err != nil {
				return err
			}
			c.Serial = val
		}
	}
	return nil
}

// diagnosePath explains why no run of /AI/value pairs from a /01/ reaches the
// end of the path.
func diagnosePath(segs []string) error {
	first := -1
	for i, s := range segs {
		if s == "01" {
			first = i
			break
		}
	}
	switch {
	case first < 0:
		return errorf(EMissingGTIN, "01", "path has no /01/{gtin}")
	case segs[len(segs)-1] == "":
		return errorf(EBadPath, "path", "path ends with /")
	case (len(segs)-first)%2 == 1:
		return errorf(EBadPath, "path", "path ends with AI %q and no value", clip(segs[len(segs)-1]))
	}
	for j := first; j < len(segs); j += 2 {
		if !looksLikeAI(segs[j]) {
			return errorf(EBadPath, "path", "path segment %q after /01/ stands where an AI should", clip(segs[j]))
		}
	}
	return errorf(EBadPath, "path", "path after /01/ is not made of /AI/value pairs")
}

func parseDLQuery(c *Code, query string, now time.Time) error {
	seen17, seenSig := false, false
	for _, part := range strings.Split(query, "&") {
		if part == "" {
			continue
		}
		rk, rv, _ := strings.Cut(part, "=")
		k, ok1 := unescape(rk, true)
		v, ok2 := unescape(rv, true)
		if !ok1 || !ok2 {
			return errorf(EBadPercentEncoding, "query", "query parameter %q has %% without two hex digits after it", clip(part))
		}
		switch {
		case k == "17":
			if seen17 {
				return errorf(EDuplicateAI, "17", "AI (17) appears twice in the query")
			}
			seen17 = true
			t, err := ParseExpiry(v, now)
			if err != nil {
				return err
			}
			c.Expiry, c.ExpiryRaw = t, v
		case k == "sig":
			if seenSig {
				return errorf(EBadQuery, "sig", "sig appears twice in the query")
			}
			seenSig = true
			c.Sig = v
		case pathRank(k) >= 0:
			return errorf(EMisplacedAI, k, "AI (%s) belongs in the path, not the query", k)
		case isExtraAI(k):
			if c.Extra.Has(k) {
				return errorf(EDuplicateAI, k, "AI (%s) appears twice in the query", k)
			}
			spec, _ := lookupAI(k)
			if err := validateAIValue(k, spec, v, now); err != nil {
				return err
			}
			addExtra(c, k, v)
		default:
			addExtra(c, k, v)
		}
	}
	return nil
}

func addExtra(c *Code, k, v string) {
	if c.Extra == nil {
		c.Extra = url.Values{}
	}
	c.Extra.Add(k, v)
}

// FormatDigitalLink returns c as a Digital Link URI under base (scheme, host
// and any path prefix, e.g. "https://verify.example.com"; DefaultBase if
// empty): the path /01/{gtin}[/10/{lot}][/21/{serial}], then the query
// 17=YYMMDD, sig=…, and Extra sorted by key (keys that would clash, 01 10 17 21
// sig, are left out). Path values are percent-encoded except for RFC 3986's
// unreserved characters (A-Z a-z 0-9 - . _ ~), which covers every character of
// the 82-character set the Digital Link standard says must be encoded (! " % &
// ' ( ) * + , / : ; < = > ?). c must be valid, as a parser returns it.
func FormatDigitalLink(base string, c Code) string {
	if base == "" {
		base = DefaultBase
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(base, "/"))
	b.WriteString("/01/")
	b.WriteString(string(c.GTIN))
	if c.Lot != "" {
		b.WriteString("/10/")
		b.WriteString(escapePath(c.Lot))
	}
	if c.Serial != "" {
		b.WriteString("/21/")
		b.WriteString(escapePath(c.Serial))
	}
	sep := byte('?')
	param := func(k, v string) {
		b.WriteByte(sep)
		sep = '&'
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	if e := c.expiry(); e != "" {
		param("17", e)
	}
	if c.Sig != "" {
		param("sig", c.Sig)
	}
	for _, k := range sortedKeys(c.Extra) {
		if k == "17" || k == "sig" || pathRank(k) >= 0 {
			continue
		}
		for _, v := range c.Extra[k] {
			param(k, v)
		}
	}
	return b.String()
}

func escapePath(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isLetter(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// unescape percent-decodes s, and in a query (plusSpace) turns "+" into a
// space. It fails on a "%" not followed by two hex digits.
func unescape(s string, plusSpace bool) (string, bool) {
	if !strings.ContainsRune(s, '%') && (!plusSpace || !strings.ContainsRune(s, '+')) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			if i+2 >= len(s) {
				return "", false
			}
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if !ok1 || !ok2 {
				return "", false
			}
			b.WriteByte(hi<<4 | lo)
			i += 2
		case c == '+' && plusSpace:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// clip shortens s for an error message, so that a hostile input of megabytes
// does not come back whole.
func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}
