package gazetteer_test

import (
	"fmt"

	"github.com/plenary/plenary/datasets/gazetteer"
)

func ExampleGazetteer_Lookup() {
	g := gazetteer.Default()
	for _, heading := range []string{"The Netherlands ", "Russia", "Lao PDR", "Turkiye", "Ambassador Gafoor"} {
		e, ok := g.Lookup(heading)
		fmt.Printf("%q → %s %q %v\n", heading, e.Code, e.DisplayName, ok)
	}
	// Output:
	// "The Netherlands " → NLD "Netherlands" true
	// "Russia" → RUS "Russian Federation" true
	// "Lao PDR" → LAO "Lao PDR" true
	// "Turkiye" → TUR "Türkiye" true
	// "Ambassador Gafoor" →  "" false
}

func ExampleGazetteer_Find() {
	text := "We align ourselves with the EU and thank the Dominican Republic; the Russian position on the Korean Peninsula differs."
	for _, m := range gazetteer.Default().Find(text) {
		fmt.Printf("%d-%d %q %s demonym=%v\n", m.Start, m.End, text[m.Start:m.End], m.Code, m.Demonym)
	}
	// Output:
	// 28-30 "EU" EU demonym=false
	// 45-63 "Dominican Republic" DOM demonym=false
	// 69-76 "Russian" RUS demonym=true
}
