package stance

import (
	"math"
	"slices"
	"strings"
)

// TurnStance is a turn's stance as the aggregation needs it.
type TurnStance struct {
	InterventionID string
	Delegation     string
	Target         string
	Label          string
	Raw            float64
}

// DelegationStance is a delegation's position on a target over all its
// turns in the corpus.
type DelegationStance struct {
	Delegation string
	Target     string
	Label      string  // support | oppose | neutral | none
	Score      float64 // tanh of the summed turn scores
	Turns      int     // turns that address the target
	Support    int     // of which labelled support
	Oppose     int
	Neutral    int
	Evidence   []string // ids of the turns whose label is the delegation's label
}

// Aggregate combines turn stances into one row per delegation and target,
// for every delegation in delegations and every target in targetIDs
// (label none where a delegation never addressed a target).
//
// Rule: the delegation's score is the sum of its turns' raw scores S; the
// label is support if S ≥ θ, oppose if S ≤ −θ, neutral otherwise — the
// same rule as for a turn, so one clear statement outweighs a neutral
// mention, and a delegation that said both is labelled by the balance. The
// evidence lists the turns whose own label equals the delegation's.
func Aggregate(turns []TurnStance, delegations, targetIDs []string, threshold float64) []DelegationStance {
	type key struct{ d, t string }
	groups := map[key][]TurnStance{}
	for _, t := range turns {
		k := key{t.Delegation, t.Target}
		groups[k] = append(groups[k], t)
	}
	ds := slices.Clone(delegations)
	slices.Sort(ds)
	var out []DelegationStance
	for _, d := range slices.Compact(ds) {
		for _, id := range targetIDs {
			out = append(out, aggregateOne(d, id, groups[key{d, id}], threshold))
		}
	}
	return out
}

func aggregateOne(d, target string, ts []TurnStance, threshold float64) DelegationStance {
	r := DelegationStance{Delegation: d, Target: target, Label: None, Turns: len(ts)}
	if len(ts) == 0 {
		return r
	}
	sum := 0.0
	for _, t := range ts {
		sum += t.Raw
		switch t.Label {
		case Support:
			r.Support++
		case Oppose:
			r.Oppose++
		default:
			r.Neutral++
		}
	}
	switch {
	case sum >= threshold:
		r.Label = Support
	case sum <= -threshold:
		r.Label = Oppose
	default:
		r.Label = Neutral
	}
	r.Score = math.Tanh(sum)
	for _, t := range ts {
		if t.Label == r.Label {
			r.Evidence = append(r.Evidence, t.InterventionID)
		}
	}
	slices.SortFunc(r.Evidence, strings.Compare)
	return r
}
