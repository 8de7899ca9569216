package gs1

import (
	"testing"
	"time"
)

func year(y int) time.Time { return time.Date(y, 5, 1, 12, 0, 0, 0, time.UTC) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseExpiry(t *testing.T) {
	tests := []struct {
		name string
		in   string
		now  time.Time
		want time.Time
		code ErrorCode
	}{
		{"this century", "261231", year(2026), day(2026, 12, 31), ""},
		{"99 in 2026: 99-26=73 is in 51..99, previous century", "991231", year(2026), day(1999, 12, 31), ""},
		{"77 in 2026: 51, previous century", "770101", year(2026), day(1977, 1, 1), ""},
		{"76 in 2026: 50, this century", "760101", year(2026), day(2076, 1, 1), ""},
		{"00 in 2026: -26, this century", "000101", year(2026), day(2000, 1, 1), ""},
		{"05 in 2060: -55, next century", "050101", year(2060), day(2105, 1, 1), ""},
		{"10 in 2060: -50, next century", "100101", year(2060), day(2110, 1, 1), ""},
		{"11 in 2060: -49, this century", "110101", year(2060), day(2011, 1, 1), ""},
		{"52 in 2001: 51, previous century", "520101", year(2001), day(1952, 1, 1), ""},
		{"51 in 2001: 50, this century", "510101", year(2001), day(2051, 1, 1), ""},
		{"00 in 2099: -99, next century", "000101", year(2099), day(2100, 1, 1), ""},
		{"day 00 is the last day of the month", "261200", year(2026), day(2026, 12, 31), ""},
		{"day 00 of February in a leap year", "240200", year(2026), day(2024, 2, 29), ""},
		{"day 00 of February in a common year", "250200", year(2026), day(2025, 2, 28), ""},
		{"day 00 of February 2000, a leap year", "000200", year(2026), day(2000, 2, 29), ""},
		{"day 00 of February 2100, not a leap year", "000200", year(2099), day(2100, 2, 28), ""},
		{"day 00 of April", "260400", year(2026), day(2026, 4, 30), ""},
		{"29 February in a leap year", "280229", year(2026), day(2028, 2, 29), ""},
		{"29 February in a common year", "270229", year(2026), time.Time{}, EBadDate},
		{"31 April", "260431", year(2026), time.Time{}, EBadDate},
		{"day 32", "260132", year(2026), time.Time{}, EBadDate},
		{"month 00", "260001", year(2026), time.Time{}, EBadDate},
		{"month 13", "261301", year(2026), time.Time{}, EBadDate},
		{"five digits", "26123", year(2026), time.Time{}, EBadLength},
		{"empty", "", year(2026), time.Time{}, EBadLength},
		{"seven digits", "2612310", year(2026), time.Time{}, EBadLength},
		{"a letter", "26I231", year(2026), time.Time{}, EBadCharacter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseExpiry(tt.in, tt.now)
			if code := ErrorCodeOf(err); code != tt.code {
				t.Fatalf("ParseExpiry(%q, %d) error = %v, want code %q", tt.in, tt.now.Year(), err, tt.code)
			}
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("ParseExpiry(%q, %d) = %v, want %v", tt.in, tt.now.Year(), got, tt.want)
			}
			if err != nil {
				var e *Error
				if !asError(err, &e) || e.Field != "17" {
					t.Errorf("error %#v, want an *Error for field 17", err)
				}
			}
		})
	}
}

func TestFormatExpiry(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{day(2026, 12, 31), "261231"},
		{day(1999, 1, 5), "990105"},
		{day(2100, 2, 28), "000228"},
		{time.Date(2026, 3, 1, 23, 30, 0, 0, time.FixedZone("CET", 3600)), "260301"},
	}
	for _, tt := range tests {
		if got := FormatExpiry(tt.in); got != tt.want {
			t.Errorf("FormatExpiry(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Every day of a window around now formats and parses back to itself.
	now := year(2026)
	for d := day(1977, 1, 1); d.Before(day(2076, 12, 31)); d = d.AddDate(0, 0, 1) {
		got, err := ParseExpiry(FormatExpiry(d), now)
		if err != nil || !got.Equal(d) {
			t.Fatalf("ParseExpiry(FormatExpiry(%v)) = %v, %v", d, got, err)
		}
	}
}
