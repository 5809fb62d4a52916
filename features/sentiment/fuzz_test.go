package sentiment

import "testing"

// FuzzSentence feeds arbitrary text to Sentence: it must not panic, and the
// result must keep its invariants (compound in [-1, 1], proportions adding
// up to 1 or 0, a courtesy sentence has no substantive tone).
func FuzzSentence(f *testing.F) {
	for _, s := range []string{
		"",
		"We thank you, Mr. Chair, for your tireless efforts.",
		"We do not support this.",
		"Malicious actors attack critical infrastructure.",
		"NOT GOOD!!!! ???",
		"[unclear] [ ] ] [ concern[s]",
		"Mr. Mr. . , ; : -- – — … ’ ‘ ʼ",
		"Although, however, but not only no doubt",
		"\xff\xfe invalid utf-8 \x00",
		"Thank you very much Costa Rica and Bosnia and Herzegovina of the of",
	} {
		f.Add(s)
	}
	sc, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSentence(t, text, sc.Sentence(text))
		sc.Turn([]string{text, text})
	})
}
