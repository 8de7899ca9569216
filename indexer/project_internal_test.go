package indexer

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// TestReadShipmentMatchesABI: the direct read of shipment events gives what the ABI decoder
// gives, for every shipment event of a chain, and leaves malformed words to the decoder.
func TestReadShipmentMatchesABI(t *testing.T) {
	c := chaintest.New(t)
	gtin := chaintest.GTIN(5)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	b := c.RegisterBatch(t, c.Manufacturer, gtin, "SHIP", 40)
	c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 17)
	id, _, err := c.Client.Ship(t.Context(), c.Distributor.Opts, b.ID, c.Pharmacy.Address, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client.RejectShipment(t.Context(), c.Pharmacy.Opts, id); err != nil {
		t.Fatal(err)
	}
	id, _, err = c.Client.Ship(t.Context(), c.Distributor.Opts, b.ID, c.Pharmacy.Address, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client.CancelShipment(t.Context(), c.Distributor.Opts, id); err != nil {
		t.Fatal(err)
	}
	p, err := newProjector(c.Client.Addresses())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, l := range c.Logs(t) {
		name := p.topics[l.Topics[0]]
		if _, ok := shipmentStatus[name]; !ok {
			continue
		}
		seen[name]++
		want, err := p.unpackShipment(name, &l)
		if err != nil {
			t.Fatalf("%s: ABI decoder: %v", name, err)
		}
		got, ok := readShipment(&l)
		if !ok || got != want {
			t.Errorf("%s: read %+v (ok %v), ABI decoder %+v", name, got, ok, want)
		}
		bad := l
		bad.Data = append([]byte(nil), l.Data...)
		bad.Data[0] = 1 // an address with its upper bytes set: not a valid address word
		if _, ok := readShipment(&bad); ok {
			t.Errorf("%s: a malformed address word was read directly", name)
		}
		short := l
		short.Topics = []common.Hash{l.Topics[0]}
		if _, ok := readShipment(&types.Log{Topics: short.Topics, Data: l.Data}); ok {
			t.Errorf("%s: a log without its indexed topics was read directly", name)
		}
	}
	for _, name := range []string{"Shipped", "ShipmentReceived", "ShipmentRejected", "ShipmentCancelled"} {
		if seen[name] == 0 {
			t.Errorf("no %s event in the chain: the test checks nothing for it", name)
		}
	}
}
