package gs1_test

import (
	"fmt"
	"time"

	"github.com/pharmatrace/pharmatrace/gs1"
)

func ExampleParse() {
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, scanned := range []string{
		"https://id.gs1.org/01/09506000134352/10/ABC123/21/SN12345?17=261231", // phone camera
		"]d20109506000134352172612311" + "0ABC123\x1d21SN12345\r\n",           // DataMatrix scanner
		"(01)09506000134352(17)261231(10)ABC123(21)SN12345",                   // typed from the label
	} {
		c, err := gs1.Parse(scanned, now)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c.GTIN, c.Lot, c.Serial, c.Expiry.Format(time.DateOnly))
	}
	fmt.Printf("%q\n", gs1.Canonical(gs1.Code{GTIN: "09506000134352", Lot: "ABC123", Serial: "SN12345", ExpiryRaw: "261231"}))
	_, err := gs1.Parse("]D20109506000134352", now)
	fmt.Println(gs1.ErrorCodeOf(err))
	// Output:
	// 09506000134352 ABC123 SN12345 2026-12-31
	// 09506000134352 ABC123 SN12345 2026-12-31
	// 09506000134352 ABC123 SN12345 2026-12-31
	// "01095060001343521726123110ABC123\x1d21SN12345"
	// bad_symbology_id
}

func ExampleFormatDigitalLink() {
	c := gs1.Code{GTIN: "09506000134352", Lot: "AB/12", Serial: "SN1", ExpiryRaw: "261231", Sig: "0xabcd"}
	fmt.Println(gs1.FormatDigitalLink("https://verify.example.com", c))
	// Output:
	// https://verify.example.com/01/09506000134352/10/AB%2F12/21/SN1?17=261231&sig=0xabcd
}
