package alignment_test

import (
	"fmt"

	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/features/alignment"
)

// One turn by Australia: alignment with a list of delegations, agreement
// with a demonym reference, a negated support that becomes a disagreement,
// and a mention of Australia itself that is not an edge.
func ExampleExtractor_Extract() {
	x, err := alignment.New(gazetteer.Default())
	if err != nil {
		panic(err)
	}
	turn := "Thank you, Chair. Australia aligns with the statements of France and Egypt, " +
		"the European Union and many others as regards the Programme of Action. " +
		"As our Indian colleague said, capacity building must be demand driven. " +
		"We cannot support the proposal of Russia. As Australia said on Monday, we are ready to help."
	for _, e := range x.Extract(turn, "AUS") {
		fmt.Printf("%-4s %-18s %-20q %d-%d\n", e.Target, e.Kind, e.Cue, e.Start, e.End)
	}
	// Output:
	// EGY  aligns             "aligns with"        18-146
	// EU   aligns             "aligns with"        18-146
	// FRA  aligns             "aligns with"        18-146
	// IND  agrees             "As … said"          147-217
	// RUS  disagrees          "cannot support"     218-259
}

// Candidate countries that align themselves with a statement delivered by
// the EU are edges from them to the EU, with Source set.
func ExampleExtractor_Extract_candidates() {
	x, err := alignment.New(gazetteer.Default())
	if err != nil {
		panic(err)
	}
	turn := "I have the honour to speak on behalf of the EU and its member states. " +
		"The candidate countries Montenegro and Albania align themselves with this statement."
	for _, e := range x.Extract(turn, "EU") {
		fmt.Printf("%s -> %s %s\n", e.Source, e.Target, e.Kind)
	}
	// Output:
	// ALB -> EU aligns
	// MNE -> EU aligns
}
