package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/plenary/plenary/models/stance"
	"github.com/plenary/plenary/pipeline"
)

// stanceMarks are the one-letter labels of the terminal table.
var stanceMarks = map[string]string{stance.Support: "support", stance.Oppose: "OPPOSE", stance.Neutral: "neutral", stance.None: "."}

// printStanceTable prints delegation × target stance for the delegations
// that addressed at least one target: the table a user checks first.
func printStanceTable(w io.Writer, rep *pipeline.Report) {
	byDel := map[string]map[string]stance.DelegationStance{}
	var order []string
	for _, d := range rep.Delegations {
		if byDel[d.Delegation] == nil {
			byDel[d.Delegation] = map[string]stance.DelegationStance{}
			order = append(order, d.Delegation)
		}
		byDel[d.Delegation][d.Target] = d
	}
	var rows []string
	for _, code := range order {
		addressed := false
		for _, t := range rep.Targets {
			addressed = addressed || byDel[code][t].Label != stance.None
		}
		if addressed {
			rows = append(rows, code)
		}
	}
	if len(rows) == 0 {
		fmt.Fprintln(w, "no delegation addressed a stance target")
		return
	}
	fmt.Fprintf(w, "\nstance by delegation (turns addressing the target in brackets)\n%-10s", "delegation")
	for _, t := range rep.Targets {
		fmt.Fprintf(w, " %-14s", t)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, strings.Repeat("-", 10+15*len(rep.Targets)))
	for _, code := range rows {
		fmt.Fprintf(w, "%-10s", code)
		for _, t := range rep.Targets {
			d := byDel[code][t]
			cell := stanceMarks[d.Label]
			if d.Turns > 0 {
				cell += fmt.Sprintf(" (%d)", d.Turns)
			}
			fmt.Fprintf(w, " %-14s", cell)
		}
		fmt.Fprintln(w)
	}
}
