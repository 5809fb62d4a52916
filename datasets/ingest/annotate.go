package ingest

import (
	"regexp"
	"slices"
	"strings"
)

// annotateTurns numbers the turns and adds what follows from each turn's
// text and position: the agenda in force, floor-giving, procedural status
// and group statements.
func (in *Ingester) annotateTurns(tr *Transcript) {
	var st agendaState
	for i := range tr.Turns {
		t := &tr.Turns[i]
		t.Seq = i + 1
		t.ID = turnID(tr.Stem, t.Seq)
		t.Words = len(strings.Fields(t.Text))
		if t.Role == RoleChair {
			st = in.agenda.update(st, t.Text)
			if to, named, _ := in.floorGiven(t.Text); named {
				t.FloorTo = to.code
			}
		} else {
			t.OnBehalfOf = in.onBehalfOf(t.Text)
		}
		t.AgendaItem, t.AgendaTopic = st.item, st.topic
		t.Procedural = in.procedural(*t)
	}
}

// procedural reports whether a turn only manages the floor: a short
// delegation turn with a procedural cue ("was Colombia before me?", "I
// would defer"), or a short Chair turn that gives the floor.
func (in *Ingester) procedural(t Turn) bool {
	p := in.cfg.Procedural
	if t.Role == RoleChair {
		return t.FloorTo != "" && t.Words <= p.ChairMaxWords
	}
	if t.Words > p.MaxWords {
		return false
	}
	low := strings.ToLower(t.Text)
	for _, c := range p.Cues {
		if strings.Contains(low, strings.ToLower(c)) {
			return true
		}
	}
	return false
}

// behalfCue finds statements made for others: "on behalf of", "speaking
// for", "in the name of".
var behalfCue = regexp.MustCompile(`(?i)\b(on\s+behalf\s+of|speaking\s+for|speak\s+for|in\s+the\s+name\s+of)\b`)

// onBehalfOf returns the codes of the delegations and groups listed right
// after the first "on behalf of" in the turn: "on behalf of Germany,
// Estonia, Luxembourg and the Dominican Republic" → DEU, EST, LUX, DOM. The
// list ends at the first word that is not a name or a list word, so the
// candidate countries that merely align with an EU statement are not taken
// for its authors. Phrases that name no one ("on behalf of my delegation")
// give nothing.
func (in *Ingester) onBehalfOf(text string) []string {
	if l := strings.ToLower(text); !strings.Contains(l, "behalf") && !strings.Contains(l, "speak") && !strings.Contains(l, "name of") {
		return nil // no cue word: skip the regular expressions
	}
	for _, loc := range behalfCue.FindAllStringIndex(text, -1) {
		if reported.MatchString(text[max(0, loc[0]-reportedReach):loc[0]]) {
			continue
		}
		rest := text[loc[1]:]
		var codes []string
		prev := 0
		for _, m := range in.gaz.Find(rest) {
			if !listGap(rest[prev:m.Start]) {
				break
			}
			prev = m.End
			if !m.Demonym && !slices.Contains(codes, m.Code) {
				codes = append(codes, m.Code)
			}
		}
		if len(codes) > 0 {
			return codes
		}
	}
	return nil
}

// reported matches the end of "the statement delivered (by Egypt)" (on
// behalf of ...): a statement someone else made for a group, not the
// speaker's own.
// reportedReach bounds how far before "on behalf of" reported looks: its
// longest match ("read out earlier this morning by" and 80 characters)
// fits.
const reportedReach = 256

var reported = regexp.MustCompile(`(?i)\b(delivered|made|given|presented|read\s+out|read)(\s+([a-z]+\s+){0,3}?by\s+[^,.;:]{1,80}?)?[\s,]*$`)

// listWords may stand between the names of a list of delegations.
var listWords = map[string]bool{"the": true, "and": true, "its": true, "member": true, "states": true, "of": true,
	"as": true, "well": true, "a": true, "group": true, "countries": true, "namely": true, "following": true, "including": true,
	"cross": true, "regional": true, "cross-regional": true, "like-minded": true, "likeminded": true}

func listGap(gap string) bool {
	for _, w := range strings.FieldsFunc(gap, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' || r == ':' }) {
		if !listWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
