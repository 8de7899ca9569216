// Package chain talks to the PharmaTrace contracts: it deploys them, sends one transaction per
// operation (nonces, gas, receipts), turns every revert into a typed Go error, and computes the
// identifiers the contracts use (batchId, packId). It works the same against the in-process
// simulated chain used by tests and against a geth node over JSON-RPC.
package chain

import (
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Role is a participant's role in the Registry contract (its Role enum).
type Role uint8

// Roles, in the order of the Solidity enum.
const (
	RoleNone Role = iota
	RoleRegulator
	RoleManufacturer
	RoleDistributor
	RolePharmacy
)

var roleNames = [...]string{"none", "regulator", "manufacturer", "distributor", "pharmacy"}

// String returns the role's lower-case name.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("role(%d)", uint8(r))
}

// ParseRole reads a role name as String writes it ("wholesaler" is accepted for distributor).
func ParseRole(s string) (Role, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "wholesaler" {
		return RoleDistributor, nil
	}
	if i := indexOfName(roleNames[:], s); i > 0 {
		return Role(i), nil
	}
	return RoleNone, fmt.Errorf("unknown role %q (want regulator, manufacturer, distributor or pharmacy)", s)
}

// indexOfName is the position of s among names, or -1; position 0 is each enum's None.
func indexOfName(names []string, s string) int {
	for i, n := range names {
		if n == s {
			return i
		}
	}
	return -1
}

// Reason is why a pack was decommissioned (the BatchLedger's Reason enum, after EU FMD).
type Reason uint8

// Decommission reasons, in the order of the Solidity enum.
const (
	ReasonNone Reason = iota
	ReasonSupplied
	ReasonDestroyed
	ReasonStolen
	ReasonSample
	ReasonFreeSample
	ReasonExported
	ReasonLocked
)

var reasonNames = [...]string{"none", "supplied", "destroyed", "stolen", "sample", "free_sample", "exported", "locked"}

// String returns the reason's snake-case name.
func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("reason(%d)", uint8(r))
}

// Terminal reports whether a decommissioning with this reason can never be undone.
func (r Reason) Terminal() bool { return r == ReasonDestroyed || r == ReasonStolen }

// ParseReason reads a reason name as String writes it ("dispensed" is accepted for supplied).
func ParseReason(s string) (Reason, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(strings.ReplaceAll(s, "-", "_"), " ", "_")
	if s == "dispensed" {
		return ReasonSupplied, nil
	}
	if i := indexOfName(reasonNames[:], s); i > 0 {
		return Reason(i), nil
	}
	return ReasonNone, fmt.Errorf("unknown decommission reason %q", s)
}

// ShipmentStatus is the life of a shipment (the BatchLedger's ShipmentStatus enum).
type ShipmentStatus uint8

// Shipment states, in the order of the Solidity enum.
const (
	ShipmentNone ShipmentStatus = iota
	ShipmentPending
	ShipmentReceived
	ShipmentRejected
	ShipmentCancelled
)

var shipmentStatusNames = [...]string{"none", "pending", "received", "rejected", "cancelled"}

// String returns the status's lower-case name.
func (s ShipmentStatus) String() string {
	if int(s) < len(shipmentStatusNames) {
		return shipmentStatusNames[s]
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Addresses are where the PharmaTrace contracts live on a chain.
type Addresses struct {
	Registry common.Address `json:"registry"`
	Ledger   common.Address `json:"ledger"`
}

// Participant is an account's record in the Registry.
type Participant struct {
	Role   Role
	Active bool
	GLN    uint64
}

// Product is what a manufacturer registers in the product directory.
type Product struct {
	GTIN     uint64 // GTIN-14 as a number; check digit validated before it gets here
	Name     string
	Strength string
	Form     string // dosage form
	PackSize uint32
}

// BatchSpec is what registerBatch takes.
type BatchSpec struct {
	GTIN      uint64
	Lot       string
	Expiry    time.Time // the expiry date; only its UTC calendar day counts
	Quantity  uint32
	PacksRoot common.Hash
	DocHash   common.Hash
}

// Batch is a batch as the ledger stores it.
type Batch struct {
	Manufacturer common.Address
	Expiry       time.Time // UTC midnight of the expiry day; usable until that day ends
	Quantity     uint32
	Published    uint32
	Recalled     bool
	PacksRoot    common.Hash
}

// Shipment is a shipment as the ledger stores it.
type Shipment struct {
	ID       uint64
	BatchID  common.Hash
	From     common.Address
	To       common.Address
	Quantity uint32
	Status   ShipmentStatus
}

// Decommission is how a pack left the supply chain; a zero Actor means the pack is active.
type Decommission struct {
	Actor  common.Address
	Time   time.Time
	Reason Reason
}

// ExpiryDay converts an expiry date to the ledger's day number (days since 1970-01-01 UTC).
func ExpiryDay(t time.Time) uint32 {
	y, m, d := t.Date()
	return uint32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// DayTime converts a ledger day number back to UTC midnight of that day.
func DayTime(day uint32) time.Time {
	return time.Unix(int64(day)*86400, 0).UTC()
}

func unixTime(s uint64) time.Time { return time.Unix(int64(s), 0).UTC() }
