package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// browser is an HTTP client with a cookie jar that does not follow redirects, for page tests.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newBrowser(t *testing.T, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) get(path string) (int, http.Header, string) {
	b.t.Helper()
	resp, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func (b *browser) post(path string, form url.Values) (int, http.Header, string) {
	b.t.Helper()
	resp, err := b.c.PostForm(b.base+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

// csrf reads the form token from a page.
func csrf(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no csrf field in page:\n%s", page)
	}
	return m[1]
}

// signIn signs the browser in with a participant's token and returns where it landed.
func (b *browser) signIn(token string) string {
	b.t.Helper()
	st, h, body := b.post("/login", url.Values{"token": {token}})
	if st != http.StatusSeeOther {
		b.t.Fatalf("sign in: %d %s", st, body)
	}
	return h.Get("Location")
}

func TestSignInAndCSRF(t *testing.T) {
	f := newAPIFixture(t)
	b := newBrowser(t, f.srv.URL)
	if st, _, body := b.get("/"); st != 200 || !strings.Contains(body, "Check a medicine") {
		t.Fatalf("home: %d", st)
	}
	if st, h, _ := b.get("/pharmacy"); st != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login?next=%2Fpharmacy") {
		t.Fatalf("pharmacy page signed out: %d %s", st, h.Get("Location"))
	}
	if st, _, body := b.post("/login", url.Values{"token": {"pt_wrong"}}); st != http.StatusUnauthorized || !strings.Contains(body, `id="token-error"`) {
		t.Fatalf("bad token: %d %s", st, body)
	}
	if where := b.signIn(f.tokens["pharmacy"]); where != "/pharmacy" {
		t.Fatalf("pharmacy lands on %q", where)
	}
	for _, c := range b.c.Jar.Cookies(mustURL(t, f.srv.URL)) {
		if c.Name == "pt_session" && c.Value == "" {
			t.Fatal("empty session cookie")
		}
	}
	if st, _, _ := b.get("/regulator"); st != http.StatusForbidden {
		t.Fatalf("regulator page as a pharmacy: %d", st)
	}
	// A form post without the session's CSRF token is refused and changes nothing.
	if st, _, _ := b.post("/logout", url.Values{"csrf": {"00"}}); st != http.StatusForbidden {
		t.Fatalf("logout without csrf: %d", st)
	}
	_, _, page := b.get("/")
	if st, h, _ := b.post("/logout", url.Values{"csrf": {csrf(t, page)}}); st != http.StatusSeeOther || h.Get("Location") != "/" {
		t.Fatalf("logout: %d", st)
	}
	if st, _, _ := b.get("/pharmacy"); st != http.StatusSeeOther {
		t.Fatalf("pharmacy page after logout: %d", st)
	}
	// An open redirect through next is refused.
	st, h, _ := b.post("/login", url.Values{"token": {f.tokens["regulator"]}, "next": {"//evil.example/"}})
	if st != http.StatusSeeOther || h.Get("Location") != "/regulator" {
		t.Fatalf("login with an outside next: %d %s", st, h.Get("Location"))
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
