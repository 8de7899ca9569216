package epcis_test

import (
	"strings"
	"testing"

	"github.com/pharmatrace/pharmatrace/epcis"
)

// TestEventIDMatchesGS1Reference rebuilds events from the published test vectors of GS1's
// reference implementation of the CBV 2.0 event hash (github.com/RalphTro/epcis-event-hash-generator,
// tests/examples/expected/CBV2.0: epcisDocWithShippingAndTransportingEvent and
// epcisDocWithVariousEventTypes) and expects the same event IDs. The lists are given out of
// order and the times in a local offset, so sorting and UTC normalisation are exercised.
func TestEventIDMatchesGS1Reference(t *testing.T) {
	tests := []struct {
		name string
		e    epcis.ObjectEvent
		want string
	}{
		{
			name: "departing with transaction, source and destination",
			e: epcis.ObjectEvent{
				Type: "ObjectEvent", EventTime: "2022-02-16T12:50:00+01:00", EventTimeZoneOffset: "+01:00",
				EPCList: []string{"https://id.gs1.org/00/140123451122233341"},
				Action:  "OBSERVE", BizStep: "departing",
				ReadPoint:          &epcis.Location{ID: "https://id.gs1.org/414/4012345000221"},
				BizTransactionList: []epcis.BizTransaction{{Type: "desadv", BizTransaction: "urn:epcglobal:cbv:bt:4012345000009:ASN1099"}},
				SourceList:         []epcis.Source{{Type: "possessing_party", Source: "https://id.gs1.org/417/4012345000009"}},
				DestinationList:    []epcis.Destination{{Type: "possessing_party", Destination: "https://id.gs1.org/417/4023333000000"}},
			},
			want: "ni:///sha-256;2919bf0587534fef0e25eea97b5dda68f345e6bbf2c6b4cb27b2a52e0039272b?ver=CBV2.0",
		},
		{
			name: "receiving with unsorted typed lists",
			e: epcis.ObjectEvent{
				Type: "ObjectEvent", EventTime: "2019-10-21T12:00:30.000+01:00", EventTimeZoneOffset: "+01:00",
				EPCList: []string{"https://id.gs1.org/00/052000011111111461"},
				Action:  "OBSERVE", BizStep: "receiving",
				ReadPoint: &epcis.Location{ID: "https://id.gs1.org/414/4012345000122"},
				BizTransactionList: []epcis.BizTransaction{
					{Type: "inv", BizTransaction: "urn:epcglobal:cbv:bt:5200001000008:RE1099"},
					{Type: "desadv", BizTransaction: "urn:epcglobal:cbv:bt:5200001000008:4711"},
				},
				SourceList: []epcis.Source{
					{Type: "possessing_party", Source: "https://id.gs1.org/417/4000001000128"},
					{Type: "owning_party", Source: "https://id.gs1.org/417/4000001000128"},
				},
				DestinationList: []epcis.Destination{
					{Type: "possessing_party", Destination: "https://id.gs1.org/417/4012345000009"},
					{Type: "location", Destination: "https://id.gs1.org/414/4012345000122"},
					{Type: "owning_party", Destination: "https://id.gs1.org/417/4012345000009"},
				},
			},
			want: "ni:///sha-256;ef43acf0e69951f79739f603f714893784648a41bac3f58035b5830a978a2631?ver=CBV2.0",
		},
		{
			name: "commissioning a class with ILMD",
			e: epcis.ObjectEvent{
				Type: "ObjectEvent", EventTime: "2019-10-21T14:58:56+02:00", EventTimeZoneOffset: "+02:00",
				QuantityList: []epcis.QuantityElement{{EPCClass: "https://id.gs1.org/01/04054739999148/10/20160711", Quantity: 600, UOM: "KGM"}},
				Action:       "ADD", BizStep: "commissioning",
				ReadPoint: &epcis.Location{ID: "https://id.gs1.org/414/4054739000011"},
				ILMD:      map[string]string{"cbvmda:bestBeforeDate": "2019-10-21"},
			},
			want: "ni:///sha-256;5f396ea5cb32fe4d0980cb79f5a5eb9640559e9f5a6cefa5c98a7d6ad554b50b?ver=CBV2.0",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := epcis.EventID(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				pre, _ := epcis.PreHash(tt.e)
				t.Errorf("event ID %s, want %s\npre-hash: %s", got, tt.want, pre)
			}
		})
	}
}

// TestPreHashOfAnExportedEvent pins the canonical form of the parts the GS1 vectors do not
// cover: a serialised Digital Link constrained to GTIN + serial, the PharmaTrace bizTransaction
// type and user extensions as {namespace}name=value.
func TestPreHashOfAnExportedEvent(t *testing.T) {
	e := epcis.ObjectEvent{
		Type: "ObjectEvent", EventTime: "2031-03-01T08:00:07.000Z", EventTimeZoneOffset: "+00:00",
		EPCList: []string{"https://id.gs1.org/01/09506000130076/10/EP-1/21/EP-1-0"},
		Action:  "OBSERVE", BizStep: "dispensing", Disposition: "dispensed",
		ReadPoint:          &epcis.Location{ID: "https://id.gs1.org/414/9506000000076"},
		BizLocation:        &epcis.Location{ID: "https://id.gs1.org/414/9506000000076"},
		BizTransactionList: []epcis.BizTransaction{{Type: epcis.BizTransactionType, BizTransaction: "https://pharmatrace.github.io/ns/epcis/tx/0xab"}},
		PackID:             "0x01",
		Reason:             "supplied",
	}
	want := "eventType=ObjectEvent" +
		"eventTime=2031-03-01T08:00:07.000Z" +
		"eventTimeZoneOffset=+00:00" +
		"epcListepc=https://id.gs1.org/01/09506000130076/21/EP-1-0" +
		"action=OBSERVE" +
		"bizStep=https://ref.gs1.org/cbv/BizStep-dispensing" +
		"disposition=https://ref.gs1.org/cbv/Disp-dispensed" +
		"readPointid=https://id.gs1.org/414/9506000000076" +
		"bizLocationid=https://id.gs1.org/414/9506000000076" +
		"bizTransactionListtype=https://pharmatrace.github.io/ns/epcis/ethereumTransaction" +
		"bizTransaction=https://pharmatrace.github.io/ns/epcis/tx/0xab" +
		"{https://pharmatrace.github.io/ns/epcis/}packId=0x01" +
		"{https://pharmatrace.github.io/ns/epcis/}reason=supplied"
	got, err := epcis.PreHash(e)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("pre-hash\n got %s\nwant %s", got, want)
	}
}

// TestEventIDChangesWithEveryField: any change to a hashed field must change the ID.
func TestEventIDChangesWithEveryField(t *testing.T) {
	base := func() epcis.ObjectEvent {
		return epcis.ObjectEvent{
			Type: "ObjectEvent", EventTime: "2031-03-01T08:00:01.000Z", EventTimeZoneOffset: "+00:00",
			QuantityList:       []epcis.QuantityElement{{EPCClass: "https://id.gs1.org/01/09506000130076/10/EP-1", Quantity: 5}},
			Action:             "OBSERVE",
			BizStep:            "shipping",
			Disposition:        "in_transit",
			ReadPoint:          &epcis.Location{ID: "https://id.gs1.org/414/9506000000021"},
			BizTransactionList: []epcis.BizTransaction{{Type: epcis.BizTransactionType, BizTransaction: "https://x.example/tx/1"}},
			SourceList:         []epcis.Source{{Type: "possessing_party", Source: "https://id.gs1.org/417/9506000000021"}},
			DestinationList:    []epcis.Destination{{Type: "possessing_party", Destination: "https://id.gs1.org/417/9506000000045"}},
			ShipmentID:         1,
		}
	}
	id0, err := epcis.EventID(base())
	if err != nil {
		t.Fatal(err)
	}
	changes := map[string]func(*epcis.ObjectEvent){
		"eventTime":   func(e *epcis.ObjectEvent) { e.EventTime = "2031-03-01T08:00:02.000Z" },
		"offset":      func(e *epcis.ObjectEvent) { e.EventTimeZoneOffset = "+01:00" },
		"quantity":    func(e *epcis.ObjectEvent) { e.QuantityList[0].Quantity = 4 },
		"epcClass":    func(e *epcis.ObjectEvent) { e.QuantityList[0].EPCClass += "X" },
		"action":      func(e *epcis.ObjectEvent) { e.Action = "ADD" },
		"bizStep":     func(e *epcis.ObjectEvent) { e.BizStep = "receiving" },
		"disposition": func(e *epcis.ObjectEvent) { e.Disposition = "in_progress" },
		"readPoint":   func(e *epcis.ObjectEvent) { e.ReadPoint.ID = "https://id.gs1.org/414/9506000000045" },
		"bizLocation": func(e *epcis.ObjectEvent) {
			e.BizLocation = &epcis.Location{ID: "https://id.gs1.org/414/9506000000021"}
		},
		"bizTransaction": func(e *epcis.ObjectEvent) { e.BizTransactionList[0].BizTransaction = "https://x.example/tx/2" },
		"source":         func(e *epcis.ObjectEvent) { e.SourceList[0].Source = "https://id.gs1.org/417/9506000000038" },
		"destination":    func(e *epcis.ObjectEvent) { e.DestinationList[0].Type = "owning_party" },
		"ilmd":           func(e *epcis.ObjectEvent) { e.ILMD = map[string]string{"cbvmda:lotNumber": "EP-1"} },
		"shipmentId":     func(e *epcis.ObjectEvent) { e.ShipmentID = 2 },
		"packId":         func(e *epcis.ObjectEvent) { e.PackID = "0x01" },
		"reason":         func(e *epcis.ObjectEvent) { e.Reason = "stolen" },
		"reactivated":    func(e *epcis.ObjectEvent) { e.Reactivated = true },
		"epcList instead": func(e *epcis.ObjectEvent) {
			e.QuantityList, e.EPCList = nil, []string{"https://id.gs1.org/01/09506000130076/21/1"}
		},
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			e := base()
			change(&e)
			id, err := epcis.EventID(e)
			if err != nil {
				t.Fatal(err)
			}
			if id == id0 {
				t.Errorf("changing %s left the event ID %s", name, id)
			}
		})
	}
	// Not hashed: the eventID itself, and the order of list elements.
	e := base()
	e.EventID = "urn:uuid:whatever"
	if id, _ := epcis.EventID(e); id != id0 {
		t.Errorf("eventID field changed the hash: %s, want %s", id, id0)
	}
	if _, err := epcis.EventID(epcis.ObjectEvent{EventTime: "yesterday"}); err == nil || !strings.Contains(err.Error(), "eventTime") {
		t.Errorf("bad eventTime: err = %v, want an eventTime error", err)
	}
}
