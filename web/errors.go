package web

import (
	"errors"
	"net/http"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/tokens"
)

// Error is what a client is told when a request fails: a stable code and a message written
// for people. Internal details are logged, never sent.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	// Verdict is the pack's verification verdict when a decommission was refused for it.
	Verdict string `json:"verdict,omitempty"`
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

	EUnauthorized        = "unauthorized"
	EForbidden           = "forbidden"
	ENotParticipant      = "not_participant"
	EInactive            = "participant_inactive"
	ENoKey               = "no_key"
	EConflict            = "conflict"
	ERefused             = "pack_refused"
	ENotIndexed          = "not_yet_indexed"
	ENotMined            = "not_mined"
	EChainUnavailable    = "chain_unavailable"
	EIdempotencyMismatch = "idempotency_key_reused"
	EIdempotencyRunning  = "idempotency_in_progress"
	EReverted            = "transaction_reverted"
)

// statusOf is the one table from error code to HTTP status.
var statusOf = map[string]int{
	EInvalid:     http.StatusBadRequest,
	ENotFound:    http.StatusNotFound,
	ETooLarge:    http.StatusRequestEntityTooLarge,
	ERateLimited: http.StatusTooManyRequests,
	EUnsupported: http.StatusUnsupportedMediaType,
	EInternal:    http.StatusInternalServerError,

	EUnauthorized:        http.StatusUnauthorized,
	EForbidden:           http.StatusForbidden,
	ENotParticipant:      http.StatusForbidden,
	EInactive:            http.StatusForbidden,
	ENoKey:               http.StatusForbidden,
	EConflict:            http.StatusConflict,
	ERefused:             http.StatusConflict,
	ENotIndexed:          http.StatusAccepted,
	ENotMined:            http.StatusGatewayTimeout,
	EChainUnavailable:    http.StatusServiceUnavailable,
	EIdempotencyMismatch: http.StatusUnprocessableEntity,
	EIdempotencyRunning:  http.StatusConflict,
	EReverted:            http.StatusConflict,
}

// contractErrors maps every contract refusal to its API code, status and message. The code is
// the contract's error in snake case, so a client can tell "recalled" from "insufficient stock".
var contractErrors = []struct {
	err     error
	code    string
	status  int
	message string
}{
	{chain.ErrUnauthorized, "not_authorized", http.StatusForbidden, "Your account lacks the role this needs."},
	{chain.ErrAlreadyRegistered, "already_registered", http.StatusConflict, "This account is already a participant."},
	{chain.ErrNotRegistered, "not_registered", http.StatusNotFound, "This account is not a participant."},
	{chain.ErrAlreadyInactive, "already_inactive", http.StatusConflict, "This participant is already deactivated."},
	{chain.ErrInvalidRole, "invalid_role", http.StatusBadRequest, "Not a role a participant can have."},
	{chain.ErrInvalidGLN, "invalid_gln", http.StatusBadRequest, "Not a valid GLN."},
	{chain.ErrGLNInUse, "gln_in_use", http.StatusConflict, "Another participant already has this GLN."},
	{chain.ErrZeroAddress, "zero_address", http.StatusBadRequest, "The zero address cannot be used."},
	{chain.ErrCannotDeactivateSelf, "cannot_deactivate_self", http.StatusConflict, "A regulator cannot deactivate itself."},
	{chain.ErrDirectRoleChangeRefused, "role_change_refused", http.StatusForbidden, "Roles change only through participant registration."},
	{chain.ErrBadConfirmation, "bad_confirmation", http.StatusBadRequest, "Bad role renouncement confirmation."},
	{chain.ErrInvalidGTIN, "invalid_gtin", http.StatusBadRequest, "Not a valid GTIN."},
	{chain.ErrProductExists, "product_exists", http.StatusConflict, "This GTIN is already registered."},
	{chain.ErrUnknownProduct, "unknown_product", http.StatusNotFound, "No product with this GTIN is registered; register the product first."},
	{chain.ErrInvalidPackSize, "invalid_pack_size", http.StatusBadRequest, "The pack size must be at least 1."},
	{chain.ErrInactiveParticipant, "participant_inactive", http.StatusForbidden, "An active participant is needed for this (you, or the other party)."},
	{chain.ErrRoleNotAllowed, "role_not_allowed", http.StatusForbidden, "Your role cannot do this."},
	{chain.ErrNotProductOwner, "not_product_owner", http.StatusForbidden, "Only the product's owner registers its batches."},
	{chain.ErrBatchExists, "batch_exists", http.StatusConflict, "This batch (GTIN and lot) is already registered."},
	{chain.ErrUnknownBatch, "unknown_batch", http.StatusNotFound, "No such batch."},
	{chain.ErrInvalidLot, "invalid_lot", http.StatusBadRequest, "Not a valid lot."},
	{chain.ErrInvalidQuantity, "invalid_quantity", http.StatusBadRequest, "Not a valid quantity."},
	{chain.ErrInvalidExpiry, "invalid_expiry", http.StatusBadRequest, "Not a valid expiry date."},
	{chain.ErrInvalidPacksRoot, "invalid_packs_root", http.StatusBadRequest, "Not a valid packs root."},
	{chain.ErrNotBatchManufacturer, "not_batch_manufacturer", http.StatusForbidden, "Only the batch's manufacturer can do this."},
	{chain.ErrPublishOutOfOrder, "publish_out_of_order", http.StatusConflict, "Pack ids were published out of order."},
	{chain.ErrTooManyPacks, "too_many_packs", http.StatusBadRequest, "More pack ids than the batch has units."},
	{chain.ErrPacksNotPublished, "packs_not_published", http.StatusConflict, "The batch's packs are not all published yet."},
	{chain.ErrShipmentNotAllowed, "shipment_not_allowed", http.StatusForbidden, "Shipments cannot go in this direction."},
	{chain.ErrInsufficientStock, "insufficient_stock", http.StatusConflict, "You do not hold enough units of this batch."},
	{chain.ErrBatchRecalled, "batch_recalled", http.StatusConflict, "This batch has been recalled."},
	{chain.ErrBatchExpired, "batch_expired", http.StatusConflict, "This batch has expired."},
	{chain.ErrAlreadyRecalled, "already_recalled", http.StatusConflict, "This batch is already recalled."},
	{chain.ErrUnknownShipment, "unknown_shipment", http.StatusNotFound, "No such shipment."},
	{chain.ErrShipmentNotPending, "shipment_not_pending", http.StatusConflict, "This shipment is no longer pending."},
	{chain.ErrNotShipmentReceiver, "not_shipment_receiver", http.StatusForbidden, "Only the shipment's receiver can do this."},
	{chain.ErrNotShipmentSender, "not_shipment_sender", http.StatusForbidden, "Only the shipment's sender can do this."},
	{chain.ErrInvalidProof, "invalid_proof", http.StatusConflict, "The pack is not in this batch's registered pack list."},
	{chain.ErrInvalidMultiproof, "invalid_multiproof", http.StatusConflict, "The packs are not in this batch's registered pack list."},
	{chain.ErrInvalidReason, "invalid_reason", http.StatusBadRequest, "Not a decommission reason."},
	{chain.ErrAlreadyDecommission, "already_decommissioned", http.StatusConflict, "This pack is already decommissioned."},
	{chain.ErrNotDecommissioned, "not_decommissioned", http.StatusConflict, "This pack is not decommissioned; there is nothing to undo."},
	{chain.ErrUndoByOtherActor, "undo_by_other_actor", http.StatusForbidden, "Only the participant that decommissioned the pack can undo it."},
	{chain.ErrUndoWindowClosed, "undo_window_closed", http.StatusConflict, "The 10 days to undo a decommission have passed."},
	{chain.ErrUndoNotAllowed, "undo_not_allowed", http.StatusConflict, "A destroyed or stolen pack, or one of a recalled or expired batch, cannot be put back."},
	{chain.ErrReverted, EReverted, http.StatusConflict, "The transaction was refused by the contract."},
	{chain.ErrNotMined, ENotMined, http.StatusGatewayTimeout, "The transaction was sent but not mined in time; look it up before sending it again."},
	{tokens.ErrBadToken, EUnauthorized, http.StatusUnauthorized, "The API token is invalid or revoked."},
	{actions.ErrNotParticipant, ENotParticipant, http.StatusForbidden, "The token's account is not a registered participant."},
	{actions.ErrInactive, EInactive, http.StatusForbidden, "The token's participant has been deactivated."},
	{actions.ErrForbidden, EForbidden, http.StatusForbidden, "Your role cannot do this."},
	{actions.ErrNoKey, ENoKey, http.StatusForbidden, "This service does not hold your account's key."},
	{actions.ErrNotFound, ENotFound, http.StatusNotFound, "No such batch, shipment or pack."},
	{actions.ErrNotIndexed, ENotIndexed, http.StatusAccepted, "The transactions are mined; the mirror has not caught up yet, so reads may not show them for a moment."},
}

func init() {
	// Each contract code has its status in the one table.
	for _, c := range contractErrors {
		statusOf[c.code] = c.status
	}
}

func errorf(code, message string) *Error { return &Error{Code: code, Message: message} }

// errorCode returns the client-facing error for err: its own *Error, the code of a known
// refusal, else EInternal.
func errorCode(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	var inv *actions.InvalidError
	if errors.As(err, &inv) {
		return &Error{Code: EInvalid, Field: inv.Field, Message: inv.Message}, true
	}
	var ref *actions.RefusedError
	if errors.As(err, &ref) {
		return &Error{Code: ERefused, Message: ref.Message, Verdict: string(ref.Verdict)}, true
	}
	for _, c := range contractErrors {
		if errors.Is(err, c.err) {
			return &Error{Code: c.code, Message: c.message}, true
		}
	}
	return &Error{Code: EInternal, Message: "Something went wrong on our side; it has been logged."}, false
}
