package gs1

import (
	"fmt"
	"time"
)

// ParseExpiry parses an AI 17 expiry date, YYMMDD, into midnight UTC of that
// day. Day 00 means the last day of the month. The century follows the GS1
// General Specifications (7.12) relative to now: with cy the two-digit year of
// now, YY is in the previous century if YY − cy is 51…99, in the next century
// if it is −99…−50, and in now's century otherwise. So in 2026 "991231" is
// 1999-12-31, and "760101" (76 − 26 = 50) is 2076-01-01.
func ParseExpiry(yymmdd string, now time.Time) (time.Time, error) {
	return parseDate("17", yymmdd, now)
}

// FormatExpiry returns t's date (in t's location) as YYMMDD, always with the
// real day, never 00. Only dates within about 50 years of the reader's clock
// parse back into the same century.
func FormatExpiry(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%02d%02d%02d", (y%100+100)%100, int(m), d)
}

// parseDate parses a YYMMDD date of the AI field (day 00 allowed).
func parseDate(field, s string, now time.Time) (time.Time, error) {
	if len(s) != 6 {
		return time.Time{}, errorf(EBadLength, field, "date %q has %d characters, want YYMMDD", clip(s), len(s))
	}
	if err := digitsOnly(field, "date", s); err != nil {
		return time.Time{}, err
	}
	yy := int(s[0]-'0')*10 + int(s[1]-'0')
	mm := int(s[2]-'0')*10 + int(s[3]-'0')
	dd := int(s[4]-'0')*10 + int(s[5]-'0')
	if mm < 1 || mm > 12 {
		return time.Time{}, errorf(EBadDate, field, "date %q has month %02d", s, mm)
	}
	year := centuryYear(yy, now.Year())
	last := daysIn(year, time.Month(mm))
	switch {
	case dd == 0:
		dd = last
	case dd > last:
		return time.Time{}, errorf(EBadDate, field, "date %q has day %02d, but %04d-%02d has %d days", s, dd, year, mm, last)
	}
	return time.Date(year, time.Month(mm), dd, 0, 0, 0, 0, time.UTC), nil
}

// centuryYear places the two-digit year yy in a century by the GS1 rule,
// relative to the full year now.
func centuryYear(yy, now int) int {
	cy := (now%100 + 100) % 100
	century := now - cy
	switch diff := yy - cy; {
	case diff >= 51:
		century -= 100
	case diff <= -50:
		century += 100
	}
	return century + yy
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
