package nlp_test

import (
	"fmt"

	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/nlp"
)

// Entities carry delegation codes from the gazetteer; offsets are shifted
// by the base offset so that they point into the whole transcript.
func ExampleAnnotator_Annotate() {
	a, err := nlp.New(gazetteer.Default(), nlp.Options{ProseEntities: false})
	if err != nil {
		panic(err)
	}
	ann := a.Annotate("Thank you, Chair. We align ourselves with the Russian Federation.", 100)
	fmt.Println(len(ann.Sentences), "sentences,", len(ann.Tokens), "tokens")
	for _, e := range ann.Entities {
		fmt.Println(e.Text, e.Code, e.Start, e.End)
	}
	// Output:
	// 2 sentences, 13 tokens
	// Russian Federation RUS 146 164
}
