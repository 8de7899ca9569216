package chain

import "testing"

func TestParseRoleAndReason(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Role
		ok   bool
	}{
		{"pharmacy", RolePharmacy, true},
		{" Wholesaler ", RoleDistributor, true},
		{"REGULATOR", RoleRegulator, true},
		{"none", RoleNone, false},
		{"", RoleNone, false},
		{"patient", RoleNone, false},
	} {
		got, err := ParseRole(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseRole(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct {
		in   string
		want Reason
		ok   bool
	}{
		{"supplied", ReasonSupplied, true},
		{"dispensed", ReasonSupplied, true},
		{"Free sample", ReasonFreeSample, true},
		{"free-sample", ReasonFreeSample, true},
		{"none", ReasonNone, false},
		{"lost", ReasonNone, false},
	} {
		got, err := ParseReason(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseReason(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	for r := ReasonNone; r <= ReasonLocked; r++ {
		if back, err := ParseReason(r.String()); r != ReasonNone && (err != nil || back != r) {
			t.Errorf("ParseReason(%q) = %v, %v", r.String(), back, err)
		}
	}
	if !ReasonStolen.Terminal() || !ReasonDestroyed.Terminal() || ReasonSupplied.Terminal() {
		t.Error("Terminal: destroyed and stolen only")
	}
}
