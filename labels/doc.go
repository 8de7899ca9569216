// Package labels issues what is printed on a pack: the manufacturer's
// signature over a pack's code, random serial numbers, the QR code of the
// signed GS1 Digital Link URI as PNG and SVG, and a printable A4 label sheet
// (PDF) for a whole batch.
//
// The package keeps no state; every function is safe for concurrent use.
//
// # Signatures
//
// A code's "sig" is the manufacturer's EIP-191 personal-sign signature (what
// personal_sign, clef's text/plain and keystore's SignText produce) over
// [gs1.Canonical], base64url without padding: 65 bytes R‖S‖V with V 27 or 28,
// 87 characters. Anyone can recover the signer's address offline with
// [RecoverSigner] and compare it with the batch's manufacturer on chain.
//
// # Serials
//
// [Serials] draws from 32 characters: the digits 2-9 and the capital letters
// without I and O. Every one is in the GS1 82-character set, none needs
// percent-encoding in a URI path (so the printed URI stays short), none is
// easily mistaken for another in print (0/O, 1/I/l), and a single case means a
// serial read out over the phone or typed from the human-readable line comes
// out right. 32 is a power of two, so each character is exactly 5 random bits
// of crypto/rand, with no modulo bias.
//
// EU Delegated Regulation 2016/161 Art. 4(b) asks that the probability of
// guessing a serial be negligible and in any case below 1 in 10 000. With the
// default length of 12 there are 32^12 = 2^60 ≈ 1.15·10^18 serials, so even
// with 10 million packs of one product on the market a guess hits one with
// probability 10^7 / 1.15·10^18 ≈ 9·10^-12. The shortest length that still
// meets 1 in 10 000 for 10 million packs is 8 (32^8 ≈ 1.1·10^12), which is
// [MinSerialLength].
//
// # QR codes
//
// Error correction level M (15 % of the codewords may be lost), the usual
// choice for GS1 Digital Link on packs: it survives a scratch or a crease on a
// carton, while Q or H would make a ~180-character signed URI a larger symbol
// (smaller modules on the same label). Such a URI is a version 9 or 10 symbol
// at level M: 53 or 57 modules, plus the 4-module quiet zone on every side
// that ISO/IEC 18004 requires, which every image here includes.
//
// On the label sheet the symbol, quiet zone included, fills a 25 mm square, so
// a module is 25/61 ≈ 0.41 mm for the version 9 symbol of a 180-character URI
// (0.38 mm at version 10): above the 0.33 mm most phone cameras read at arm's
// length, and well above the 0.254 mm minimum of the GS1 General
// Specifications for 2D symbols on healthcare packaging. [WriteSheet] refuses
// payloads so long (a base URL of some 200 characters) that a module would
// fall below [MinModuleMM]. The PDF embeds each symbol as a 1-bit image at one
// pixel per module, not interpolated, which a printer renders as sharp squares
// at any resolution.
//
// [PNG] and [SVG] draw with skip2/go-qrcode. The label sheet draws with a port
// of it (qrEncoder) that gives the very same symbols, module for module, five
// to ten times faster; see qrfast.go for why and TestQREncoderMatchesSkip2 for
// the check. The PDF is written by a small streaming writer (pdf.go) rather
// than go-pdf/fpdf, which builds the whole document in memory.
package labels
