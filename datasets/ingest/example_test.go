package ingest_test

import (
	"fmt"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
)

// A speech whose heading is missing is attributed from the Chair's
// floor-giving.
func ExampleIngester_Parse() {
	cfg, err := config.Default()
	if err != nil {
		panic(err)
	}
	in := ingest.New(cfg, gazetteer.Default())
	text := "Session 1-8 Transcript\n\n" +
		"Ambassador Gafoor\n\nThank you very much UK. Cuba, followed by Russian Federation. Cuba, please.\n\n" +
		"Chair, the information and communication technologies must be used for peaceful ends.\n\n" +
		"Ambassador Gafoor\n\nThank you, Cuba. Russian Federation, please.\n\n" +
		"Russia \n\nThank you very much, Mr. Chairman.\n"
	tr, err := in.Parse("example.txt", []byte(text))
	if err != nil {
		panic(err)
	}
	for _, t := range tr.Turns {
		fmt.Printf("%s %-10s %-3s inferred=%t %q\n", t.ID, t.Role, t.Code, t.Inferred, t.SpeakerRaw)
	}
	// Output:
	// example.t001 chair          inferred=false "Ambassador Gafoor"
	// example.t002 delegation CUB inferred=true ""
	// example.t003 chair          inferred=false "Ambassador Gafoor"
	// example.t004 delegation RUS inferred=false "Russia"
}
