package targets

import (
	"regexp"
	"strings"
)

// namedItem finds a speaker announcing the agenda item a part of the
// statement is on: "on agenda item three", "turning to item 5", "under
// item five". Only at the start of a sentence (see itemReach): "the
// principles we have defended under agenda item three" refers back, it
// does not change the subject.
var namedItem = regexp.MustCompile(`(?i)\b(?:on|under|to|regarding|concerning|for|about|as regards|as for|with regard to)\s+(?:the\s+)?(?:agenda\s+)?item\s+(?:number\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b`)

// itemReach is how many words may come before the item announcement
// ("First, on agenda item three", "Now, Chair, turning to item 5").
const itemReach = 4

// itemNumbers spells the item numbers a speaker may say in words.
var itemNumbers = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
}

// localAgenda gives each sentence of t the agenda it is spoken under. A
// delegation that takes several items in one statement names them ("First,
// on agenda item three, … Second, on item five, …"): from the sentence
// that names an item, that item is the context in which anaphors and
// implicit cues are read, whatever item the Chair has opened (the
// Chair's topic then no longer applies), until a sentence names another
// item or names a target outside that item's context ("Egypt continues
// to support the POA"), which returns the turn to the Chair's agenda.
func (r *Resolver) localAgenda(t Turn, sents []sentenceWords, named []Mention) []Turn {
	out := make([]Turn, len(sents))
	cur := t
	for i, s := range sents {
		if cur.AgendaItem != t.AgendaItem && r.namesOutside(cur, i, named) {
			cur = t
		}
		if item, ok := itemNamed(s.text); ok && item != cur.AgendaItem {
			cur = t
			cur.AgendaItem = item
			if item != t.AgendaItem {
				cur.AgendaTopic = ""
			}
		}
		out[i] = cur
	}
	return out
}

// namesOutside reports whether sentence i names a target whose context
// is not turn t's agenda.
func (r *Resolver) namesOutside(t Turn, i int, named []Mention) bool {
	for _, m := range named {
		if m.Sentence == i && m.Kind == KindName {
			if ti := r.index(m.Target); ti >= 0 && !r.set.Targets[ti].Context.Matches(t.AgendaItem, t.AgendaTopic) {
				return true
			}
		}
	}
	return false
}

// itemNamed returns the number of the agenda item a sentence announces.
func itemNamed(sentence string) (string, bool) {
	if !strings.Contains(strings.ToLower(sentence), "item") {
		return "", false
	}
	m := namedItem.FindStringSubmatchIndex(sentence)
	if m == nil || len(strings.Fields(sentence[:m[0]])) > itemReach {
		return "", false
	}
	num := sentence[m[2]:m[3]]
	if n, ok := itemNumbers[strings.ToLower(num)]; ok {
		return n, true
	}
	return num, true
}

// SoleContext returns the one target under discussion in turn t's agenda,
// if exactly one target's context is that agenda: a turn that names no
// target ("We support.") can only be about that one.
func (r *Resolver) SoleContext(t Turn) (string, bool) {
	id, n := "", 0
	for _, tg := range r.set.Targets {
		if tg.Context.Matches(t.AgendaItem, t.AgendaTopic) {
			id, n = tg.ID, n+1
		}
	}
	return id, n == 1
}
