package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/gs1"
)

// The role pages through the real router, chain, indexer and write service.

// page signs a new browser in as who and returns it with the page at path.
func signedIn(t *testing.T, f *apiFixture, who, path string) (*browser, string) {
	t.Helper()
	b := newBrowser(t, f.srv.URL)
	b.signIn(f.tokens[who])
	st, _, body := b.get(path)
	if st != http.StatusOK {
		t.Fatalf("%s as %s: %d\n%s", path, who, st, body)
	}
	return b, body
}

// submit posts a form with the page's CSRF token and wants a 303; it returns where it went.
func (b *browser) submit(path, page string, form url.Values) string {
	b.t.Helper()
	form.Set("csrf", csrf(b.t, page))
	st, h, body := b.post(path, form)
	if st != http.StatusSeeOther {
		b.t.Fatalf("POST %s: %d, want 303\n%s", path, st, body)
	}
	return h.Get("Location")
}

// refused posts a form with the page's CSRF token and wants it refused with status want.
func (b *browser) refused(path, page string, form url.Values, want int) string {
	b.t.Helper()
	form.Set("csrf", csrf(b.t, page))
	st, _, body := b.post(path, form)
	if st != want {
		b.t.Fatalf("POST %s: %d, want %d\n%s", path, st, want, body)
	}
	return body
}

// multipart posts a multipart form (a file upload) and returns the status and Location.
func (b *browser) multipart(path string, fields map[string]string, file, name string, content []byte) (int, string, string) {
	b.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile(file, name)
	fw.Write(content)
	mw.Close()
	resp, err := b.c.Post(b.base+path, mw.FormDataContentType(), &buf)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(body)
}

func TestRolePagesAreForTheirRole(t *testing.T) {
	f := newAPIFixture(t)
	pages := map[string]string{"pharmacy": "/pharmacy", "manufacturer": "/manufacturer", "distributor": "/wholesaler", "regulator": "/regulator"}
	for who := range pages {
		b := newBrowser(t, f.srv.URL)
		b.signIn(f.tokens[who])
		for role, path := range pages {
			st, _, body := b.get(path)
			want := http.StatusForbidden
			if role == who {
				want = http.StatusOK
			}
			if st != want {
				t.Errorf("%s as %s: %d, want %d", path, who, st, want)
			}
			if st == http.StatusOK && !strings.Contains(body, `name="csrf"`) {
				t.Errorf("%s as %s has no form token", path, who)
			}
		}
	}
	b := newBrowser(t, f.srv.URL)
	if st, h, _ := b.get("/manufacturer"); st != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login") {
		t.Fatalf("manufacturer page signed out: %d %s", st, h.Get("Location"))
	}
}

// verdictOf reads the verdict shown on the scan station.
func verdictOf(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`class="verdict-word">([a-z]+)<`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no verdict on the page:\n%s", page)
	}
	return m[1]
}

// hiddenCode reads the code a dispense or undo form on the page would send.
func hiddenCode(t *testing.T, page, action string) string {
	t.Helper()
	m := regexp.MustCompile(`action="` + action + `"[^>]*>\s*<input type="hidden" name="csrf" value="[0-9a-f]+">\s*<input type="hidden" name="code" value="([^"]*)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no %s form on the page:\n%s", action, page)
	}
	return html.UnescapeString(m[1])
}

func TestPharmacyScanStation(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, codes := f.batch(t, "L-PH", 4)
	shipment := f.send(t, "manufacturer", f.Pharmacy.Address, batchID, 4)

	b, page := signedIn(t, f, "pharmacy", "/pharmacy")
	if !strings.Contains(page, `autofocus`) || !strings.Contains(page, `name="code"`) {
		t.Fatal("no autofocused scan input")
	}
	// The incoming shipment is received from the station.
	if !strings.Contains(page, fmt.Sprintf(`action="/pharmacy/shipments/%d"`, shipment)) {
		t.Fatalf("shipment %d not listed as incoming", shipment)
	}
	b.submit(fmt.Sprintf("/pharmacy/shipments/%d", shipment), page, url.Values{"action": {"receive"}})
	if _, _, page = b.get("/pharmacy"); strings.Contains(page, fmt.Sprintf(`action="/pharmacy/shipments/%d"`, shipment)) {
		t.Fatal("received shipment still listed")
	}

	// A Digital Link scan: the verdict at once, and one button to dispense.
	_, _, page = b.get("/pharmacy?code=" + url.QueryEscape(codes[0]))
	if v := verdictOf(t, page); v != "authentic" {
		t.Fatalf("verdict %s, want authentic", v)
	}
	where := b.submit("/pharmacy/dispense", page, url.Values{"code": {hiddenCode(t, page, "/pharmacy/dispense")}})
	if !strings.Contains(where, "ok=Dispensed") {
		t.Fatalf("dispense went to %s", where)
	}
	serial := serialOf(t, codes[0])
	_, _, page = b.get(where)
	if v := verdictOf(t, page); v != "dispensed" {
		t.Fatalf("after dispensing, verdict %s", v)
	}
	if !regexp.MustCompile(`(?s)id="today".*<td>` + serial + `</td>`).MatchString(page) {
		t.Fatalf("dispensed pack %s not in today's list:\n%s", serial, page)
	}

	// Another pharmacy cannot dispense the same pack: the refusal is shown, nothing is sent.
	b2, page2 := signedIn(t, f, "pharmacy2", "/pharmacy")
	body := b2.refused("/pharmacy/dispense", page2, url.Values{"code": {codes[0]}}, http.StatusConflict)
	if !strings.Contains(body, `id="dispense-error"`) || !strings.Contains(body, "dispensed") {
		t.Fatalf("second pharmacy's refusal not shown:\n%s", body)
	}

	// The pharmacy that dispensed it undoes it.
	b.submit("/pharmacy/undo", page, url.Values{"code": {hiddenCode(t, page, "/pharmacy/undo")}})
	_, _, page = b.get("/pharmacy?code=" + url.QueryEscape(codes[0]))
	if v := verdictOf(t, page); v != "authentic" {
		t.Fatalf("after undo, verdict %s", v)
	}
	if regexp.MustCompile(`(?s)id="today".*<td>` + serial + `</td>`).MatchString(page) {
		t.Fatal("undone pack still in today's list")
	}

	// Element strings as a DataMatrix scanner types them: with GS, with the GS lost by the
	// browser, with a symbology identifier, and the human-readable form.
	c, err := gs1.Parse(codes[1], time.Now())
	if err != nil {
		t.Fatal(err)
	}
	withGS := gs1.FormatElementString(c, true)
	forms := map[string]string{
		"GS":             withGS,
		"GS lost":        strings.ReplaceAll(withGS, "\x1d", ""),
		"symbology":      "]d2" + withGS,
		"human-readable": gs1.HumanReadable(c),
	}
	for name, code := range forms {
		_, _, page := b.get("/pharmacy?code=" + url.QueryEscape(code))
		if v := verdictOf(t, page); v != "authentic" {
			t.Errorf("%s form %q: verdict %s", name, code, v)
		}
	}
	_, _, page = b.get("/pharmacy?code=" + url.QueryEscape(forms["GS lost"]))
	b.submit("/pharmacy/dispense", page, url.Values{"code": {hiddenCode(t, page, "/pharmacy/dispense")}})
	if v := f.verdict(t, codes[1]); v != "dispensed" {
		t.Fatalf("pack scanned without its GS: %s after dispensing", v)
	}
	if _, _, page = b.get("/pharmacy"); !strings.Contains(page, "<td>"+serialOf(t, codes[1])+"</td>") {
		t.Fatal("pack dispensed from an element string not in today's list")
	}
}

func TestManufacturerPages(t *testing.T) {
	f := newAPIFixture(t)
	b, page := signedIn(t, f, "manufacturer", "/manufacturer")

	// A bad check digit: the message is next to the GTIN field and nothing is registered.
	body := b.refused("/manufacturer/products", page, url.Values{"gtin": {"09506000134353"}, "name": {"Paracetamol"},
		"strength": {"500 mg"}, "form": {"tablets"}, "packSize": {"16"}}, http.StatusBadRequest)
	if !strings.Contains(body, `id="product-gtin-error"`) || !regexp.MustCompile(`id="product-gtin"[^>]*aria-invalid="true"`).MatchString(body) {
		t.Fatalf("GTIN error not next to its field:\n%s", body)
	}
	if !strings.Contains(body, `value="Paracetamol"`) {
		t.Fatal("the form lost what was typed")
	}
	b.submit("/manufacturer/products", page, url.Values{"gtin": {f.gtin}, "name": {"Paracetamol"},
		"strength": {"500 mg"}, "form": {"tablets"}, "packSize": {"16"}})
	_, _, page = b.get("/manufacturer")
	if !strings.Contains(page, `<option value="`+f.gtin+`"`) {
		t.Fatal("registered product not offered for batches")
	}

	// A batch of generated serials.
	expiry := time.Now().AddDate(2, 0, 0).Format(time.DateOnly)
	where := b.submit("/manufacturer/batches", page, url.Values{"gtin": {f.gtin}, "lot": {"LOT-M1"}, "expiry": {expiry}, "count": {"5"}})
	m := regexp.MustCompile(`/manufacturer/batches/(0x[0-9a-f]{64})/labels.pdf`).FindStringSubmatch(pageAt(t, b, "/manufacturer"))
	if m == nil {
		t.Fatalf("no labels link after registering a batch (went to %s)", where)
	}
	batchID := m[1]
	var p struct {
		Registered, Done    bool
		Published, Quantity int
	}
	_, _, js := b.get("/manufacturer/batches/" + batchID + "/progress.json")
	if err := json.Unmarshal([]byte(js), &p); err != nil || !p.Done || p.Quantity != 5 || p.Published != 5 {
		t.Fatalf("progress: %+v %v %s", p, err, js)
	}
	// A batch whose registration is not mined yet: not registered, not done, the page refreshes.
	pending := "0x" + strings.Repeat("ab", 32)
	_, _, js = b.get("/manufacturer/batches/" + pending + "/progress.json")
	if err := json.Unmarshal([]byte(js), &p); err != nil || p.Registered || p.Done {
		t.Fatalf("progress of an unmined batch: %+v %v %s", p, err, js)
	}
	if st, h, _ := b.get("/manufacturer/batches/" + pending + "/progress"); st != 200 || h.Get("Refresh") == "" {
		t.Fatalf("progress page of an unmined batch: %d, Refresh %q", st, h.Get("Refresh"))
	}
	if st, _, _ := b.get("/manufacturer/batches/" + pending + "/labels.pdf"); st != http.StatusNotFound {
		t.Fatalf("labels of an unknown batch: %d", st)
	}
	if st, _, body := b.get("/manufacturer/batches/" + batchID + "/progress"); st != 200 || !strings.Contains(body, "all 5 packs published") {
		t.Fatalf("progress page: %d\n%s", st, body)
	}

	// The label sheet, for the cookie session.
	st, h, pdf := b.get("/manufacturer/batches/" + batchID + "/labels.pdf")
	if st != 200 || h.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF-") {
		t.Fatalf("labels.pdf: %d %s", st, h.Get("Content-Type"))
	}
	if got := strings.Count(pdfText(t, []byte(pdf)), "(SN "); got != 5 {
		t.Fatalf("label sheet has %d labels, want 5", got)
	}
	other, _ := signedIn(t, f, "manufacturer2", "/manufacturer")
	if st, _, _ := other.get("/manufacturer/batches/" + batchID + "/labels.pdf"); st != http.StatusForbidden {
		t.Fatalf("another manufacturer's labels: %d", st)
	}

	// A batch from a CSV of serials.
	_, _, page = b.get("/manufacturer")
	st, loc, body := b.multipart("/manufacturer/batches", map[string]string{"csrf": csrf(t, page), "gtin": f.gtin, "lot": "LOT-CSV", "expiry": expiry},
		"serials", "serials.csv", []byte("serial\nA-1\nA-2\nA-3\n"))
	if st != http.StatusSeeOther {
		t.Fatalf("CSV batch: %d %s\n%s", st, loc, body)
	}
	if !regexp.MustCompile(`(?s)<td>LOT-CSV</td><td>[0-9-]+</td><td>3 / 3</td>`).MatchString(pageAt(t, b, "/manufacturer")) {
		t.Fatalf("CSV batch of 3 not listed:\n%s", pageAt(t, b, "/manufacturer"))
	}

	// Ship two units, then recall.
	_, _, page = b.get("/manufacturer")
	b.submit("/manufacturer/ship", page, url.Values{"batchId": {batchID}, "to": {f.Distributor.Address.Hex()}, "quantity": {"2"}})
	if st, code := f.errCode(t, "distributor", "GET", "/api/v1/shipments/pending", nil); st != 200 {
		t.Fatalf("pending: %d %s", st, code)
	}
	body = b.refused("/manufacturer/ship", page, url.Values{"batchId": {batchID}, "to": {f.Distributor.Address.Hex()}, "quantity": {"50"}}, http.StatusConflict)
	if !strings.Contains(body, `class="error" role="alert"`) {
		t.Fatalf("over-shipping refusal not shown:\n%s", body)
	}
	b.submit("/manufacturer/recall", page, url.Values{"batchId": {batchID}, "reason": {"contamination"}})
	if !strings.Contains(pageAt(t, b, "/manufacturer"), "Recalled</strong> — contamination") {
		t.Fatal("recalled batch not shown as recalled")
	}
}

func pageAt(t *testing.T, b *browser, path string) string {
	t.Helper()
	st, _, body := b.get(path)
	if st != 200 {
		t.Fatalf("%s: %d", path, st)
	}
	return body
}

func TestWholesalerPages(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, _ := f.batch(t, "L-WH", 6)
	shipment := f.send(t, "manufacturer", f.Distributor.Address, batchID, 6)

	b, page := signedIn(t, f, "distributor", "/wholesaler")
	if !strings.Contains(page, fmt.Sprintf(`action="/wholesaler/shipments/%d"`, shipment)) {
		t.Fatal("incoming shipment not listed")
	}
	b.submit(fmt.Sprintf("/wholesaler/shipments/%d", shipment), page, url.Values{"action": {"receive"}})
	page = pageAt(t, b, "/wholesaler")
	if !regexp.MustCompile(`(?s)id="stock".*<td>L-WH</td><td>[0-9-]+</td><td>6</td>`).MatchString(page) {
		t.Fatalf("received stock not listed:\n%s", page)
	}
	// Receiving twice is refused with the API's message.
	body := b.refused(fmt.Sprintf("/wholesaler/shipments/%d", shipment), page, url.Values{"action": {"receive"}}, http.StatusConflict)
	if !strings.Contains(body, "no longer pending") {
		t.Fatalf("second receive:\n%s", body)
	}
	// The pharmacy is offered as a receiver; ship onward.
	if !strings.Contains(page, strings.ToLower(f.Pharmacy.Address.Hex())) {
		t.Fatal("pharmacy not offered as a receiver")
	}
	b.submit("/wholesaler/ship", page, url.Values{"batchId": {batchID}, "to": {f.Pharmacy.Address.Hex()}, "quantity": {"4"}})
	if !regexp.MustCompile(`(?s)id="stock".*<td>L-WH</td><td>[0-9-]+</td><td>2</td>`).MatchString(pageAt(t, b, "/wholesaler")) {
		t.Fatal("stock after shipping 4 of 6 is not 2")
	}
	body = b.refused("/wholesaler/ship", page, url.Values{"batchId": {batchID}, "to": {f.Pharmacy.Address.Hex()}, "quantity": {"x"}}, http.StatusBadRequest)
	if !strings.Contains(body, `id="ship-quantity-error"`) {
		t.Fatalf("quantity error not next to its field:\n%s", body)
	}
}

func TestRegulatorPages(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	f.batch(t, "L-RG", 2)
	b, page := signedIn(t, f, "regulator", "/regulator")
	if !strings.Contains(page, `<svg id="activity-chart"`) || !strings.Contains(page, `<title id="chart-svg-title">`) || !strings.Contains(page, `id="activity-table"`) {
		t.Fatal("no chart (with its title and table fallback)")
	}

	// Register a participant; a bad GLN is shown next to its field.
	body := b.refused("/regulator/participants", page, url.Values{"account": {f.Outsider.Address.Hex()}, "role": {"pharmacy"}, "gln": {"1234"}, "name": {"New Pharmacy"}}, http.StatusBadRequest)
	if !strings.Contains(body, `id="participant-gln-error"`) {
		t.Fatalf("GLN error not next to its field:\n%s", body)
	}
	b.submit("/regulator/participants", page, url.Values{"account": {f.Outsider.Address.Hex()}, "role": {"pharmacy"},
		"gln": {strconv.FormatUint(chaintest.GLN(77), 10)}, "name": {"New Pharmacy"}})
	page = pageAt(t, b, "/regulator")
	if !strings.Contains(page, "<td>New Pharmacy</td><td>pharmacy</td>") {
		t.Fatal("registered participant not listed")
	}
	body = b.refused("/regulator/participants", page, url.Values{"account": {f.Outsider.Address.Hex()}, "role": {"pharmacy"},
		"gln": {strconv.FormatUint(chaintest.GLN(78), 10)}, "name": {"Again"}}, http.StatusConflict)
	if !strings.Contains(body, `id="participant-account-error"`) {
		t.Fatalf("already registered not shown next to the account:\n%s", body)
	}
	b.submit("/regulator/participants/"+strings.ToLower(f.Outsider.Address.Hex())+"/deactivate", page, url.Values{})
	if !strings.Contains(pageAt(t, b, "/regulator"), "<td>New Pharmacy</td><td>pharmacy</td><td>"+strconv.FormatUint(chaintest.GLN(77), 10)) {
		t.Fatal("deactivated participant gone from the list")
	}

	// Recall by GTIN and lot.
	b.submit("/regulator/recall", page, url.Values{"gtin": {f.gtin}, "lot": {"L-RG"}, "reason": {"falsified packs found"}})
	if !regexp.MustCompile(`(?s)id="recalled".*<td>L-RG</td>.*falsified packs found`).MatchString(pageAt(t, b, "/regulator")) {
		t.Fatal("recalled batch not listed")
	}

	// An unknown batch scanned raises an alert; the regulator moves it open → investigating → closed.
	f.verdict(t, "(01)"+f.gtin+"(10)NO-SUCH-LOT(21)X1")
	var id string
	for deadline := time.Now().Add(10 * time.Second); id == ""; {
		page = pageAt(t, b, "/regulator")
		if m := regexp.MustCompile(`action="/regulator/alerts/([^"]+)"`).FindStringSubmatch(page); m != nil {
			id = m[1]
		} else if time.Now().After(deadline) {
			t.Fatal("the alert never reached the queue")
		} else {
			time.Sleep(50 * time.Millisecond)
		}
	}
	b.submit("/regulator/alerts/"+id, page, url.Values{"state": {"investigating"}})
	if !strings.Contains(pageAt(t, b, "/regulator"), `class="state-investigating">investigating`) {
		t.Fatal("alert not investigating")
	}
	b.submit("/regulator/alerts/"+id, page, url.Values{"state": {"closed"}})
	if strings.Contains(pageAt(t, b, "/regulator"), "/regulator/alerts/"+id) {
		t.Fatal("closed alert still in the open queue")
	}
	if !strings.Contains(pageAt(t, b, "/regulator?alerts=closed"), `class="state-closed">closed`) {
		t.Fatal("closed alert not under closed")
	}
	b.refused("/regulator/alerts/"+id, page, url.Values{"state": {"investigating"}}, http.StatusConflict)

	// The chart counts today's verification and alert.
	page = pageAt(t, b, "/regulator")
	today := time.Now().UTC().Format(time.DateOnly)
	if !regexp.MustCompile(`<tr><td>` + today + `</td><td>[1-9][0-9]*</td><td>[1-9][0-9]*</td></tr>`).MatchString(page) {
		t.Fatalf("chart table has no verification and alert today:\n%s", page)
	}
	if !strings.Contains(page, `class="bar-scans"`) || !strings.Contains(page, `class="bar-alerts"`) {
		t.Fatal("chart has no bars")
	}
}

// TestRoleFormsNeedCSRF: every role form posted without the session's form token is refused
// and changes nothing.
func TestRoleFormsNeedCSRF(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, codes := f.batch(t, "L-CS", 2)
	f.ship(t, "manufacturer", "pharmacy", f.Pharmacy.Address, batchID, 2)
	newGTIN := fmt.Sprintf("%014d", chaintest.GTIN(5))
	posts := []struct {
		who, path string
		form      url.Values
	}{
		{"pharmacy", "/pharmacy/dispense", url.Values{"code": {codes[0]}}},
		{"pharmacy", "/pharmacy/undo", url.Values{"code": {codes[0]}}},
		{"pharmacy", "/pharmacy/shipments/1", url.Values{"action": {"reject"}}},
		{"manufacturer", "/manufacturer/products", url.Values{"gtin": {newGTIN}, "name": {"X"}, "strength": {"1"}, "form": {"y"}, "packSize": {"1"}}},
		{"manufacturer", "/manufacturer/batches", url.Values{"gtin": {f.gtin}, "lot": {"L-NEW"}, "expiry": {"2031-01-01"}, "count": {"1"}}},
		{"manufacturer", "/manufacturer/recall", url.Values{"batchId": {batchID}, "reason": {"x"}}},
		{"manufacturer", "/manufacturer/ship", url.Values{"batchId": {batchID}, "to": {f.Distributor.Address.Hex()}, "quantity": {"1"}}},
		{"distributor", "/wholesaler/ship", url.Values{"batchId": {batchID}, "to": {f.Pharmacy.Address.Hex()}, "quantity": {"1"}}},
		{"regulator", "/regulator/participants", url.Values{"account": {f.Outsider.Address.Hex()}, "role": {"pharmacy"}, "gln": {strconv.FormatUint(chaintest.GLN(90), 10)}, "name": {"X"}}},
		{"regulator", "/regulator/recall", url.Values{"batchId": {batchID}, "reason": {"x"}}},
		{"regulator", "/regulator/participants/" + f.Pharmacy.Address.Hex() + "/deactivate", url.Values{}},
	}
	for _, p := range posts {
		b := newBrowser(t, f.srv.URL)
		b.signIn(f.tokens[p.who])
		for _, tok := range []string{"", "00112233445566778899aabbccddeeff"} {
			form := url.Values{}
			for k, v := range p.form {
				form[k] = v
			}
			if tok != "" {
				form.Set("csrf", tok)
			}
			if st, _, _ := b.post(p.path, form); st != http.StatusForbidden {
				t.Errorf("%s as %s with csrf %q: %d, want 403", p.path, p.who, tok, st)
			}
		}
	}
	// Nothing changed: the pack is still authentic, the batch not recalled, no new product or
	// participant, the pharmacy still active.
	if v := f.verdict(t, codes[0]); v != "authentic" {
		t.Errorf("pack is %s", v)
	}
	if st, _ := f.errCode(t, "manufacturer", "POST", "/api/v1/batches", map[string]any{"gtin": newGTIN, "lot": "L", "expiry": "2031-01-01", "count": 1}); st != http.StatusNotFound {
		t.Errorf("the product of a refused form exists: %d", st)
	}
	var me struct {
		Active bool `json:"active"`
	}
	f.must(t, 200, "pharmacy", "GET", "/api/v1/me", nil, &me)
	if !me.Active {
		t.Error("pharmacy deactivated by a refused form")
	}
	if st, _ := f.errCode(t, "outsider", "GET", "/api/v1/me", nil); st != http.StatusForbidden {
		t.Errorf("outsider registered by a refused form: %d", st)
	}
	var held []struct {
		Quantity int `json:"quantity"`
	}
	f.must(t, 200, "pharmacy", "GET", "/api/v1/holdings", nil, &held)
	if len(held) != 1 || held[0].Quantity != 2 {
		t.Errorf("pharmacy holdings %+v, want 2 units", held)
	}
}
