package web

import (
	"errors"
	"net/http"
)

// Error is what a client is told when a request fails: a stable code and a message written
// for people. Internal details are logged, never sent.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Error codes.
const (
	EInvalid     = "invalid"
	ENotFound    = "not_found"
	ETooLarge    = "too_large"
	ERateLimited = "rate_limited"
	EUnsupported = "unsupported_media_type"
	EInternal    = "internal"
)

// statusOf is the one table from error code to HTTP status.
var statusOf = map[string]int{
	EInvalid:     http.StatusBadRequest,
	ENotFound:    http.StatusNotFound,
	ETooLarge:    http.StatusRequestEntityTooLarge,
	ERateLimited: http.StatusTooManyRequests,
	EUnsupported: http.StatusUnsupportedMediaType,
	EInternal:    http.StatusInternalServerError,
}

func errorf(code, message string) *Error { return &Error{Code: code, Message: message} }

// errorCode returns the code of err, EInternal unless it wraps an *Error.
func errorCode(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return &Error{Code: EInternal, Message: "Something went wrong on our side; it has been logged."}, false
}
