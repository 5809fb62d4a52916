package evaluate

import (
	"math"
	"strings"
	"testing"
)

func TestScoreEntities(t *testing.T) {
	gold := []Mention{
		{File: "a.txt", Start: 10, End: 16, Type: "GPE"},  // found, right type
		{File: "a.txt", Start: 20, End: 30, Type: "ORG"},  // found, wrong type
		{File: "a.txt", Start: 40, End: 45, Type: "GPE"},  // missed
		{File: "b.txt", Start: 10, End: 16, Type: "NORP"}, // found, wrong type
	}
	regions := []Region{{File: "a.txt", Start: 0, End: 50}, {File: "b.txt", Start: 0, End: 20}}
	pred := []Mention{
		{File: "a.txt", Start: 10, End: 16, Type: "GPE"},
		{File: "a.txt", Start: 10, End: 16, Type: "GPE"}, // duplicate: counts once
		{File: "a.txt", Start: 20, End: 30, Type: "GPE"},
		{File: "a.txt", Start: 21, End: 30, Type: "ORG"}, // partial span: wrong
		{File: "a.txt", Start: 60, End: 65, Type: "ORG"}, // outside the regions: ignored
		{File: "b.txt", Start: 10, End: 16, Type: "GPE"},
		{File: "c.txt", Start: 10, End: 16, Type: "GPE"}, // file not annotated: ignored
	}
	rep := ScoreEntities(gold, regions, pred)
	// Span: 4 predictions in regions, 3 correct; 4 gold.
	check := func(name string, s EntityScore, gold, predicted, correct int, p, r, f float64) {
		t.Helper()
		if s.Gold != gold || s.Predicted != predicted || s.Correct != correct ||
			math.Abs(s.Precision-p) > 1e-12 || math.Abs(s.Recall-r) > 1e-12 || math.Abs(s.F1-f) > 1e-12 {
			t.Errorf("%s = %+v, want gold %d predicted %d correct %d P %.4f R %.4f F1 %.4f", name, s, gold, predicted, correct, p, r, f)
		}
	}
	check("span", rep.Span, 4, 4, 3, 0.75, 0.75, 0.75)
	check("typed", rep.Typed, 4, 4, 1, 0.25, 0.25, 0.25)
	if g := rep.RecallByType["GPE"]; g.Gold != 2 || g.Correct != 1 || g.Recall != 0.5 {
		t.Errorf("GPE recall %+v, want 1 of 2", g)
	}
	if o := rep.RecallByType["ORG"]; o.Gold != 1 || o.Correct != 1 || o.Recall != 1 {
		t.Errorf("ORG recall %+v, want 1 of 1", o)
	}
}

func TestReadEntityGold(t *testing.T) {
	ok := "source_file\tbyte_start\tbyte_end\ttext\ttype\na.txt\t3\t9\tFrance\tGPE\n"
	got, err := ReadEntityGold("g.tsv", strings.NewReader(ok))
	if err != nil || len(got) != 1 || got[0] != (Mention{File: "a.txt", Start: 3, End: 9, Text: "France", Type: "GPE"}) {
		t.Fatalf("ReadEntityGold = %+v, %v", got, err)
	}
	bad := []struct{ text, want string }{
		{"file\tstart\n", "g.tsv: line 1: header"},
		{"source_file\tbyte_start\tbyte_end\ttext\ttype\na.txt\t3\t9\tFrance\n", "g.tsv: line 2: 4 fields"},
		{"source_file\tbyte_start\tbyte_end\ttext\ttype\na.txt\t9\t3\tFrance\tGPE\n", "g.tsv: line 2: bad byte span"},
		{"", "g.tsv: empty file"},
	}
	for _, b := range bad {
		if _, err := ReadEntityGold("g.tsv", strings.NewReader(b.text)); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%q: error %v, want %q", b.text, err, b.want)
		}
	}
}
