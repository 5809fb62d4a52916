package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/plenary/plenary/datasets/config"
)

// agendaState is the agenda item and topic in force.
type agendaState struct{ item, topic string }

// agendaTracker follows the Chair's announcements of agenda items.
type agendaTracker struct {
	topics   []config.Topic
	aliases  []phrase // all topic aliases, longest first
	cues     []*regexp.Regexp
	cueFirst []string // first word of each cue
	plans    []string
	sameDay  map[string]bool // plan cues that stay within the meeting
	closings []string
}

// phrase is a lower-case alias and the topic it names.
type phrase struct {
	text  string
	topic int
}

func newAgendaTracker(c config.Agenda) *agendaTracker {
	t := &agendaTracker{topics: c.Topics, cues: cuePatterns(lower(c.TransitionCues)), cueFirst: firstWords(lower(c.TransitionCues)), plans: lower(c.PlanCues), closings: lower(c.ClosingCues),
		sameDay: map[string]bool{}}
	for _, p := range lower(c.SameMeetingPlanCues) {
		t.sameDay[p] = true
	}
	for i, topic := range c.Topics {
		for _, a := range topic.Aliases {
			if a = strings.ToLower(strings.TrimSpace(a)); a != "" {
				t.aliases = append(t.aliases, phrase{a, i})
			}
		}
	}
	// Longest first, so "regular institutional dialogue" wins over
	// "institutional dialogue" at the same position.
	slices.SortStableFunc(t.aliases, func(x, y phrase) int { return len(y.text) - len(x.text) })
	return t
}

func lower(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// update reads a Chair turn and returns the agenda in force at its end.
func (a *agendaTracker) update(st agendaState, text string) agendaState {
	for _, s := range roughSentences(text) {
		st = a.sentence(st, strings.ToLower(text[s.start:s.end]))
	}
	return st
}

// sentence applies one sentence (lower case) of the Chair to the state. A
// sentence announces a topic when it has a transition cue and names a topic
// or an item after that cue (and after any closing cue), and is neither a
// plan nor a condition — unless no agenda is in force yet: then the
// Chair's plan for the meeting ("this afternoon we will take up agenda
// item three") is the best account of what the meeting is about.
func (a *agendaTracker) sentence(st agendaState, s string) agendaState {
	opening := st == agendaState{}
	for _, p := range a.plans {
		i := indexWord(s, p)
		if i < 0 || opening && a.sameDay[p] {
			continue
		}
		// A plan in a later coordinate clause leaves the clauses before
		// it in force: "we will devote this afternoon to agenda item
		// three, and we will take up agenda item five tomorrow".
		c := planClauseStart(s[:i])
		if c <= 0 {
			return st
		}
		s = s[:c]
	}
	from := -1
	for _, c := range a.closings {
		if i := indexWord(s, c); i >= 0 && i+len(c) > from {
			from = i + len(c)
		}
	}
	// The last cue that is followed by a topic or an item wins: "we have
	// concluded the sub-item relating to CBMs, and I would now like to
	// proceed to agenda item three".
	starts := a.cueStarts(s, max(from, 0))
	for k := len(starts) - 1; k >= 0; k-- {
		if laterClause(s[:starts[k]]) {
			continue // "… before we continue our discussions under item five": what comes next, not now
		}
		rest := s[starts[k]:]
		if topic, ok := a.firstTopic(rest); ok {
			return agendaState{item: a.topics[topic].Item, topic: a.topics[topic].ID}
		}
		if item, ok := itemNumber(rest); ok {
			if item != st.item {
				return agendaState{item: item}
			}
			return st
		}
	}
	// At the opening, with no agenda in force, a sentence that names an
	// agenda item sets it even without a transition cue ("This morning we
	// resume our consideration of agenda item 5 on regular institutional
	// dialogue").
	if opening && len(starts) == 0 {
		if item, ok := itemNumber(s); ok {
			if topic, ok := a.firstTopic(s); ok && a.topics[topic].Item == item {
				return agendaState{item: item, topic: a.topics[topic].ID}
			}
			return agendaState{item: item}
		}
	}
	// "I would like to take a few minutes, under organizational matters, to
	// return to a question ...": the topic is named before the cue, after
	// "under".
	if len(starts) > 0 {
		if topic, ok := a.underTopic(s[max(from, 0):]); ok {
			return agendaState{item: a.topics[topic].Item, topic: a.topics[topic].ID}
		}
	}
	return st
}

// planClauseStart returns where the last coordinate clause of before
// begins (at ", and", ", but" or ";"), or -1 when before is one clause.
func planClauseStart(before string) int {
	c := -1
	for _, sep := range []string{", and ", ", but ", "; "} {
		c = max(c, strings.LastIndex(before, sep))
	}
	return c
}

// laterClause reports whether a cue stands in a clause about what comes
// later: right after "before", "until" or "once", alone or with a
// subject pronoun ("before we", "before I open the floor, a brief word on
// agenda item three" is an aside before the item in force), or after
// "then we will" (see thenClause).
func laterClause(before string) bool {
	if thenClause.MatchString(before) {
		return true
	}
	b := strings.TrimSpace(before)
	for _, w := range []string{"before", "before we", "before i", "before you", "until we", "until i", "once we", "once i"} {
		if strings.HasSuffix(b, " "+w) || b == w {
			return true
		}
	}
	return false
}

// thenClause ends a clause that plans what comes after the item in force:
// "We will continue with agenda item three …, and then we will proceed to
// agenda item five", "we will complete the list of speakers on this item
// and then return to agenda item five".
var thenClause = regexp.MustCompile(`(?i)(\band\s+then|\b(then|afterwards|after\s+that|later)\s+(we|i)\s+(will|shall)(\s+also)?)\s*$`)

// underTopic returns the topic named right after "under" in s ("under
// organizational matters"), if any.
func (a *agendaTracker) underTopic(s string) (int, bool) {
	for i := indexWord(s, "under"); i >= 0; i = indexWordFrom(s, "under", i+1) {
		rest := strings.TrimLeft(s[i+len("under"):], " ")
		rest = strings.TrimPrefix(rest, "the ")
		for _, p := range a.aliases {
			if strings.HasPrefix(rest, p.text) {
				return p.topic, true
			}
		}
	}
	return 0, false
}

// cueGap is how many words may stand between the words of a transition
// cue ("proceed this morning to").
const cueGap = 2

// firstWords returns the first word of each phrase.
func firstWords(phrases []string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(p)[0]
	}
	return out
}

// cuePatterns compiles transition cues into word patterns that allow up to
// cueGap words between their words.
func cuePatterns(cues []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, c := range cues {
		words := strings.Fields(c)
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		gap := fmt.Sprintf(`(?:\s+\S+){0,%d}\s+`, cueGap)
		out = append(out, regexp.MustCompile(`\b`+strings.Join(words, gap)+`\b`))
	}
	return out
}

// cueStarts returns the sorted start offsets of transition cues in s at or
// after from.
func (a *agendaTracker) cueStarts(s string, from int) []int {
	var starts []int
	for k, re := range a.cues {
		if !strings.Contains(s[from:], a.cueFirst[k]) {
			continue // the cue's first word is absent: skip the regular expression
		}
		for _, loc := range re.FindAllStringIndex(s[from:], -1) {
			starts = append(starts, from+loc[0])
		}
	}
	slices.Sort(starts)
	return starts
}

// firstTopic returns the topic whose alias occurs first in s.
func (a *agendaTracker) firstTopic(s string) (int, bool) {
	best, topic := -1, 0
	for _, p := range a.aliases {
		if i := indexWord(s, p.text); i >= 0 && (best < 0 || i < best) {
			best, topic = i, p.topic
		}
	}
	return topic, best >= 0
}

var (
	itemRe      = regexp.MustCompile(`\b(?:agenda\s+item|agenda|item)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b`)
	numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
		"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}
)

// itemNumber finds the first agenda item number in s ("agenda item five",
// "item 3"), ignoring sub-items ("sub-item six").
func itemNumber(s string) (string, bool) {
	for _, m := range itemRe.FindAllStringSubmatchIndex(s, -1) {
		before := s[:m[0]]
		if strings.HasSuffix(before, "sub-") || strings.HasSuffix(before, "sub ") || strings.HasSuffix(before, "sub") {
			continue
		}
		n := s[m[2]:m[3]]
		if d, ok := numberWords[n]; ok {
			n = d
		}
		return n, true
	}
	return "", false
}

// indexWord finds phrase p in s at word boundaries.
func indexWord(s, p string) int { return indexWordFrom(s, p, 0) }

func indexWordFrom(s, p string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], p)
		if i < 0 {
			return -1
		}
		i += from
		if isBoundary(s, i-1) && isBoundary(s, i+len(p)) {
			return i
		}
		from = i + 1
	}
	return -1
}

func containsWord(s, p string) bool { return indexWord(s, p) >= 0 }

// isBoundary reports whether position i of s is outside a word (or outside
// the string).
func isBoundary(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80)
}
