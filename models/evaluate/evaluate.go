// Package evaluate scores stance predictions against a hand-annotated gold
// set: precision, recall and F1 per label and target, macro-F1, accuracy
// and the confusion matrix, and the list of disagreements.
//
// A gold item may record an alternative label that the annotator would
// also accept (annotation guide: "record the alternative you would also
// accept; score a prediction in either as correct"). A prediction equal to
// the alternative is scored as if the alternative were the gold label.
//
// For label ℓ with tp, fp, fn counted over a target's items:
//
//	P = tp/(tp+fp),  R = tp/(tp+fn),  F1 = 2PR/(P+R)
//
// (0 when a denominator is 0). Macro-F1 is the mean F1 over the position
// labels support, oppose and neutral, the labels users analyse; F1 of
// "none" (target not addressed) is reported but not averaged, since it
// dominates the items and would flatter the score. Labels that occur
// neither in the gold nor in the predictions of a target are left out of
// the mean.
package evaluate

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Labels in report order.
var Labels = []string{"support", "oppose", "neutral", "none"}

// PositionLabels are averaged in macro-F1.
var PositionLabels = []string{"support", "oppose", "neutral"}

// Item is one gold judgement.
type Item struct {
	File     string
	Seq      int
	Speaker  string
	Target   string
	Label    string
	Alt      string // also acceptable; empty if none
	Evidence string
	Note     string
}

// Key identifies an item.
type Key struct {
	File   string
	Seq    int
	Target string
}

// Key returns the item's key.
func (it Item) Key() Key { return Key{it.File, it.Seq, it.Target} }

// ReadGold reads a stance gold TSV (columns source_file, seq,
// speaker_code, target, label, alt_label, evidence, note; header first).
// Errors name the line.
func ReadGold(name string, r io.Reader) ([]Item, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Item
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 || strings.TrimSpace(line) == "" {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 6 {
			return nil, fmt.Errorf("%s: line %d: %d columns, want at least 6 (source_file, seq, speaker_code, target, label, alt_label)", name, n, len(c))
		}
		seq, err := strconv.Atoi(c[1])
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: seq %q is not a number", name, n, c[1])
		}
		it := Item{File: c[0], Seq: seq, Speaker: c[2], Target: c[3], Label: c[4], Alt: c[5]}
		if len(c) > 6 {
			it.Evidence = c[6]
		}
		if len(c) > 7 {
			it.Note = c[7]
		}
		if !slices.Contains(Labels, it.Label) || (it.Alt != "" && !slices.Contains(Labels, it.Alt)) {
			return nil, fmt.Errorf("%s: line %d: labels must be one of %v, got %q / %q", name, n, Labels, it.Label, it.Alt)
		}
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// Prediction is a model's label for an item.
type Prediction struct {
	Label    string
	Score    float64
	Evidence string
	Cues     []string
}

// Metrics are precision, recall and F1 of one label.
type Metrics struct {
	Label             string
	TP, FP, FN        int
	Precision, Recall float64
	F1                float64
	Support           int // gold items with this label (after alternatives)
}

// TargetReport is the evaluation of one target.
type TargetReport struct {
	Target    string
	Items     int
	Correct   int
	Accuracy  float64
	MacroF1   float64 // over PositionLabels present; NaN when none is
	PerLabel  []Metrics
	Confusion map[string]map[string]int // gold → predicted → count
}

// Disagreement is an item the model got wrong.
type Disagreement struct {
	Item       Item
	Prediction Prediction
}

// Report is the whole evaluation.
type Report struct {
	Targets       []TargetReport
	Disagreements []Disagreement
}

// Evaluate scores predictions (missing keys count as "none") against gold.
func Evaluate(gold []Item, pred map[Key]Prediction) Report {
	var rep Report
	byTarget := map[string][]Item{}
	var order []string
	for _, it := range gold {
		if _, ok := byTarget[it.Target]; !ok {
			order = append(order, it.Target)
		}
		byTarget[it.Target] = append(byTarget[it.Target], it)
	}
	for _, t := range order {
		tr := TargetReport{Target: t, Confusion: map[string]map[string]int{}}
		for _, l := range Labels {
			tr.Confusion[l] = map[string]int{}
		}
		for _, it := range byTarget[t] {
			p, ok := pred[it.Key()]
			if !ok {
				p = Prediction{Label: "none"}
			}
			g := it.Label
			if it.Alt != "" && p.Label == it.Alt {
				g = it.Alt
			}
			tr.Confusion[g][p.Label]++
			tr.Items++
			if g == p.Label {
				tr.Correct++
			} else {
				rep.Disagreements = append(rep.Disagreements, Disagreement{Item: it, Prediction: p})
			}
		}
		tr.finish()
		rep.Targets = append(rep.Targets, tr)
	}
	return rep
}

func (tr *TargetReport) finish() {
	if tr.Items > 0 {
		tr.Accuracy = float64(tr.Correct) / float64(tr.Items)
	}
	var f1s []float64
	for _, l := range Labels {
		m := Metrics{Label: l}
		for _, g := range Labels {
			for _, p := range Labels {
				n := tr.Confusion[g][p]
				switch {
				case g == l && p == l:
					m.TP += n
				case p == l:
					m.FP += n
				case g == l:
					m.FN += n
				}
			}
		}
		m.Support = m.TP + m.FN
		m.Precision = ratio(m.TP, m.TP+m.FP)
		m.Recall = ratio(m.TP, m.TP+m.FN)
		if m.Precision+m.Recall > 0 {
			m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
		}
		tr.PerLabel = append(tr.PerLabel, m)
		if slices.Contains(PositionLabels, l) && m.TP+m.FP+m.FN > 0 {
			f1s = append(f1s, m.F1)
		}
	}
	if len(f1s) == 0 {
		tr.MacroF1 = math.NaN()
	}
	for _, f := range f1s {
		tr.MacroF1 += f / float64(len(f1s))
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
