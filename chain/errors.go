package chain

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// One sentinel per custom error of the contracts. A revert comes back as a *ContractError that
// wraps its sentinel, so callers test errors.Is(err, chain.ErrBatchRecalled) and read the
// arguments (which batch, which holder, how many units) from the *ContractError.
var (
	// Registry.
	ErrUnauthorized            = errors.New("caller lacks the role this needs")
	ErrAlreadyRegistered       = errors.New("account already registered")
	ErrNotRegistered           = errors.New("account not registered")
	ErrAlreadyInactive         = errors.New("participant already inactive")
	ErrInvalidRole             = errors.New("invalid role")
	ErrInvalidGLN              = errors.New("invalid GLN")
	ErrGLNInUse                = errors.New("GLN already used by another participant")
	ErrZeroAddress             = errors.New("zero address")
	ErrCannotDeactivateSelf    = errors.New("a regulator cannot deactivate itself")
	ErrDirectRoleChangeRefused = errors.New("roles change only through participant registration")
	ErrBadConfirmation         = errors.New("bad role renouncement confirmation")
	ErrInvalidGTIN             = errors.New("invalid GTIN")
	ErrProductExists           = errors.New("product already registered")
	ErrUnknownProduct          = errors.New("unknown product")
	ErrInvalidPackSize         = errors.New("invalid pack size")
	// Both contracts.
	ErrInactiveParticipant = errors.New("not an active participant")
	ErrRoleNotAllowed      = errors.New("role not allowed to do this")
	// BatchLedger.
	ErrNotProductOwner      = errors.New("not the product's owner")
	ErrBatchExists          = errors.New("batch already registered")
	ErrUnknownBatch         = errors.New("unknown batch")
	ErrInvalidLot           = errors.New("invalid lot")
	ErrInvalidQuantity      = errors.New("invalid quantity")
	ErrInvalidExpiry        = errors.New("invalid expiry")
	ErrInvalidPacksRoot     = errors.New("invalid packs root")
	ErrNotBatchManufacturer = errors.New("not the batch's manufacturer")
	ErrPublishOutOfOrder    = errors.New("pack ids published out of order")
	ErrTooManyPacks         = errors.New("more pack ids than the batch has units")
	ErrPacksNotPublished    = errors.New("batch pack ids not all published")
	ErrShipmentNotAllowed   = errors.New("shipment direction not allowed")
	ErrInsufficientStock    = errors.New("insufficient stock")
	ErrBatchRecalled        = errors.New("batch recalled")
	ErrBatchExpired         = errors.New("batch expired")
	ErrAlreadyRecalled      = errors.New("batch already recalled")
	ErrUnknownShipment      = errors.New("unknown shipment")
	ErrShipmentNotPending   = errors.New("shipment not pending")
	ErrNotShipmentReceiver  = errors.New("not the shipment's receiver")
	ErrNotShipmentSender    = errors.New("not the shipment's sender")
	ErrInvalidProof         = errors.New("invalid Merkle proof")
	ErrInvalidMultiproof    = errors.New("malformed Merkle multiproof")
	ErrInvalidReason        = errors.New("invalid decommission reason")
	ErrAlreadyDecommission  = errors.New("pack already decommissioned")
	ErrNotDecommissioned    = errors.New("pack not decommissioned")
	ErrUndoByOtherActor     = errors.New("undo by another participant")
	ErrUndoWindowClosed     = errors.New("undo window of 10 days closed")
	ErrUndoNotAllowed       = errors.New("undo not allowed for this reason")

	// ErrReverted is wrapped when a transaction reverted without a reason this package knows.
	ErrReverted = errors.New("transaction reverted")
)

// sentinels maps each custom error's Solidity name to its sentinel. Read-only.
var sentinels = map[string]error{
	"AccessControlUnauthorizedAccount": ErrUnauthorized,
	"AccessControlBadConfirmation":     ErrBadConfirmation,
	"AlreadyRegistered":                ErrAlreadyRegistered,
	"NotRegistered":                    ErrNotRegistered,
	"AlreadyInactive":                  ErrAlreadyInactive,
	"InvalidRole":                      ErrInvalidRole,
	"InvalidGLN":                       ErrInvalidGLN,
	"GLNInUse":                         ErrGLNInUse,
	"ZeroAddress":                      ErrZeroAddress,
	"CannotDeactivateSelf":             ErrCannotDeactivateSelf,
	"DirectRoleChangeRefused":          ErrDirectRoleChangeRefused,
	"InvalidGTIN":                      ErrInvalidGTIN,
	"ProductExists":                    ErrProductExists,
	"UnknownProduct":                   ErrUnknownProduct,
	"InvalidPackSize":                  ErrInvalidPackSize,
	"InactiveParticipant":              ErrInactiveParticipant,
	"RoleNotAllowed":                   ErrRoleNotAllowed,
	"NotProductOwner":                  ErrNotProductOwner,
	"BatchExists":                      ErrBatchExists,
	"UnknownBatch":                     ErrUnknownBatch,
	"InvalidLot":                       ErrInvalidLot,
	"InvalidQuantity":                  ErrInvalidQuantity,
	"InvalidExpiry":                    ErrInvalidExpiry,
	"InvalidPacksRoot":                 ErrInvalidPacksRoot,
	"NotBatchManufacturer":             ErrNotBatchManufacturer,
	"PublishOutOfOrder":                ErrPublishOutOfOrder,
	"TooManyPacks":                     ErrTooManyPacks,
	"PacksNotPublished":                ErrPacksNotPublished,
	"ShipmentNotAllowed":               ErrShipmentNotAllowed,
	"InsufficientStock":                ErrInsufficientStock,
	"BatchIsRecalled":                  ErrBatchRecalled,
	"BatchIsExpired":                   ErrBatchExpired,
	"AlreadyRecalled":                  ErrAlreadyRecalled,
	"UnknownShipment":                  ErrUnknownShipment,
	"ShipmentNotPending":               ErrShipmentNotPending,
	"NotShipmentReceiver":              ErrNotShipmentReceiver,
	"NotShipmentSender":                ErrNotShipmentSender,
	"InvalidProof":                     ErrInvalidProof,
	"MerkleProofInvalidMultiproof":     ErrInvalidMultiproof,
	"InvalidReason":                    ErrInvalidReason,
	"AlreadyDecommissioned":            ErrAlreadyDecommission,
	"NotDecommissioned":                ErrNotDecommissioned,
	"UndoByOtherActor":                 ErrUndoByOtherActor,
	"UndoWindowClosed":                 ErrUndoWindowClosed,
	"UndoNotAllowed":                   ErrUndoNotAllowed,
}

// ContractError is a revert decoded from one of the contracts' custom errors.
type ContractError struct {
	Name string         // the Solidity error name, e.g. "InsufficientStock"
	Args map[string]any // its arguments by name, as go-ethereum's ABI decoder returns them
	kind error
}

// Error renders the error with its arguments in a stable order.
func (e *ContractError) Error() string {
	keys := make([]string, 0, len(e.Args))
	for k := range e.Args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(e.kind.Error())
	b.WriteString(" (")
	b.WriteString(e.Name)
	for i, k := range keys {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s=%s", k, formatArg(e.Args[k]))
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap returns the sentinel, so errors.Is works.
func (e *ContractError) Unwrap() error { return e.kind }

func formatArg(v any) string {
	switch x := v.(type) {
	case [32]byte:
		return common.Hash(x).Hex()
	case common.Address:
		return x.Hex()
	default:
		return fmt.Sprint(x)
	}
}

// errorDecoder turns revert data into *ContractError using the contracts' ABIs.
type errorDecoder struct {
	errs []abi.Error
}

func newErrorDecoder(abis ...*abi.ABI) *errorDecoder {
	d := &errorDecoder{}
	for _, a := range abis {
		for _, e := range a.Errors {
			d.errs = append(d.errs, e)
		}
	}
	return d
}

// decode returns a *ContractError for known revert data, or nil.
func (d *errorDecoder) decode(data []byte) *ContractError {
	if len(data) < 4 {
		return nil
	}
	for _, e := range d.errs {
		if !bytes.Equal(e.ID[:4], data[:4]) {
			continue
		}
		args := map[string]any{}
		if err := e.Inputs.UnpackIntoMap(args, data[4:]); err != nil {
			return nil
		}
		kind, ok := sentinels[e.Name]
		if !ok {
			kind = ErrReverted
		}
		return &ContractError{Name: e.Name, Args: args, kind: kind}
	}
	return nil
}

// wrap returns err with its revert reason decoded when err carries revert data.
func (d *errorDecoder) wrap(err error) error {
	if err == nil {
		return nil
	}
	var de rpc.DataError
	if !errors.As(err, &de) {
		return err
	}
	var data []byte
	switch v := de.ErrorData().(type) {
	case string:
		b, decErr := hexutil.Decode(v)
		if decErr != nil {
			return err
		}
		data = b
	case []byte:
		data = v
	default:
		return err
	}
	if ce := d.decode(data); ce != nil {
		return ce
	}
	return fmt.Errorf("%w: %v", ErrReverted, err)
}
