// Package epcis exports the SQL mirror's events as a GS1 EPCIS 2.0 JSON-LD document: one
// ObjectEvent per custody move, pack decommissioning, recall and expiry, with Core Business
// Vocabulary (CBV 2.0) business steps and dispositions, GS1 Digital Link identifiers, and event
// IDs computed with CBV 2.0's event hash algorithm (see PreHash).
//
// Identifiers:
//
//   - Products: the mirror knows a batch (GTIN + lot) and its pack ids, never the serials (they
//     are hashed on chain). Custody moves therefore carry a class-level quantityList with the
//     LGTIN https://id.gs1.org/01/{gtin}/10/{lot}; a decommissioned pack carries an epcList
//     entry https://id.gs1.org/01/{gtin}/10/{lot}/21/{serial} only when Options.Serials can name
//     its serial, else the LGTIN with quantity 1 — and always its pack id in pharmatrace:packId.
//   - Locations and parties: GS1 Digital Link, https://id.gs1.org/414/{GLN} (a location) and
//     https://id.gs1.org/417/{GLN} (a party), not urn:epc:id:sgln. An SGLN splits the GLN into
//     GS1 Company Prefix and location reference, and the prefix's length is not in the GLN nor
//     anywhere in the mirror, so an SGLN could only be guessed; the Digital Link form needs only
//     the 13 digits, matches the Digital Link product ids, and is what the CBV 2.0 event hash
//     canonicalises SGLNs into anyway.
//   - Business transactions: the Ethereum transaction that emitted the event, typed
//     pharmatrace:ethereumTransaction.
package epcis

// The JSON-LD contexts the documents use.
const (
	// ContextURI is GS1's EPCIS 2.0 JSON-LD context.
	ContextURI = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
	// Namespace is the IRI of PharmaTrace's EPCIS extension terms (pharmatrace:packId, …),
	// bound to the prefix "pharmatrace" in every document's @context.
	Namespace = "https://pharmatrace.github.io/ns/epcis/"
	// Prefix is the CURIE prefix bound to Namespace.
	Prefix = "pharmatrace"
	// cbvmdaNamespace is what the EPCIS context binds "cbvmda" to (CBV master data attributes,
	// used in ILMD).
	cbvmdaNamespace = "urn:epcglobal:cbv:mda:"
	// DigitalLinkBase is the canonical GS1 Digital Link resolver every identifier is written under.
	DigitalLinkBase = "https://id.gs1.org"
)

// EPCIS actions.
const (
	ActionAdd     = "ADD"
	ActionObserve = "OBSERVE"
	ActionDelete  = "DELETE"
)

// CBV 2.0 business steps used by the export, in the bare-string form EPCIS 2.0 JSON uses.
const (
	StepCommissioning   = "commissioning"
	StepShipping        = "shipping"
	StepReceiving       = "receiving"
	StepVoidShipping    = "void_shipping"
	StepDispensing      = "dispensing"
	StepDestroying      = "destroying"
	StepDecommissioning = "decommissioning"
)

// CBV 2.0 dispositions used by the export.
const (
	DispActive     = "active"
	DispInTransit  = "in_transit"
	DispInProgress = "in_progress"
	DispReturned   = "returned"
	DispDispensed  = "dispensed"
	DispDestroyed  = "destroyed"
	DispStolen     = "stolen"
	DispInactive   = "inactive"
	DispRecalled   = "recalled"
	DispExpired    = "expired"
)

// CBV 2.0 source/destination types.
const (
	SDTPossessingParty = "possessing_party"
	SDTLocation        = "location"
)

// BizTransactionType is the type of every bizTransaction the export writes: the chain
// transaction that recorded the event. CBV has no type for it, so it is an extension term.
const BizTransactionType = Prefix + ":ethereumTransaction"

// Document is an EPCIS 2.0 document (type EPCISDocument) in its JSON-LD binding.
type Document struct {
	Context       []any  `json:"@context"`
	Type          string `json:"type"`
	SchemaVersion string `json:"schemaVersion"`
	CreationDate  string `json:"creationDate"`
	Body          Body   `json:"epcisBody"`
}

// Body is a document's epcisBody.
type Body struct {
	EventList []ObjectEvent `json:"eventList"`
}

// ObjectEvent is an EPCIS ObjectEvent with the fields this export uses. Bare strings in BizStep,
// Disposition and the list types are CBV 2.0 terms, expanded by the EPCIS context.
type ObjectEvent struct {
	Type                string            `json:"type"`
	EventID             string            `json:"eventID"`
	EventTime           string            `json:"eventTime"`
	EventTimeZoneOffset string            `json:"eventTimeZoneOffset"`
	EPCList             []string          `json:"epcList,omitempty"`
	QuantityList        []QuantityElement `json:"quantityList,omitempty"`
	Action              string            `json:"action"`
	BizStep             string            `json:"bizStep,omitempty"`
	Disposition         string            `json:"disposition,omitempty"`
	ReadPoint           *Location         `json:"readPoint,omitempty"`
	BizLocation         *Location         `json:"bizLocation,omitempty"`
	BizTransactionList  []BizTransaction  `json:"bizTransactionList,omitempty"`
	SourceList          []Source          `json:"sourceList,omitempty"`
	DestinationList     []Destination     `json:"destinationList,omitempty"`
	// ILMD is instance/lot master data (only with action ADD), keyed by CURIE, e.g.
	// "cbvmda:itemExpirationDate".
	ILMD map[string]string `json:"ilmd,omitempty"`

	// PharmaTrace extensions (user extension elements, in Namespace).

	// PackID is the decommissioned or reactivated pack's id on chain (0x-hex).
	PackID string `json:"pharmatrace:packId,omitempty"`
	// ShipmentID is the ledger's shipment number, for shipment events.
	ShipmentID uint64 `json:"pharmatrace:shipmentId,omitempty"`
	// Reason is the EU FMD decommission reason (supplied, destroyed, stolen, sample,
	// free_sample, exported, locked), or the recall's free-text reason.
	Reason string `json:"pharmatrace:reason,omitempty"`
	// Reactivated marks the undo of a decommissioning (the pack is active again).
	Reactivated bool `json:"pharmatrace:reactivated,omitempty"`
}

// QuantityElement is a quantity of a class of objects (an LGTIN). With no uom, Quantity counts
// packs.
type QuantityElement struct {
	EPCClass string  `json:"epcClass"`
	Quantity float64 `json:"quantity"`
	UOM      string  `json:"uom,omitempty"`
}

// Location is a readPoint or a bizLocation.
type Location struct {
	ID string `json:"id"`
}

// BizTransaction is a business transaction an event belongs to.
type BizTransaction struct {
	Type           string `json:"type,omitempty"`
	BizTransaction string `json:"bizTransaction"`
}

// Source is where (or from whom) objects came in a transfer.
type Source struct {
	Type   string `json:"type"`
	Source string `json:"source"`
}

// Destination is where (or to whom) objects go in a transfer.
type Destination struct {
	Type        string `json:"type"`
	Destination string `json:"destination"`
}
