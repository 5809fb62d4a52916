package evaluate

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

const goldTSV = "source_file\tseq\tspeaker_code\ttarget\tlabel\talt_label\tevidence\tnote\n" +
	"a.txt\t2\tFRA\tp\tsupport\t\tWe support it.\t\n" +
	"a.txt\t4\tRUS\tp\toppose\tneutral\tWe oppose it.\t\n" +
	"a.txt\t6\tCHN\tp\tneutral\t\tWe take note.\t\n" +
	"a.txt\t8\tIND\tp\tnone\t\t\t\n" +
	"a.txt\t10\tBRA\tp\tsupport\t\t\t\n"

// TestArithmetic checks the metrics against values computed by hand.
//
// Predictions: FRA support (right), RUS neutral (the alternative: right),
// CHN support (wrong: gold neutral), IND none (right), BRA missing → none
// (wrong: gold support). Effective gold/pred pairs: (s,s) (n,n) (n,s)
// (none,none) (s,none).
//
//	support: tp 1, fp 1, fn 1 → P 1/2, R 1/2, F1 1/2
//	oppose:  no items, no predictions → left out of the mean
//	neutral: tp 1, fp 0, fn 1 → P 1, R 1/2, F1 2/3
//	macro-F1 = (1/2 + 2/3) / 2 = 7/12; accuracy 3/5.
func TestArithmetic(t *testing.T) {
	gold, err := ReadGold("g.tsv", strings.NewReader(goldTSV))
	if err != nil {
		t.Fatal(err)
	}
	pred := map[Key]Prediction{
		{"a.txt", 2, "p"}: {Label: "support"}, {"a.txt", 4, "p"}: {Label: "neutral"},
		{"a.txt", 6, "p"}: {Label: "support"}, {"a.txt", 8, "p"}: {Label: "none"},
	}
	rep := Evaluate(gold, pred)
	tr := rep.Targets[0]
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	if !near(tr.Accuracy, 3.0/5) || !near(tr.MacroF1, 7.0/12) {
		t.Errorf("accuracy %v macro %v, want 0.6 and 7/12", tr.Accuracy, tr.MacroF1)
	}
	want := map[string][3]float64{"support": {0.5, 0.5, 0.5}, "neutral": {1, 0.5, 2.0 / 3}, "oppose": {0, 0, 0}}
	for _, m := range tr.PerLabel {
		if w, ok := want[m.Label]; ok && (!near(m.Precision, w[0]) || !near(m.Recall, w[1]) || !near(m.F1, w[2])) {
			t.Errorf("%s: P %v R %v F1 %v, want %v", m.Label, m.Precision, m.Recall, m.F1, w)
		}
	}
	if len(rep.Disagreements) != 2 || rep.Disagreements[0].Item.Speaker != "CHN" || rep.Disagreements[1].Item.Speaker != "BRA" {
		t.Errorf("disagreements %+v", rep.Disagreements)
	}
	if tr.Confusion["neutral"]["support"] != 1 || tr.Confusion["neutral"]["neutral"] != 1 || tr.Confusion["support"]["none"] != 1 {
		t.Errorf("confusion %v", tr.Confusion)
	}
	var buf bytes.Buffer
	rep.Format(&buf)
	for _, s := range []string{"macro-F1 (support/oppose/neutral) 0.583", "a.txt t010 BRA p: gold support, predicted none"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, buf.String())
		}
	}
}

func TestNoPositionLabels(t *testing.T) {
	gold := []Item{{File: "a", Seq: 1, Target: "p", Label: "none"}}
	if tr := Evaluate(gold, nil).Targets[0]; !math.IsNaN(tr.MacroF1) || tr.Accuracy != 1 {
		t.Errorf("macro %v accuracy %v", tr.MacroF1, tr.Accuracy)
	}
}

func TestReadGoldErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"h\na.txt\tx\tFRA\tp\tsupport\t\n", "line 2: seq \"x\""},
		{"h\na.txt\t1\tFRA\tp\tmaybe\t\n", "line 2: labels must be one of"},
		{"h\na.txt\t1\tFRA\n", "line 2: 3 columns"},
	} {
		if _, err := ReadGold("g.tsv", strings.NewReader(c.text)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadGold: %v, want %q", err, c.want)
		}
	}
}
