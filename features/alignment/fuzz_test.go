package alignment

import (
	"os"
	"strings"
	"testing"
)

// FuzzExtract checks that Extract never panics on any input and that every
// edge it returns is well formed: valid offsets that cut out the evidence
// sentence, a known kind, a target, and the documented order.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"We align ourselves with the statement of the EU.",
		"As Mexico said, consensus is an aspiration.",
		"We cannot support the proposal of Russia's delegation, which we do not share.",
		"The candidate countries Montenegro and Albania align themselves with this statement.",
		"Germany\u2019s fully aligned with the statement of the european union and with the remarks of Portugal",
		"Like the EU delegation, ,, and and 's 's T ^ @ \u2019s",
		"Mr. U.S. e.g. para. 7.\n\n\nAs\u00a0France said",
		"non-aligned movement \xff\xfe on behalf of the ASEAN",
		"",
	}
	if src, err := os.ReadFile("../../datasets/corpus/oewg2-s1-m9.txt"); err == nil {
		for _, p := range strings.Split(string(src), "\n\n") {
			if strings.Contains(p, "align") || strings.Contains(p, "share the view") {
				seeds = append(seeds, p)
			}
		}
	}
	for _, s := range seeds {
		f.Add(s, "FRA")
	}
	f.Add("Estonia aligns itself with the statement of Estonia.", "EST")
	f.Add("Montenegro aligns itself with this statement.", "")
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text, speaker string) {
		es := x.Extract(text, speaker)
		for i, e := range es {
			if e.Start < 0 || e.Start > e.End || e.End > len(text) {
				t.Fatalf("edge %d: offsets %d-%d outside 0-%d", i, e.Start, e.End, len(text))
			}
			if text[e.Start:e.End] != e.Sentence || e.Sentence == "" {
				t.Fatalf("edge %d: text[%d:%d] = %q, Sentence %q", i, e.Start, e.End, text[e.Start:e.End], e.Sentence)
			}
			switch e.Kind {
			case Aligns, Agrees, SupportsStatement, SupportsProposal, Disagrees:
			default:
				t.Fatalf("edge %d: kind %q", i, e.Kind)
			}
			if e.Target == "" || e.Source == e.Target || (e.Source == "" && speaker != "" && e.Target == speaker) {
				t.Fatalf("edge %d: source %q target %q speaker %q", i, e.Source, e.Target, speaker)
			}
			if e.Source != "" && e.Target != speaker {
				t.Fatalf("edge %d: a sourced edge must point at the speaker: %+v", i, e)
			}
			if i > 0 {
				p := es[i-1]
				if p.Start > e.Start || p.Start == e.Start && (p.Target > e.Target || p.Target == e.Target && (p.Kind > e.Kind || p.Kind == e.Kind && p.Source >= e.Source)) {
					t.Fatalf("edges %d and %d out of order or duplicated: %+v %+v", i-1, i, p, e)
				}
			}
		}
	})
}
