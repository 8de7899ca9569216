package epcis

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// HashVersion is the version of the event hash algorithm, the CBV release that specifies it.
const HashVersion = "CBV2.0"

// cbvBase is where CBV 2.0 bare-string terms live as Web URIs.
const cbvBase = "https://ref.gs1.org/cbv/"

// EventID returns e's event hash ID: "ni:///sha-256;{hex digest}?ver=CBV2.0" (RFC 6920's ni
// URI, in the form CBV 2.0 specifies), the SHA-256 of PreHash(e) in UTF-8.
func EventID(e ObjectEvent) (string, error) {
	pre, err := PreHash(e)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(pre))
	return "ni:///sha-256;" + hex.EncodeToString(sum[:]) + "?ver=" + HashVersion, nil
}

// PreHash returns the canonical pre-hash string of e, after CBV 2.0's EPCIS event hash
// algorithm, for the fields an ObjectEvent of this package can hold:
//
//   - fields in the canonical property order (eventType, eventTime, eventTimeZoneOffset,
//     epcList, quantityList, action, bizStep, disposition, readPoint, bizLocation,
//     bizTransactionList, sourceList, destinationList, ilmd, user extensions), each value as
//     key=value, concatenated with no separator; absent fields add nothing; eventID is not hashed;
//   - eventTime in UTC with milliseconds (2006-01-02T15:04:05.000Z);
//   - list elements sorted by their own strings in byte order; a list's name appears once, and
//     each quantityList element is prefixed "quantityElement";
//   - typed list elements (bizTransaction, source, destination) written type first
//     ("type=…bizTransaction=…"), as the reference implementation writes them, then sorted;
//   - bare CBV terms expanded to their Web URIs (shipping → https://ref.gs1.org/cbv/BizStep-shipping,
//     in_transit → …/Disp-in_transit, possessing_party → …/SDT-possessing_party), CURIEs with the
//     prefixes of this package's @context expanded to full IRIs;
//   - Digital Link URIs constrained to the finest key: a serialised GTIN drops its lot
//     (…/01/{gtin}/10/{lot}/21/{serial} → …/01/{gtin}/21/{serial});
//   - ILMD and user extension elements as "{namespace}localName=value", sorted;
//   - numbers without trailing zeros.
//
// Checked against GS1's reference implementation (github.com/RalphTro/epcis-event-hash-generator)
// on its published examples (hash_test.go). What is approximated: only the fields above exist
// here, so the rules for sensors, persistentDisposition, error declarations and nested
// extensions are not implemented; GS1 Digital Link URIs under another domain, EPC URNs and
// sub-millisecond times never occur in this export and are not normalised.
func PreHash(e ObjectEvent) (string, error) {
	var b strings.Builder
	kv := func(k, v string) {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(strings.TrimSpace(v))
	}
	list := func(name string, elems []string) {
		if len(elems) == 0 {
			return
		}
		sort.Strings(elems)
		b.WriteString(name)
		for _, s := range elems {
			b.WriteString(s)
		}
	}
	typ := e.Type
	if typ == "" {
		typ = "ObjectEvent"
	}
	kv("eventType", typ)
	t, err := time.Parse(time.RFC3339Nano, e.EventTime)
	if err != nil {
		return "", fmt.Errorf("event hash: eventTime %q: %w", e.EventTime, err)
	}
	kv("eventTime", t.UTC().Round(time.Millisecond).Format("2006-01-02T15:04:05.000Z"))
	kv("eventTimeZoneOffset", e.EventTimeZoneOffset)

	epcs := make([]string, len(e.EPCList))
	for i, epc := range e.EPCList {
		epcs[i] = "epc=" + constrainDL(epc)
	}
	list("epcList", epcs)
	qs := make([]string, len(e.QuantityList))
	for i, q := range e.QuantityList {
		s := "quantityElementepcClass=" + constrainDL(q.EPCClass) + "quantity=" + number(q.Quantity)
		if q.UOM != "" {
			s += "uom=" + q.UOM
		}
		qs[i] = s
	}
	list("quantityList", qs)

	kv("action", e.Action)
	if e.BizStep != "" {
		kv("bizStep", expand(e.BizStep, "BizStep-"))
	}
	if e.Disposition != "" {
		kv("disposition", expand(e.Disposition, "Disp-"))
	}
	if e.ReadPoint != nil {
		b.WriteString("readPoint")
		kv("id", constrainDL(e.ReadPoint.ID))
	}
	if e.BizLocation != nil {
		b.WriteString("bizLocation")
		kv("id", constrainDL(e.BizLocation.ID))
	}

	bts := make([]string, len(e.BizTransactionList))
	for i, bt := range e.BizTransactionList {
		s := ""
		if bt.Type != "" {
			s = "type=" + expand(bt.Type, "BTT-")
		}
		bts[i] = s + "bizTransaction=" + constrainDL(bt.BizTransaction)
	}
	list("bizTransactionList", bts)
	srcs := make([]string, len(e.SourceList))
	for i, s := range e.SourceList {
		srcs[i] = "type=" + expand(s.Type, "SDT-") + "source=" + constrainDL(s.Source)
	}
	list("sourceList", srcs)
	dsts := make([]string, len(e.DestinationList))
	for i, d := range e.DestinationList {
		dsts[i] = "type=" + expand(d.Type, "SDT-") + "destination=" + constrainDL(d.Destination)
	}
	list("destinationList", dsts)

	ilmd := make([]string, 0, len(e.ILMD))
	for k, v := range e.ILMD {
		ilmd = append(ilmd, qualified(k)+"="+strings.TrimSpace(v))
	}
	list("ilmd", ilmd)

	var ext []string
	add := func(local, v string) { ext = append(ext, "{"+Namespace+"}"+local+"="+v) }
	if e.PackID != "" {
		add("packId", e.PackID)
	}
	if e.ShipmentID != 0 {
		add("shipmentId", strconv.FormatUint(e.ShipmentID, 10))
	}
	if e.Reason != "" {
		add("reason", strings.TrimSpace(e.Reason))
	}
	if e.Reactivated {
		add("reactivated", "true")
	}
	sort.Strings(ext)
	for _, s := range ext {
		b.WriteString(s)
	}
	return b.String(), nil
}

// expand writes a CBV bare-string term as its Web URI (kind is "BizStep-", "Disp-", "BTT-" or
// "SDT-") and a CURIE of this package's context as its IRI; anything else is already a URI.
func expand(v, kind string) string {
	v = strings.TrimSpace(v)
	if p, local, ok := strings.Cut(v, ":"); ok {
		switch p {
		case Prefix:
			return Namespace + local
		case "cbv":
			return cbvBase + local
		}
		return v
	}
	return cbvBase + kind + v
}

// qualified writes an ILMD key (a CURIE) as {namespace}localName.
func qualified(curie string) string {
	p, local, ok := strings.Cut(curie, ":")
	if !ok {
		return curie
	}
	switch p {
	case Prefix:
		return "{" + Namespace + "}" + local
	case "cbvmda":
		return "{" + cbvmdaNamespace + "}" + local
	}
	return curie
}

// constrainDL applies the hash algorithm's constraint on GS1 Digital Link URIs under id.gs1.org:
// only the finest key, so a GTIN with both lot and serial keeps the serial only.
func constrainDL(uri string) string {
	rest, ok := strings.CutPrefix(uri, DigitalLinkBase+"/01/")
	if !ok {
		return uri
	}
	gtin, tail, _ := strings.Cut(rest, "/")
	if lot, after, ok := strings.Cut(tail, "/21/"); ok && strings.HasPrefix(lot, "10/") {
		return DigitalLinkBase + "/01/" + gtin + "/21/" + after
	}
	return uri
}

// number writes a quantity with no trailing zeros (1, not 1.0; 0.25, not 0.250).
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
