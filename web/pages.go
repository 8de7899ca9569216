package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/tokens"
)

// The pages are server-rendered (html/template) with their assets embedded: no CDN, no build
// step, and every page works without JavaScript; the little JS there is only helps.

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// sessionCookie holds a signed-in participant's API token: HttpOnly (no script reads it),
// SameSite=Strict (no other site's form sends it), Secure behind https.
const sessionCookie = "pt_session"

const pageActorKey ctxKey = 100

// pageData is what every page template gets: the page's own data under .Data.
type pageData struct {
	Title  string
	Actor  *actions.Actor // nil when nobody is signed in
	CSRF   string         // the form token of the signed-in participant
	Flash  string         // a one-line message after a redirect (?ok=…)
	Error  *Error         // the error a form post was refused with, shown next to its field
	Path   string
	Data   any
	Assets string // "/static"
}

// templates parses the layout and every page once. Each page file defines "title" and
// "content"; the layout wraps them.
func parseTemplates() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"date": func(unix int64) string {
			if unix == 0 {
				return ""
			}
			return time.Unix(unix, 0).UTC().Format("2006-01-02")
		},
		"datetime": func(unix int64) string {
			if unix == 0 {
				return ""
			}
			return time.Unix(unix, 0).UTC().Format("2006-01-02 15:04 UTC")
		},
		"short": func(s string) string {
			if len(s) > 12 {
				return s[:8] + "…" + s[len(s)-4:]
			}
			return s
		},
		// dict passes several values to a shared template: dict "Key" value "Key2" value2 ….
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, errors.New("dict: an odd number of arguments")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"fieldErr": func(e *Error, field string) string {
			if e != nil && e.Field == field {
				return e.Message
			}
			return ""
		},
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || base == "shared" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/shared.html", n)
		if err != nil {
			return nil, err
		}
		out[base] = t
	}
	return out, nil
}

// render writes a page with the layout. A template error is logged and answered as 500 before
// anything is written, so nobody gets half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, d pageData) {
	t, ok := s.pages[name]
	if !ok {
		s.log.ErrorContext(r.Context(), "no such page template", "name", name)
		http.Error(w, "page not found", http.StatusInternalServerError)
		return
	}
	if a, ok := r.Context().Value(pageActorKey).(actions.Actor); ok {
		d.Actor = &a
		d.CSRF = s.csrfToken(r)
	}
	d.Path, d.Assets = r.URL.Path, "/static"
	if d.Flash == "" {
		d.Flash = r.URL.Query().Get("ok")
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		s.log.ErrorContext(r.Context(), "render page", "name", name, "err", err)
		http.Error(w, "Something went wrong on our side; it has been logged.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageActor returns the signed-in participant, if any.
func pageActor(r *http.Request) (actions.Actor, bool) {
	a, ok := r.Context().Value(pageActorKey).(actions.Actor)
	return a, ok
}

// session resolves the session cookie to a participant for every page (nobody, if absent or
// no longer valid: the public pages still work).
func (s *Server) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || s.opts.Actions == nil {
			next.ServeHTTP(w, r)
			return
		}
		acct, err := tokens.Lookup(r.Context(), s.opts.DB, c.Value)
		if err == nil {
			if a, err := s.opts.Actions.Actor(r.Context(), acct); err == nil {
				r = r.WithContext(context.WithValue(r.Context(), pageActorKey, a))
			}
		}
		next.ServeHTTP(w, r)
	})
}

// requireRole sends a visitor who is not signed in as one of roles to the sign-in page.
func (s *Server) requireRole(roles ...chain.Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			a, ok := pageActor(r)
			if !ok {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			for _, role := range roles {
				if a.Role == role {
					next.ServeHTTP(w, r)
					return
				}
			}
			s.render(w, r, http.StatusForbidden, "error", pageData{Title: "Not for your role",
				Error: errorf(EForbidden, "This page is for a "+roleNames(roles)+"; you are signed in as a "+a.Role.String()+".")})
		})
	}
}

func roleNames(roles []chain.Role) string {
	n := make([]string, len(roles))
	for i, r := range roles {
		n[i] = r.String()
	}
	return strings.Join(n, " or ")
}

// csrfToken is the form token of the request's session: an HMAC of the session's token, so it
// needs no storage and is the same on every replica given the same key.
func (s *Server) csrfToken(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	m := hmac.New(sha256.New, []byte("csrf|"+s.opts.ClientSalt))
	m.Write([]byte(c.Value))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// checkCSRF refuses a form post whose csrf field is not the session's token (a forged
// cross-site form: SameSite=Strict already keeps the cookie away, this is the second lock).
func (s *Server) checkCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			// Cap the body before the form is read: a CSV upload is the largest a form takes.
			r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBatchBytes)
			want := s.csrfToken(r)
			got := r.FormValue("csrf")
			if want == "" || !hmac.Equal([]byte(got), []byte(want)) {
				s.render(w, r, http.StatusForbidden, "error", pageData{Title: "Form expired",
					Error: errorf(EForbidden, "This form could not be checked (it may be from an old page). Go back, reload and try again.")})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// pageRoutes mounts the pages and their assets.
func (s *Server) pageRoutes(r chi.Router) {
	static, _ := fs.Sub(staticFS, "static")
	assets := http.StripPrefix("/static/", cacheFor(24*time.Hour, http.FileServer(http.FS(static))))
	r.Method(http.MethodGet, "/static/*", assets)
	r.Method(http.MethodHead, "/static/*", assets)
	r.Group(func(r chi.Router) {
		r.Use(s.session)
		r.Get("/login", s.loginPage)
		r.Post("/login", s.login)
		r.With(s.checkCSRF).Post("/logout", s.logout)
		s.publicPages(r) // pages_public.go: home, check a medicine
		r.Route("/pharmacy", func(r chi.Router) {
			r.Use(s.requireRole(chain.RolePharmacy), s.checkCSRF)
			s.pharmacyPages(r) // pages_pharmacy.go
		})
		r.Route("/manufacturer", func(r chi.Router) {
			r.Use(s.requireRole(chain.RoleManufacturer), s.checkCSRF)
			s.manufacturerPages(r) // pages_manufacturer.go
		})
		r.Route("/wholesaler", func(r chi.Router) {
			r.Use(s.requireRole(chain.RoleDistributor), s.checkCSRF)
			s.wholesalerPages(r) // pages_wholesaler.go
		})
		r.Route("/regulator", func(r chi.Router) {
			r.Use(s.requireRole(chain.RoleRegulator), s.checkCSRF)
			s.regulatorPages(r) // pages_regulator.go
		})
	})
}

func cacheFor(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(int(d.Seconds())))
		h.ServeHTTP(w, r)
	})
}

// home is where each role lands after signing in.
func home(role chain.Role) string {
	switch role {
	case chain.RolePharmacy:
		return "/pharmacy"
	case chain.RoleManufacturer:
		return "/manufacturer"
	case chain.RoleDistributor:
		return "/wholesaler"
	case chain.RoleRegulator:
		return "/regulator"
	}
	return "/"
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login", pageData{Title: "Sign in", Data: r.URL.Query().Get("next")})
}

// login takes an API token from the form and keeps it in the session cookie.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	tok := strings.TrimSpace(r.FormValue("token"))
	next := r.FormValue("next")
	fail := func(msg string) {
		s.render(w, r, http.StatusUnauthorized, "login", pageData{Title: "Sign in", Data: next, Error: &Error{Code: EUnauthorized, Field: "token", Message: msg}})
	}
	if s.opts.Actions == nil {
		fail("This service is read-only: it holds no participant's keys.")
		return
	}
	acct, err := tokens.Lookup(r.Context(), s.opts.DB, tok)
	if errors.Is(err, tokens.ErrBadToken) {
		fail("This token is not valid (mistyped, or revoked).")
		return
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "sign in", "err", err)
		fail("Something went wrong on our side; try again.")
		return
	}
	a, err := s.opts.Actions.Actor(r.Context(), acct)
	if err != nil {
		e, _ := errorCode(err)
		fail(e.Message)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: tok, Path: "/", HttpOnly: true,
		Secure: strings.HasPrefix(s.opts.BaseURL, "https://"), SameSite: http.SameSiteStrictMode, MaxAge: 12 * 3600})
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = home(a.Role)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, MaxAge: -1, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
