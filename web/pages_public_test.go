package web_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/web"
)

// TestVerdictPage: every verdict the fixture can produce is a 200 page through the layout with
// the verdict as glyph and words, its own instruction, the pack's facts, no script (it must work
// without JavaScript) and well under 100 KB.
func TestVerdictPage(t *testing.T) {
	f := newFixture(t, web.Options{RatePerSecond: 1000, Burst: 1000})
	b := newBrowser(t, f.srv.URL)
	path := func(link string) string { return strings.TrimPrefix(link, "https://verify.example") }
	authentic := path(signedLink(t, f.Manufacturer.Key, f.batch, 0))
	unknownSerial := regexp.MustCompile(`/21/[^?]+`).ReplaceAllString(authentic, "/21/NOPE-1")
	for _, tc := range []struct {
		name, path, banner string
		want               []string
	}{
		{"authentic", authentic, "✔ authentic", []string{"This pack is genuine", "Paracetamol", "500 mg", "WEB-1", "31 March 2031", "Where this pack has been", "Received by pharmacy from distributor", "signature on this code checks out"}},
		{"dispensed", path(signedLink(t, f.Manufacturer.Key, f.batch, 1)), "✖ dispensed", []string{"do not use it", "Dispensed by pharmacy on"}},
		{"counterfeit", path(signedLink(t, f.Manufacturer2.Key, f.batch, 0)), "✖ counterfeit", []string{"Do not use this pack — return it to your pharmacy — it may be falsified", "not its manufacturer"}},
		{"unknown", unknownSerial, "✖ unknown", []string{"Do not use this pack — return it to your pharmacy and ask them to check it", "serial number is not registered"}},
		{"malformed", "/01/09506000134353/10/A/21/B", "! malformed", []string{"We could not read this", `id="code-error"`, "check digit", `action="/check"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, h, body := b.get(tc.path)
			if st != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
				t.Fatalf("GET %s: %d %s", tc.path, st, h.Get("Content-Type"))
			}
			if !strings.Contains(body, `data-verdict="`+tc.name+`">`+tc.banner+`</h1>`) {
				t.Errorf("no %q banner:\n%s", tc.banner, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q:\n%s", w, body)
				}
			}
			if !strings.Contains(body, `href="/static/app.css"`) || strings.Contains(body, "<script") {
				t.Errorf("not the layout's page, or needs a script:\n%s", body)
			}
			if tc.name != "authentic" && !strings.Contains(body, `class="do"`) {
				t.Errorf("no instruction for a %s pack", tc.name)
			}
			if len(body) > 20<<10 {
				t.Errorf("page is %d bytes", len(body))
			}
			if h.Get("Vary") != "Accept" {
				t.Errorf("Vary %q", h.Get("Vary"))
			}
		})
	}
	// The page is golden with the run's dates blanked (the chain's clock is the wall clock).
	_, _, body := b.get(path(signedLink(t, f.Manufacturer.Key, f.batch, 1)))
	dates := regexp.MustCompile(`\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* 20\d\d( \d\d:\d\d UTC)?|block \d+`)
	normalized := dates.ReplaceAllStringFunc(body, func(s string) string {
		if strings.HasPrefix(s, "31 March 2031") {
			return s
		}
		return "…"
	})
	golden(t, "verdict_dispensed.html", []byte(normalized))
}

// TestCheckForm: the home page's form sends a code that parses to its Digital Link page, keeping
// the expiry and the signature, and answers anything else next to the field.
func TestCheckForm(t *testing.T) {
	f := newFixture(t, web.Options{RatePerSecond: 1000, Burst: 1000})
	b := newBrowser(t, f.srv.URL)
	if st, _, body := b.get("/"); st != 200 || !strings.Contains(body, `action="/check"`) || !strings.Contains(body, `action="/check/image"`) ||
		!strings.Contains(body, `id="scan" hidden`) || !strings.Contains(body, `src="/static/check.js"`) {
		t.Fatalf("home: %d\n%s", st, body)
	}
	link := signedLink(t, f.Manufacturer.Key, f.batch, 0)
	u := mustURL(t, link)
	for _, tc := range []struct{ name, code, location string }{
		{"digital link", link, u.RequestURI()},
		{"digital link with spaces around", "  " + link + "\r\n", u.RequestURI()},
		{"element string", "(01)" + gtin14(f.batch.GTIN) + "(17)310331(10)WEB-1(21)WEB-1-0", "/01/" + gtin14(f.batch.GTIN) + "/10/WEB-1/21/WEB-1-0?17=310331"},
		{"scanner output with GS", "]d201" + gtin14(f.batch.GTIN) + "17310331" + "10WEB-1\x1d21WEB-1-0", "/01/" + gtin14(f.batch.GTIN) + "/10/WEB-1/21/WEB-1-0?17=310331"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, h, body := b.post("/check", url.Values{"code": {tc.code}})
			if st != http.StatusSeeOther || h.Get("Location") != tc.location {
				t.Fatalf("%d to %q, want 303 to %q\n%s", st, h.Get("Location"), tc.location, body)
			}
			if st, _, page := b.get(h.Get("Location")); st != 200 || !strings.Contains(page, "✔ authentic") {
				t.Fatalf("landed on %d:\n%s", st, page)
			}
		})
	}
	if !strings.Contains(u.RawQuery, "sig=") || !strings.Contains(u.RawQuery, "17=") {
		t.Fatalf("the test link has no sig or 17: %s", link)
	}
	for _, tc := range []struct {
		name, code string
		status     int
		message    string
	}{
		{"no serial", "(01)09506000134352(10)ABC", 422, "no serial number"},
		{"bad check digit", "(01)09506000134353(21)X", 422, "check digit"},
		{"markup", "<script>alert(1)</script>", 422, "malformed"},
		{"empty", "   ", 422, "Type or paste the code"},
		{"oversized", strings.Repeat("A", 10<<10), 413, "far longer than any medicine code"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, _, body := b.post("/check", url.Values{"code": {tc.code}})
			if st != tc.status {
				t.Fatalf("status %d, want %d\n%s", st, tc.status, body)
			}
			m := regexp.MustCompile(`(?s)aria-invalid="true" aria-describedby="code-error">\s*<p class="field-error" id="code-error">([^<]*)</p>`).FindStringSubmatch(body)
			if m == nil || !strings.Contains(m[1]+body, tc.message) {
				t.Fatalf("no error next to the field saying %q:\n%s", tc.message, body)
			}
			if strings.Contains(body, "<script>alert") {
				t.Fatal("the input is echoed unescaped")
			}
		})
	}
}

// TestCheckImage: a photo of a code is decoded on the server and answered like a typed code;
// what is not a picture of a code, or too big, is refused with a message next to the field.
func TestCheckImage(t *testing.T) {
	f := newFixture(t, web.Options{RatePerSecond: 1000, Burst: 1000})
	b := newBrowser(t, f.srv.URL)
	link := signedLink(t, f.Manufacturer.Key, f.batch, 0)
	qr, err := labels.PNG(link, 0)
	if err != nil {
		t.Fatal(err)
	}
	blank := &bytes.Buffer{}
	img := image.NewGray(image.Rect(0, 0, 200, 200))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	if err := png.Encode(blank, img); err != nil {
		t.Fatal(err)
	}
	// A photo, more or less: the code small and off-centre on a grey background, as a JPEG.
	photo := &bytes.Buffer{}
	{
		code, err := png.Decode(bytes.NewReader(qr))
		if err != nil {
			t.Fatal(err)
		}
		bg := image.NewRGBA(image.Rect(0, 0, 1200, 900))
		draw.Draw(bg, bg.Bounds(), &image.Uniform{color.RGBA{0xb0, 0xb4, 0xb8, 0xff}}, image.Point{}, draw.Src)
		at := image.Rect(700, 250, 700+code.Bounds().Dx(), 250+code.Bounds().Dy())
		draw.Draw(bg, at, code, code.Bounds().Min, draw.Src)
		if err := jpeg.Encode(photo, bg, &jpeg.Options{Quality: 75}); err != nil {
			t.Fatal(err)
		}
	}
	huge := &bytes.Buffer{} // 6000×6000 white pixels: a small file, too many pixels to decode
	if err := png.Encode(huge, image.NewGray(image.Rect(0, 0, 6000, 6000))); err != nil {
		t.Fatal(err)
	}
	big := append(append([]byte{}, qr...), make([]byte, 5<<20)...)
	for _, tc := range []struct {
		name     string
		file     []byte
		status   int
		location string
		message  string
	}{
		{"QR code", qr, http.StatusSeeOther, mustURL(t, link).RequestURI(), ""},
		{"JPEG photo", photo.Bytes(), http.StatusSeeOther, mustURL(t, link).RequestURI(), ""},
		{"not a picture", []byte("%PDF-1.4 this is not an image"), 422, "", "not a picture we can read"},
		{"no code in it", blank.Bytes(), 422, "", "No QR code or DataMatrix code was found"},
		{"over 5 MB", big, 413, "", "larger than 5 MB"},
		{"too many pixels", huge.Bytes(), 422, "", "too many pixels"},
		{"no file", nil, 400, "", "Choose a picture"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, h, body := postFile(t, b, "/check/image", tc.file)
			if st != tc.status || h.Get("Location") != tc.location {
				t.Fatalf("%d to %q, want %d to %q\n%s", st, h.Get("Location"), tc.status, tc.location, body)
			}
			if tc.message == "" {
				return
			}
			m := regexp.MustCompile(`<p class="field-error" id="image-error">([^<]*)</p>`).FindStringSubmatch(body)
			if m == nil || !strings.Contains(m[1], tc.message) {
				t.Fatalf("no error next to the image field saying %q:\n%s", tc.message, body)
			}
		})
	}
}

// postFile sends file as the image field of a multipart form (no field at all when nil).
func postFile(t *testing.T, b *browser, path string, file []byte) (int, http.Header, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if file != nil {
		w, err := mw.CreateFormFile("image", "photo.png")
		if err != nil {
			t.Fatal(err)
		}
		w.Write(file)
	} else {
		mw.WriteField("note", "no file")
	}
	mw.Close()
	resp, err := b.c.Post(b.base+path, mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out bytes.Buffer
	out.ReadFrom(resp.Body)
	return resp.StatusCode, resp.Header, fmt.Sprint(out.String())
}
