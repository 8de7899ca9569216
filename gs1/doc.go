// Package gs1 reads and writes the GS1 identifiers printed on a medicine pack:
// GTIN (AI 01), batch/lot (AI 10), expiry (AI 17) and serial (AI 21), as a GS1
// Digital Link URI (the QR code a phone camera opens) or as a GS1 element
// string (what a pharmacy's DataMatrix scanner types). It does no I/O and keeps
// no state, so every function is safe for concurrent use.
//
// # What the parsers accept, and why
//
// The most common false alerts in a verification system come from scanner
// keyboard settings, not from counterfeits, so the parsers accept what scanners
// really send where that is unambiguous, and reject the rest with a typed
// [*Error] that says what was wrong:
//
//   - [Parse] trims surrounding spaces, tabs, CR and LF (keyboard-wedge
//     scanners append Enter) and strips a symbology identifier before it
//     decides between a Digital Link URI and an element string. The specific
//     parsers do not trim.
//   - Symbology identifiers ]d2 (GS1 DataMatrix), ]Q3 (GS1 QR), ]C1 (GS1-128),
//     ]e0 (GS1 DataBar) and the plain-mode ]d1 and ]Q1 (a Digital Link QR or
//     DataMatrix is plain mode) are accepted, case-sensitively as scanners send
//     them. "]D2" and other case-swapped forms are rejected with a hint that
//     Caps Lock is on: the same setting has then also inverted the case of the
//     lot and serial, and no parser can undo that.
//   - The only field separator is ASCII 29 (GS, the FNC1 a scanner transmits).
//     Substitutes that some wedge configurations type instead ("^]", "<GS>",
//     "|", "~1"…) are not guessed at: each is rejected as a bad character, so a
//     misconfigured scanner is reported as such instead of yielding a wrong lot.
//     "<GS>" is made of valid characters, so a value containing it (in any
//     case) is refused for the same reason, in every form and by
//     ValidateAI10or21, so that no such lot can be issued either.
//     A GS after a fixed-length field, a leading GS (FNC1 in first position)
//     and a trailing GS are tolerated, as real encoders emit them.
//   - Nothing is case-folded: lots and serials are case-sensitive.
//   - A scanner that drops GS entirely cannot be detected in general: the lot
//     then swallows the next AI (for example "10ABC12321SN1" reads as lot
//     "ABC12321SN1", which is itself a valid lot). Only lengths over 20 are
//     caught.
//
// # Application Identifiers
//
// Besides 01, 10, 17 and 21 the element string parser knows a few AIs that do
// appear on medicine packs, so that a pack carrying one is not refused:
// 11, 12, 13, 15, 16 (dates), 20, 240, 241, 250, 251, 30, 710-715 (national
// healthcare reimbursement numbers), 7003, 90 and 91-99. Their values are
// validated and kept in [Code].Extra under the AI as key, just as a Digital Link
// query keeps them, so they survive a conversion between the two forms. Any other
// AI is rejected with [EUnknownAI]: its length, and so where the next AI starts,
// is unknown.
//
// # Digital Link
//
// Per the GS1 Digital Link URI syntax, the path holds the primary key and its
// key qualifiers in a fixed order, /01/{gtin}[/10/{lot}][/21/{serial}] (21
// without 10 is allowed, as the standard allows any ordered subset of the
// qualifiers), after any path prefix of the issuer's own; data attributes such
// as 17 go in the query. Key qualifier 22 (consumer product variant) and 235 are
// not supported and rejected. Both http and https are accepted in any letter
// case, and a host-less path ("/01/…") is accepted for callers that route on it.
// A fragment is ignored. Numeric query keys this package does not know are kept
// opaque in Extra rather than refused (the GS1 reference parser refuses them).
package gs1
