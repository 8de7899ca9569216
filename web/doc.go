// Package web is the go-chi service: the API, GS1 Digital Link resolution, QR issue and
// verification, and the pages. Its work is tracked in issues 4, 5 and 7; until then the package
// holds no code.
package web
