package web

import (
	"errors"
	"fmt"
	"image"
	_ "image/gif" // pictures a phone or a screenshot gives: GIF, JPEG, PNG
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/datamatrix"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/verify"
)

const (
	// maxCodeBytes caps the check form's body: a Digital Link with a signature is ~250 bytes.
	maxCodeBytes = 8 << 10
	// maxImageBytes caps an uploaded picture; a phone photo is 2–4 MB.
	maxImageBytes = 5 << 20
	// maxImagePixels refuses a picture that would take too much memory to decode (a small file
	// can claim a huge size): 24 megapixels covers a phone camera's usual output.
	maxImagePixels = 24_000_000
)

// publicPages mounts the pages anyone may open: home (check a medicine) and the check forms.
// They take no CSRF token: they change nothing and need no session.
func (s *Server) publicPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, "home", pageData{Title: "Check a medicine"})
	})
	r.With(s.rateLimit).Post("/check", s.checkCode)
	// Decoding a photo takes up to a second of CPU and a few hundred MB at most: a few at a time,
	// the rest wait their turn (or give up with their request), so uploads cannot starve the
	// verifications.
	decoding := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))
	r.With(s.rateLimit, atMost(decoding)).Post("/check/image", s.checkImage)
}

// atMost lets at most cap(slots) requests through at a time.
func atMost(slots chan struct{}) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case slots <- struct{}{}:
				defer func() { <-slots }()
				next.ServeHTTP(w, r)
			case <-r.Context().Done():
			}
		})
	}
}

// checkCode is the home page's form: a code that parses goes to its Digital Link page (so the
// verdict has one address, the one the QR code carries); anything else is answered with the
// malformed verdict and the parser's message next to the field.
func (s *Server) checkCode(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxCodeBytes)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.homeError(w, r, http.StatusRequestEntityTooLarge, "", "code",
				fmt.Sprintf("That is far longer than any medicine code (more than %d KB). Paste only the code.", maxCodeBytes>>10))
			return
		}
		s.homeError(w, r, http.StatusBadRequest, "", "code", "The form could not be read; try again.")
		return
	}
	s.answerCode(w, r, r.PostForm.Get("code"))
}

// checkImage decodes the QR code (or DataMatrix) in an uploaded picture on the server, for
// browsers without BarcodeDetector, then answers as checkCode does.
func (s *Server) checkImage(w http.ResponseWriter, r *http.Request) {
	// The multipart envelope adds a few hundred bytes to the file.
	r.Body = http.MaxBytesReader(w, r.Body, maxImageBytes+16<<10)
	tooBig := func() {
		s.homeError(w, r, http.StatusRequestEntityTooLarge, "", "image",
			fmt.Sprintf("This picture is larger than %d MB. Take a closer photo of just the code, or lower the camera's resolution.", maxImageBytes>>20))
	}
	file, hdr, err := r.FormFile("image")
	if err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			tooBig()
		case errors.Is(err, http.ErrMissingFile):
			s.homeError(w, r, http.StatusBadRequest, "", "image", "Choose a picture of the code first.")
		default:
			s.homeError(w, r, http.StatusBadRequest, "", "image", "The upload could not be read; try again.")
		}
		return
	}
	defer file.Close()
	if hdr.Size > maxImageBytes {
		tooBig()
		return
	}
	text, msg := decodeCodeImage(file)
	if msg != "" {
		s.homeError(w, r, http.StatusUnprocessableEntity, "", "image", msg)
		return
	}
	s.answerCode(w, r, text)
}

// decodeCodeImage reads the code in a picture. It returns the code's text, or a message for
// the person who sent the picture.
func decodeCodeImage(rd io.ReadSeeker) (text, problem string) {
	const notPicture = "This file is not a picture we can read: send a PNG, JPEG or GIF photo or screenshot of the code."
	cfg, _, err := image.DecodeConfig(rd)
	if err != nil {
		return "", notPicture
	}
	if cfg.Width*cfg.Height > maxImagePixels {
		return "", "This picture has too many pixels to read; take a photo at a lower resolution."
	}
	if _, err := rd.Seek(0, io.SeekStart); err != nil {
		return "", notPicture
	}
	img, _, err := image.Decode(rd)
	if err != nil {
		return "", notPicture
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", notPicture
	}
	hard := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	// A printed label sheet's codes are pure symbols; a photo needs the harder search.
	pure := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	for _, rd := range []gozxing.Reader{qrcode.NewQRCodeReader(), datamatrix.NewDataMatrixReader()} {
		for _, hints := range []map[gozxing.DecodeHintType]any{hard, pure} {
			if res, err := rd.Decode(bmp, hints); err == nil {
				return res.GetText(), ""
			}
		}
	}
	return "", "No QR code or DataMatrix code was found in this picture. Take a sharp photo with the whole code in view, or type the code."
}

// answerCode redirects a code that parses to its Digital Link page, keeping its expiry and
// signature; any other input gets the malformed verdict with the parser's message next to the
// code field, which holds the input (so a decoded picture shows what was read).
func (s *Server) answerCode(w http.ResponseWriter, r *http.Request, input string) {
	const field = "code"
	input = strings.TrimSpace(input)
	if input == "" {
		s.homeError(w, r, http.StatusUnprocessableEntity, "", field, "Type or paste the code printed on the pack first.")
		return
	}
	c, err := gs1.Parse(input, s.opts.Now())
	if err == nil && c.Serial != "" {
		// Only the path and query are kept: a code printed for another host is checked here.
		u, err := url.Parse(gs1.FormatDigitalLink("https://here.invalid", c))
		if err == nil {
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
	}
	res, err := s.check(r, input)
	if err != nil {
		s.log.ErrorContext(r.Context(), "check a code", "err", err)
		s.homeError(w, r, http.StatusServiceUnavailable, input, field, "The check could not be made just now; try again in a minute.")
		return
	}
	v := newVerdictView(res)
	v.Input = input
	msg := "This is not a readable medicine pack code."
	if res.Problem != nil {
		msg = res.Problem.Message
	}
	s.render(w, r, http.StatusUnprocessableEntity, "verdict", pageData{
		Title: v.Title(), Data: v, Error: &Error{Code: EInvalid, Field: field, Message: msg},
	})
}

// homeError shows the home page again with a message next to field.
func (s *Server) homeError(w http.ResponseWriter, r *http.Request, status int, input, field, msg string) {
	s.render(w, r, status, "home", pageData{Title: "Check a medicine", Data: homeView{Input: input},
		Error: &Error{Code: EInvalid, Field: field, Message: msg}})
}

// homeView is the home page's form state.
type homeView struct{ Input string }

// resolvePage renders the verdict page of the Digital Link resolver. It is always 200: the
// page is the answer, whatever the verdict.
func (s *Server) resolvePage(w http.ResponseWriter, r *http.Request, res verify.Result, uri string) {
	v := newVerdictView(res)
	v.Input = uri
	d := pageData{Title: v.Title(), Data: v}
	if res.Verdict == verify.Malformed && res.Problem != nil {
		d.Error = &Error{Code: EInvalid, Field: "code", Message: res.Problem.Message}
	}
	s.render(w, r, http.StatusOK, "verdict", d)
}

// verdictView is what the verdict page shows, worded for a patient.
type verdictView struct {
	verify.Result
	Tone     string // ok, warn or bad: the banner's colour, always with Glyph and words
	Glyph    string // ✔, ✖ or !
	Headline string // what the verdict means, in one sentence
	Do       string // what to do; empty for an authentic pack
	Expiry   string // the batch's (or the code's) expiry, for people: 31 March 2031
	Decom    string // who took the pack out of the supply chain, when, why
	Steps    []step // where the pack has been, oldest first
	Input    string // the code as given, for the form on a malformed verdict
}

// step is one stop of the custody timeline.
type step struct {
	When, What string
}

// Title is the page title: glyph and verdict, so a browser tab says it too.
func (v verdictView) Title() string { return v.Glyph + " " + string(v.Verdict) }

// newVerdictView words a result for people.
func newVerdictView(res verify.Result) verdictView {
	v := verdictView{Result: res, Tone: "bad", Glyph: "✖", Headline: res.Message}
	switch {
	case res.Batch != nil:
		v.Expiry = longDate(res.Batch.Expiry)
	case res.Code != nil:
		v.Expiry = longDate(res.Code.Expiry)
	}
	var decomWho, decomDay string
	if p := res.Pack; p != nil && p.DecommissionedBy != nil && p.DecommissionedAt != nil {
		decomWho = "Taken out of the supply chain (" + p.Reason + ") by " + p.DecommissionedBy.Name
		if p.Reason == "supplied" {
			decomWho = "Dispensed by " + p.DecommissionedBy.Name
		}
		decomDay = p.DecommissionedAt.UTC().Format("2 January 2006")
		v.Decom = decomWho + " on " + decomDay + "."
	}
	if res.Manufacturer != nil {
		what := "Made by " + res.Manufacturer.Name
		if res.Batch != nil {
			what += " (batch " + res.Batch.Lot + ")"
		}
		v.Steps = append(v.Steps, step{What: what})
	}
	for _, h := range res.Custody {
		v.Steps = append(v.Steps, step{When: h.Received.UTC().Format("2 Jan 2006"), What: "Received by " + h.To.Name + " from " + h.From.Name})
	}
	if decomWho != "" {
		v.Steps = append(v.Steps, step{When: res.Pack.DecommissionedAt.UTC().Format("2 Jan 2006"), What: decomWho})
	}
	const giveBack = "Do not use this pack — return it to your pharmacy"
	switch res.Verdict {
	case verify.Authentic:
		v.Tone, v.Glyph, v.Do = "ok", "✔", ""
		v.Headline = "This pack is genuine: registered by its manufacturer, in date, not recalled and not yet dispensed."
	case verify.Dispensed:
		v.Tone = "warn"
		if decomDay != "" {
			v.Headline = "This pack was already handed out to a patient by " + res.Pack.DecommissionedBy.Name + " on " + decomDay + "."
		}
		v.Do = "If a pharmacy gave you this pack, this is expected: it was recorded when it was handed over. If you did not receive it from a pharmacy, do not use it and show it to your pharmacist."
	case verify.Recalled:
		reason := ""
		if res.Batch != nil && res.Batch.RecallReason != "" {
			reason = " (" + res.Batch.RecallReason + ")"
		}
		v.Headline = "This batch has been recalled by its manufacturer or the regulator" + reason + "."
		v.Do = giveBack + ". If you have already taken some and feel unwell, call your doctor."
	case verify.Expired:
		v.Headline = "This pack is past its expiry date."
		if v.Expiry != "" {
			v.Headline = "This pack expired on " + v.Expiry + "."
		}
		v.Do = giveBack + ": expired medicines may not work as they should, and the pharmacy disposes of them safely."
	case verify.Destroyed:
		v.Do = giveBack + ", or to the medicines regulator: a pack recorded as destroyed should not exist."
	case verify.Stolen:
		v.Do = giveBack + ", and tell them where you got it: this pack was reported stolen."
	case verify.Inactive:
		v.Do = giveBack + ": it was taken out of the supply chain and should not be sold or supplied."
	case verify.Unknown:
		v.Do = giveBack + " and ask them to check it: no manufacturer registered this code, so it may be falsified."
	case verify.Counterfeit:
		v.Do = giveBack + " — it may be falsified. Keep the pack and its box: the pharmacy or the medicines regulator will want to see them."
	case verify.Malformed:
		v.Tone, v.Glyph = "warn", "!"
		v.Headline = "We could not read this as a medicine pack code."
		v.Do = "Check that you scanned the square code on the medicine pack (not a price label) or type the code again. If it still fails, ask your pharmacist."
	default:
		v.Do = giveBack + "."
	}
	return v
}

// longDate writes YYYY-MM-DD as people read it (31 March 2031); anything else unchanged.
func longDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}
