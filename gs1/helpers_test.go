package gs1

import (
	"errors"
	"time"
)

// testNow is the clock the tests read codes against.
var testNow = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func asError(err error, e **Error) bool { return errors.As(err, e) }
