package evaluate

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// Format writes the report as plain text: per target, the metrics table,
// macro-F1 and the confusion matrix; then every disagreement with the
// model's evidence.
func (r Report) Format(w io.Writer) {
	for _, t := range r.Targets {
		macro := "n/a (no position labels)"
		if !math.IsNaN(t.MacroF1) {
			macro = fmt.Sprintf("%.3f", t.MacroF1)
		}
		fmt.Fprintf(w, "target %s: %d items, accuracy %.3f, macro-F1 (support/oppose/neutral) %s\n", t.Target, t.Items, t.Accuracy, macro)
		fmt.Fprintf(w, "  %-8s %9s %7s %7s %5s %4s %4s %4s\n", "label", "precision", "recall", "F1", "gold", "tp", "fp", "fn")
		for _, m := range t.PerLabel {
			fmt.Fprintf(w, "  %-8s %9.3f %7.3f %7.3f %5d %4d %4d %4d\n", m.Label, m.Precision, m.Recall, m.F1, m.Support, m.TP, m.FP, m.FN)
		}
		fmt.Fprintf(w, "  confusion (rows gold, columns predicted)\n  %-8s", "")
		for _, l := range Labels {
			fmt.Fprintf(w, " %8s", l)
		}
		fmt.Fprintln(w)
		for _, g := range Labels {
			fmt.Fprintf(w, "  %-8s", g)
			for _, p := range Labels {
				fmt.Fprintf(w, " %8d", t.Confusion[g][p])
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d disagreements\n", len(r.Disagreements))
	for _, d := range r.Disagreements {
		gold := d.Item.Label
		if d.Item.Alt != "" {
			gold += " (or " + d.Item.Alt + ")"
		}
		fmt.Fprintf(w, "- %s t%03d %s %s: gold %s, predicted %s (score %+.2f)\n", d.Item.File, d.Item.Seq, d.Item.Speaker, d.Item.Target, gold, d.Prediction.Label, d.Prediction.Score)
		if d.Prediction.Evidence != "" {
			fmt.Fprintf(w, "    model: %q [%s]\n", clip(d.Prediction.Evidence, 220), strings.Join(d.Prediction.Cues, ", "))
		}
		if d.Item.Evidence != "" {
			fmt.Fprintf(w, "    gold:  %q\n", clip(d.Item.Evidence, 220))
		}
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
