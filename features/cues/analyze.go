package cues

import (
	"math"
	"slices"
	"strings"

	"github.com/plenary/plenary/features/phrase"
)

// Cue is one stance cue found in a sentence, after scope.
type Cue struct {
	Phrase     string  // the lexicon entry
	Text       string  // as written, with its negator when negated ("no objection")
	Class      string  // lexicon list
	Start, End int     // byte offsets in the sentence (negator included)
	Value      float64 // signed contribution to the sentence score
	Negated    bool
	Hedged     bool
	Attributed bool // said of others: not counted
	Own        bool // a first-person subject (or the speaker's name) stands before it in its clause
}

// Analysis is what a sentence says, as far as cues show it.
type Analysis struct {
	Cues     []Cue
	Score    float64 // Σ Value over cues not attributed
	Neutral  bool    // a neutral cue (take note, premature, ...) applies
	Courtesy bool    // a courtesy cue occurs
}

// Polar reports whether the analysis has a support or oppose signal.
func (a Analysis) Polar() bool {
	for _, c := range a.Cues {
		if c.Value != 0 {
			return true
		}
	}
	return false
}

// clause is a run of words between clause breaks, with its contrast factor.
type clause struct {
	first, last int
	factor      float64
}

// Span is a byte range in a sentence.
type Span struct{ Start, End int }

// Analyze finds the cues of a sentence and applies their scope. own lists
// the spans where the sentence names the speaker ("the European Union and
// its member states fully support it" said by the EU): they count as first
// person.
func (l *Lexicon) Analyze(sentence string, own ...Span) Analysis {
	words := phrase.Words(sentence)
	cueHits, scope := l.scopeOf(sentence, words, own)
	clauses := l.clauses(sentence, words, scope)
	var a Analysis
	hits := phrase.Longest(cueHits)
	for _, h := range hits {
		if inside(h, scope["dneg"]) || inside(h, scope["neg"]) {
			continue // a scope phrase, not a cue ("not" in "not true that")
		}
		c := l.cue(sentence, words, h, clauseOf(clauses, h.First), scope, hits)
		if evaluative(c.Class) && (l.judgesNeutralAct(words, h, hits) || proposesOther(words, h, scope)) {
			c.Value = 0
		}
		if evaluative(c.Class) && judgesParts(words, h) {
			c.Value = 0
			a.Neutral = true // "contains several ideas that India finds useful": parts, not the whole
		}
		a.Cues = append(a.Cues, c)
		switch {
		case c.Attributed:
		case c.Class == ClassNeutral:
			a.Neutral = true
		case c.Class == ClassCourtesy:
			a.Courtesy = true
		}
		if !c.Attributed {
			a.Score += c.Value
		}
	}
	return a
}

// judgesNeutralAct reports whether evaluative cue h judges an act that
// takes no position: "it would be useful to prejudge the outcome", "it is
// important to study the text further" (an infinitive whose verb is a
// neutral cue) say nothing for or against the target.
func (l *Lexicon) judgesNeutralAct(words []phrase.Word, h phrase.Hit, hits []phrase.Hit) bool {
	if h.Last+2 >= len(words) || words[h.Last+1].Lower != "to" {
		return false
	}
	return slices.ContainsFunc(hits, func(k phrase.Hit) bool { return k.First == h.Last+2 && l.classOf[k.Pattern] == ClassNeutral })
}

// scopeOf finds a sentence's cues and scope phrases; own are the spans
// where it names the speaker.
func (l *Lexicon) scopeOf(sentence string, words []phrase.Word, own []Span) ([]phrase.Hit, map[string][]phrase.Hit) {
	cueHits, scope := l.findAll(words)
	scope["neg"] = phrase.Longest(dropInside(scope["neg"], scope["notneg"]))
	scope["dneg"] = phrase.Longest(scope["dneg"])                                             // overlapping phrases are one double negation
	scope["hedge"] = dropInside(dropInside(scope["hedge"], scope["nothedge"]), scope["dneg"]) // "hard to imagine how" sets no condition
	scope["third"] = describing(sentence, words, notAgents(words, lowerCaseOnly(words, scope["third"])))
	scope["first"] = append(scope["first"], ownHits(words, own)...)
	scope["attr"] = ownSpeech(words, notAgents(words, notAdopted(scope["attr"], scope["adopt"])), scope["first"], scope["third"])
	return cueHits, scope
}

// ImplicitAt scores a phrase found at bytes [start, end) of the sentence
// that takes a position without being a cue of the lexicon — a target's
// implicit cue ("parallel track", oppose) — with weight |sign| and the
// sign's polarity, under the scope rules of the lexicon's own cues:
// negation ("does not become a parallel track"), double negation,
// hedges, contrast and attribution. It returns the value and whether the
// phrase reports someone else's position (the value does not count then).
func (l *Lexicon) ImplicitAt(sentence string, start, end int, sign float64, own ...Span) (float64, bool) {
	words := phrase.Words(sentence)
	first := slices.IndexFunc(words, func(w phrase.Word) bool { return w.Start >= start })
	last := first
	for last >= 0 && last+1 < len(words) && words[last+1].End <= end {
		last++
	}
	if first < 0 || words[first].Start >= end {
		return 0, false
	}
	cueHits, scope := l.scopeOf(sentence, words, own)
	h := phrase.Hit{First: first, Last: last, Start: words[first].Start, End: words[last].End}
	hits := phrase.Longest(cueHits)
	scope["neg"] = slices.DeleteFunc(scope["neg"], func(n phrase.Hit) bool {
		// A negator negates the verb cue after it, not the implicit
		// phrase beyond: "does not support launching a parallel
		// mechanism" rejects the mechanism.
		return n.Last+1 < len(words) && venuePrepositions[words[n.Last+1].Lower] || l.verbBetween(n, h, hits)
	})
	class := ClassSupport
	if sign < 0 {
		class = ClassOppose
	}
	cl := clauseOf(l.clauses(sentence, words, scope), first)
	c := l.scoped(sentence, words, h, sentence[h.Start:h.End], math.Abs(sign), class, cl, scope, hits)
	return c.Value, c.Attributed
}

// venuePrepositions, right after a negator, make it negate a place or a
// means rather than a verb: "within this Group, and not in a parallel
// mechanism" still rejects the parallel mechanism.
var venuePrepositions = map[string]bool{"in": true, "within": true, "through": true, "via": true, "under": true, "by": true, "outside": true, "at": true,
	"part": true} // "it was not part of the modalities of the first group" still wants them

// cue applies negation, hedges, contrast and attribution to hit h; hits
// are all the sentence's cues.
func (l *Lexicon) cue(sentence string, words []phrase.Word, h phrase.Hit, cl clause, scope map[string][]phrase.Hit, hits []phrase.Hit) Cue {
	p := l.cues.Patterns()[h.Pattern]
	return l.scoped(sentence, words, h, p.Raw, p.Weight, l.classOf[h.Pattern], cl, scope, hits)
}

// scoped is cue for a phrase given by its text, weight and class.
func (l *Lexicon) scoped(sentence string, words []phrase.Word, h phrase.Hit, raw string, weight float64, class string, cl clause, scope map[string][]phrase.Hit, hits []phrase.Hit) Cue {
	c := Cue{Phrase: raw, Class: class, Start: h.Start, End: h.End}
	flips := 0
	for _, n := range scope["neg"] {
		// A negator may end inside the cue it negates ("not ready to" +
		// "ready to accept"), but must start before it.
		if n.First < h.First && n.Last <= h.Last && n.First >= cl.first && h.First-n.Last <= l.NegationWindow && !newSubject(sentence, words, n, h, scope) &&
			!(evaluative(class) && l.verbBetween(n, h, hits)) {
			flips++
			c.Start = min(c.Start, n.Start)
		}
	}
	direct := flips > 0
	for _, n := range scope["dneg"] {
		if n.Last < h.First && n.First >= cl.first && !clauseAfterComma(sentence, words, n, h, scope) && !conjoined(sentence, words, n, h) {
			flips++
		}
	}
	if verbClass(class) && regretted(words, h, cl, scope) {
		flips++
	}
	c.Negated = flips%2 == 1 && !l.unnegatable[raw]
	refusal := (classSign[class] < 0) != c.Negated
	for _, hd := range scope["hedge"] {
		if hd.First >= h.First && hd.Last <= h.Last {
			continue // part of the cue itself ("why should the community create")
		}
		if refusal && hd.First > h.Last {
			continue // "unacceptable as long as it requires …" states why, it sets no condition
		}
		if hd.First > h.Last && assertion(words, h) {
			continue // "Türkiye supports the Programme, provided that …": a verdict with a condition
		}
		if hd.First >= cl.first && hd.Last <= cl.last && (sameSegment(sentence, words, hd, h) || hd.First <= 1 && hd.Last < h.First && conditionalMood(words, h)) {
			c.Hedged = true
		}
	}
	if len(scope["cond"]) > 0 {
		c.Hedged = true // "our support depends on …", "should the text be amended, we could go along"
	}
	c.Own = ownSubject(h, cl, scope)
	c.Attributed = !(l.unnegatable[raw] && evaluative(class)) && attributed(sentence, words, h, cl, scope) || (verbClass(class) && (thirdParty(words, h, cl, scope) && !predicative(words, h) || passiveAgent(words, h, scope) || othersObject(words, h, scope) || possessed(words, h, cl, scope) || actNamed(h, scope) || participleModifier(words, h)))
	if verbClass(class) && hypothetical(sentence, words, h, scope) && !question(raw) && (classSign[class] > 0) != c.Negated {
		// Support for "an arrangement which ..." is support for a
		// hypothetical; rejecting "a text which ..." rejects every text
		// of that kind, the target included.
		c.Hedged = true
	}
	if (c.Negated || conditionBefore(h, scope)) && criterion(h, cl, scope) {
		// "it must not duplicate existing processes", and after "If such
		// a Programme is to be established, …", "it must be established
		// by consensus": conditions on any mechanism
		c.Hedged = true
	}
	c.Text = sentence[c.Start:c.End]
	v := classSign[class] * weight * cl.factor
	if c.Negated {
		v = -v
	} else if l.negatedOnly[raw] && !direct {
		// "no objection" counts only under its negator, which a double
		// negation may flip back: "we do not share the view that it
		// cannot coexist" keeps the cue, with its plain sign.
		v = 0
	}
	if c.Hedged {
		v *= l.HedgeFactor
	}
	c.Value = v
	if v == 0 {
		c.Value = 0 // no negative zero in reports
	}
	return c
}

// regretted reports whether a regret phrase governs verb cue h in a
// passive clause, which flips it: one of the regrets stands before it in
// its clause, "be" or "been" stands between them or in the cue, and no
// first-person word outside a relative clause does ("we regret that it could not be
// adopted": the speaker wanted it adopted; "we regret that it will be
// adopted": the speaker did not).
func regretted(words []phrase.Word, h phrase.Hit, cl clause, scope map[string][]phrase.Hit) bool {
	for _, r := range scope["regret"] {
		if r.First < cl.first || r.Last >= h.First {
			continue
		}
		if slices.ContainsFunc(scope["first"], func(f phrase.Hit) bool {
			return f.First > r.Last && f.Last < h.First && !relativeBetween(words, r.Last, f.First)
		}) {
			continue
		}
		for k := r.Last + 1; k <= h.Last; k++ {
			if w := words[k].Lower; w == "be" || w == "been" {
				return true
			}
		}
	}
	return false
}

// relativeBetween reports whether a relative pronoun stands between words
// i and j: a first-person word after it is the subject of an aside
// ("your proposal, which we were ready to support, could not be
// adopted"), not of the clause.
func relativeBetween(words []phrase.Word, i, j int) bool {
	return anyBetween(words, i, j, relativePronoun)
}

// hypotheticals mark a cue as a disposition rather than a verdict ("would
// support", "ready to join", "can accept"): a condition after such a cue
// leaves the position open.
var hypotheticals = map[string]bool{"would": true, "could": true, "can": true, "might": true, "may": true, "willing": true,
	"ready": true, "prepared": true, "able": true, "position": true, "to": true, "be": true}

// conditionalMood reports whether a modal of the conditional stands in
// the conditionalReach words before cue h: after a condition that opens
// the sentence, "my
// delegation would be ready to look at it favourably" (or "would be in a
// better position to look at it favourably") waits for the condition,
// while "Tunisia is ready to join consensus" accepts it.
func conditionalMood(words []phrase.Word, h phrase.Hit) bool {
	for k := max(0, h.First-conditionalReach); k < h.First; k++ {
		if w := words[k].Lower; w == "would" || w == "could" || w == "might" {
			return true
		}
	}
	return false
}

// conditionalReach is how far before a cue conditionalMood looks.
const conditionalReach = 7

// assertion reports whether cue h is stated as a present verdict: none of
// the three words before it is a hypothetical marker ("Türkiye supports
// the Programme", but not "we would support it", "we are ready to join").
func assertion(words []phrase.Word, h phrase.Hit) bool {
	for k := max(0, h.First-3); k < h.First; k++ {
		if hypotheticals[words[k].Lower] {
			return false
		}
	}
	return true
}

// criterion reports whether a negated cue is governed by a modal of
// obligation in its clause ("whatever form it takes, it must build on, and
// not duplicate, the consensus"): a criterion any mechanism should meet,
// not a verdict on the target.
func criterion(h phrase.Hit, cl clause, scope map[string][]phrase.Hit) bool {
	for _, m := range scope["modal"] {
		if m.First >= cl.first && m.Last < h.First && h.First-m.Last <= criterionReach {
			return true
		}
	}
	return false
}

// criterionReach is how many words may stand between a modal of
// obligation and the cue it governs.
const criterionReach = 6

// conditionBefore reports whether a hedge ("if", "provided") stands
// anywhere before cue h in its sentence.
func conditionBefore(h phrase.Hit, scope map[string][]phrase.Hit) bool {
	return slices.ContainsFunc(scope["hedge"], func(hd phrase.Hit) bool { return hd.Last < h.First })
}

// question reports whether a cue is a rhetorical question ("how can we
// accept", "why should we create"): its object is hypothetical by nature,
// which does not hedge it.
func question(phrase string) bool {
	return strings.HasPrefix(phrase, "how ") || strings.HasPrefix(phrase, "why ")
}

// evaluative reports whether a cue class judges the target rather than
// acting on it.
func evaluative(class string) bool { return class == ClassPositive || class == ClassNegative }

// verbBetween reports whether a support or oppose cue stands between
// negator n and cue h: the negator negates that verb, and h belongs to its
// object ("does not support the so-called programme": not a double
// negative).
func (l *Lexicon) verbBetween(n, h phrase.Hit, hits []phrase.Hit) bool {
	for _, k := range hits {
		if k.First > n.Last && k.Last < h.First && verbClass(l.classOf[k.Pattern]) {
			return true
		}
	}
	return false
}

// attributed reports whether the cue reports what others said: an
// attribution phrase precedes it in its clause with no first-person
// subject in between.
func attributed(sentence string, words []phrase.Word, h phrase.Hit, cl clause, scope map[string][]phrase.Hit) bool {
	for _, at := range scope["attr"] {
		if at.First < cl.first || at.Last >= h.First || insertedClause(sentence, words, at, h) {
			continue
		}
		own := false
		for _, fp := range scope["first"] {
			if fp.First > at.Last && fp.Last < h.First {
				own = true
			}
		}
		if !own {
			return true
		}
	}
	return false
}

// insertedClause reports whether attribution phrase at stands in a
// subordinate clause that a comma closes before cue h: "Let me recall,
// since some delegations have linked the two questions, that a voluntary
// programme of action is no substitute …" — the cue is the speaker's.
func insertedClause(sentence string, words []phrase.Word, at, h phrase.Hit) bool {
	sub := false
	for k := max(0, at.First-2); k < at.First; k++ {
		if insertingSubordinators[words[k].Lower] {
			sub = true
		}
	}
	return sub && strings.Contains(sentence[words[at.Last].End:words[h.First].Start], ",")
}

var insertingSubordinators = map[string]bool{"since": true, "as": true, "because": true, "while": true, "although": true, "though": true,
	"whereas": true, "when": true}

func verbClass(class string) bool { return class == ClassSupport || class == ClassOppose }

// subjectWindow is how far back from a verb cue a third-party subject is
// looked for; ownWindow how far a first-person one, which may stand
// further off behind an apposition ("we, as EU member states, can
// support").
const (
	subjectWindow = 5
	ownWindow     = 8
)

// thirdParty reports whether a verb cue is someone else's action: a
// third-party subject word stands within subjectWindow words before it in
// its clause, and no first-person word does ("sovereign states can
// reject", "initiatives these promote"; but "we, as EU member states, can
// support" is the speaker's).
func thirdParty(words []phrase.Word, h phrase.Hit, cl clause, scope map[string][]phrase.Hit) bool {
	near := func(s phrase.Hit, window int) bool {
		return s.Last < h.First && s.First >= cl.first && h.First-s.Last <= window
	}
	lastOwn := -1
	for _, s := range scope["first"] {
		if near(s, ownWindow) {
			lastOwn = max(lastOwn, s.Last)
		}
	}
	for _, s := range scope["third"] {
		if near(s, subjectWindow) && (lastOwn < 0 || s.First > lastOwn && (relativePronoun(words[s.First].Lower) && objectPronoun(words[lastOwn].Lower) || subordinateBetween(words, lastOwn, s.First))) {
			return true
		}
	}
	return false
}

// subordinateBetween reports whether a subordinating conjunction stands
// between words i and j: "that we consider necessary when a state objects"
// gives the objection its own subject.
func subordinateBetween(words []phrase.Word, i, j int) bool {
	return anyBetween(words, i, j, func(w string) bool { return subordinators[w] })
}

// anyBetween reports whether a word strictly between words i and j
// satisfies is.
func anyBetween(words []phrase.Word, i, j int, is func(string) bool) bool {
	for k := i + 1; k < j; k++ {
		if is(words[k].Lower) {
			return true
		}
	}
	return false
}

var subordinators = map[string]bool{"when": true, "whenever": true, "if": true, "where": true, "because": true, "since": true, "unless": true, "once": true}

// objectPronoun reports whether a first-person word is an object ("the
// rest of us"), which makes no one the subject of what follows.
func objectPronoun(w string) bool { return w == "us" || w == "me" }

// possessivePronoun reports whether a first-person word is a lone
// possessive ("our own region"), which is no subject.
func possessivePronoun(w string) bool { return w == "our" || w == "my" }

// relativePronoun reports whether a third-party word is a relative
// pronoun, which makes the clause after it someone else's even after a
// first-person object: "the rest of us will know who has objected". After
// a first-person subject the relative clause is the speaker's ("we will
// not be the ones who stand in the way"), and other third-party words are
// an apposition ("we, as EU member states, can support").
func relativePronoun(w string) bool { return w == "who" || w == "which" }

// actNamed reports whether a verb cue is the complement of a noun that
// names an act or a right ("the possibility to object in secret", "the
// right to object"): it describes what someone may do, not what the
// speaker does.
func actNamed(h phrase.Hit, scope map[string][]phrase.Hit) bool {
	return slices.ContainsFunc(scope["act"], func(a phrase.Hit) bool { return a.Last == h.First-1 })
}

// copulas introduce a predicate: a cue right after one ("the revised
// proposal on stakeholders remains unacceptable") describes the subject,
// whatever nouns stand before it, rather than naming someone's act.
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"remains": true, "remain": true, "seems": true, "seem": true, "appears": true, "becomes": true}

// predicative reports whether cue h directly follows a copula.
func predicative(words []phrase.Word, h phrase.Hit) bool {
	return h.First > 0 && copulas[words[h.First-1].Lower]
}

// passiveAgent reports whether a verb cue is followed by its agent ("the
// Programme of Action promoted by some delegations", "supported by a
// majority of states"): the action is someone else's, unless the agent is
// the speaker ("supported by my delegation") or an institution ("adopted by
// this Group").
func passiveAgent(words []phrase.Word, h phrase.Hit, scope map[string][]phrase.Hit) bool {
	k := h.Last + 1
	if k >= len(words) || words[k].Lower != "by" || k+1 >= len(words) {
		return false
	}
	for _, name := range []string{"first", "inst"} {
		for _, s := range scope[name] {
			if s.First == k+1 {
				return false
			}
		}
	}
	return true
}

// othersObject reports whether verb cue h is a noun that a third party's
// relative clause takes as its object: "the support that many delegations
// expressed", "the objections which some states raised" report what
// others did.
func othersObject(words []phrase.Word, h phrase.Hit, scope map[string][]phrase.Hit) bool {
	k := h.Last + 1
	if k >= len(words) || words[k].Lower != "that" && words[k].Lower != "which" {
		return false
	}
	return slices.ContainsFunc(scope["third"], func(t phrase.Hit) bool { return t.First > k && t.First <= k+2 })
}

// judgesParts reports whether evaluative cue h judges some parts of the
// target rather than the whole: a quantifier and a noun of parts ("several
// ideas", "some elements", "there are elements") stand within partsReach
// words before it ("The Programme of Action contains several ideas that
// India finds useful").
func judgesParts(words []phrase.Word, h phrase.Hit) bool {
	for k := max(0, h.First-partsReach); k+1 < h.First; k++ {
		if (partQuantifiers[words[k].Lower] || words[k].Lower == "are" && k > 0 && words[k-1].Lower == "there") && partNouns[words[k+1].Lower] {
			return true
		}
	}
	return false
}

const partsReach = 8

var (
	partQuantifiers = map[string]bool{"several": true, "some": true, "certain": true, "few": true}
	partNouns       = map[string]bool{"ideas": true, "elements": true, "aspects": true, "features": true, "points": true, "provisions": true, "parts": true}
)

// proposesOther reports whether evaluative cue h describes an indefinite
// alternative the speaker puts forward: "a useful compromise would be for
// this Group to hold focused discussions", "a good solution could be to
// ..." judge what follows, not the target.
func proposesOther(words []phrase.Word, h phrase.Hit, scope map[string][]phrase.Hit) bool {
	if !slices.ContainsFunc(scope["indef"], func(d phrase.Hit) bool { return d.First >= h.First-2 && d.First < h.First }) {
		return false
	}
	for j := h.Last + 1; j <= h.Last+3 && j+2 < len(words); j++ {
		if hypotheticals[words[j].Lower] && words[j+1].Lower == "be" && (words[j+2].Lower == "for" || words[j+2].Lower == "to") {
			return true
		}
	}
	return false
}

// sameSegment reports whether no comma separates a hedge from a cue: a
// condition qualifies the verdict it is attached to ("willing to support
// the timetable as long as ..."), while a fronted condition set off by a
// comma introduces a verdict ("On the understanding that ..., Tunisia is
// ready to join consensus").
func sameSegment(sentence string, words []phrase.Word, a, b phrase.Hit) bool {
	from, to := min(a.Last, b.Last), max(a.First, b.First)
	for k := from + 1; k <= to && k < len(words); k++ {
		if strings.Contains(sentence[words[k-1].End:words[k].Start], ",") {
			return false
		}
	}
	return true
}

// newSubject reports whether a new clause with its own first-person
// subject stands between a negator and a cue: "our position has not
// changed, and we cannot accept it" — the first "not" does not reach
// "cannot accept".
func newSubject(sentence string, words []phrase.Word, n, h phrase.Hit, scope map[string][]phrase.Hit) bool {
	comma := false
	for k := n.Last + 1; k <= h.First && k < len(words); k++ {
		if strings.Contains(sentence[words[k-1].End:words[k].Start], ",") {
			comma = true
		}
	}
	if !comma {
		return false
	}
	for _, f := range scope["first"] {
		if f.First > n.Last && f.Last < h.First {
			return true
		}
	}
	return false
}

// clauseAfterComma reports whether a clause with a first-person subject
// starts after a comma between a double negator and a cue, or the cue
// stands in a non-restrictive relative clause: "there is no
// element that Japan could not support, and Japan is one of its
// co-sponsors" — the double negation does not reach the second clause
// (while in "wrong to say that we, as a group, oppose it" it does).
func clauseAfterComma(sentence string, words []phrase.Word, n, h phrase.Hit, scope map[string][]phrase.Hit) bool {
	comma := func(k int) bool { return strings.Contains(sentence[words[k-1].End:words[k].Start], ",") }
	for k := n.Last + 1; k <= h.First && k < len(words); k++ {
		if !comma(k) {
			continue
		}
		if relativePronoun(words[k].Lower) {
			// ", which we were ready to support," is an aside: the
			// clause resumes after its closing comma ("regret that your
			// proposal, which we were ready to support, could not be
			// adopted"), and the aside is outside the double negation.
			end := k + 1
			for end < len(words) && !comma(end) {
				end++
			}
			if h.First < end {
				return true
			}
			k = end
			continue
		}
		subj := k
		if clauseLinks[words[k].Lower] && k+1 < len(words) {
			subj = k + 1
		}
		// The subject may follow a short adverbial: ", and for this reason
		// we cannot support it".
		for _, f := range scope["first"] {
			if f.First >= subj && f.First <= subj+subjectReach && f.Last < h.First {
				return true
			}
		}
	}
	return false
}

// conjoined reports whether ", and" or ", but" stands between a double
// negator and a cue: "there is nothing in it that we cannot live with, and
// a great deal in it that we actively welcome" — the second conjunct is
// outside the double negation.
func conjoined(sentence string, words []phrase.Word, n, h phrase.Hit) bool {
	for k := n.Last + 1; k < h.First && k < len(words); k++ {
		if w := words[k].Lower; (w == "and" || w == "but") && strings.Contains(sentence[words[k-1].End:words[k].Start], ",") {
			return true
		}
	}
	return false
}

// subjectReach is how many words an adverbial may take between a clause's
// start and its subject.
const subjectReach = 3

// clauseLinks are the conjunctions that may open a new clause after a
// comma ("…, and we …", "…, because Lithuania …").
var clauseLinks = map[string]bool{"and": true, "but": true, "because": true, "as": true, "since": true, "so": true}

// ownSubject reports whether a first-person subject or the speaker's name
// stands within ownWindow words before the cue in its clause.
func ownSubject(h phrase.Hit, cl clause, scope map[string][]phrase.Hit) bool {
	for _, f := range scope["first"] {
		if f.Last < h.First && f.First >= cl.first && h.First-f.Last <= ownWindow {
			return true
		}
	}
	return false
}

// participleModifier reports whether a one-word verb cue in -ing follows
// a determiner, where it describes a noun rather than acting: "the name
// of the objecting state" is nobody's objection.
func participleModifier(words []phrase.Word, h phrase.Hit) bool {
	if h.First != h.Last || h.First == 0 || !strings.HasSuffix(words[h.First].Lower, "ing") {
		return false
	}
	return modifierDeterminers[words[h.First-1].Lower]
}

var modifierDeterminers = map[string]bool{"the": true, "a": true, "an": true, "any": true, "each": true, "every": true}

// notAgents drops attribution phrases and third-party subjects that are
// the agent of a participle
// ("the programme of action proposed by some delegations should not be
// pursued"): "by" (and at most two determiners) before them names who put the
// thing forward, not whose view the clause reports.
func notAgents(words []phrase.Word, attr []phrase.Hit) []phrase.Hit {
	var out []phrase.Hit
	for _, a := range attr {
		k := a.First - 1
		for steps := 0; steps < 2 && k >= 0 && agentQuantifiers[words[k].Lower]; steps++ {
			k--
		}
		if k >= 0 && words[k].Lower == "by" {
			continue
		}
		out = append(out, a)
	}
	return out
}

// describing drops the third-party subjects "which" and "that" that open
// a non-restrictive relative clause (after a comma, before an auxiliary):
// "a so-called Programme of Action, which would only duplicate this
// Working Group" says what the thing named before the comma does — a
// judgement of it — not what someone else does.
func describing(sentence string, words []phrase.Word, third []phrase.Hit) []phrase.Hit {
	return slices.DeleteFunc(third, func(h phrase.Hit) bool {
		w := words[h.First]
		if h.First != h.Last || (w.Lower != "which" && w.Lower != "that") || h.Last+1 >= len(words) {
			return false
		}
		return strings.HasSuffix(strings.TrimRight(sentence[:w.Start], " "), ",") && relativeAuxiliaries[words[h.Last+1].Lower]
	})
}

// relativeAuxiliaries may follow the relative pronoun that is the subject
// of its clause. Forms of "be" and "have" are left out: "which is being
// promoted outside this Group" is a passive, someone else's act.
var relativeAuxiliaries = map[string]bool{"would": true, "will": true, "could": true, "can": true, "might": true, "may": true,
	"only": true, "merely": true, "simply": true}

// agentQuantifiers may stand between "by" and the agent it introduces.
var agentQuantifiers = map[string]bool{"a": true, "an": true, "the": true, "some": true, "other": true, "certain": true,
	"several": true, "many": true, "few": true, "its": true, "their": true}

// notAdopted drops attribution phrases that the speaker adopts: "joins
// the many delegations that have expressed support".
func notAdopted(attr, adopt []phrase.Hit) []phrase.Hit {
	var out []phrase.Hit
	for _, a := range attr {
		adopted := false
		for _, j := range adopt {
			if j.Last < a.First && a.First-j.Last <= 3 {
				adopted = true
			}
		}
		if !adopted {
			out = append(out, a)
		}
	}
	return out
}

// ownSpeech drops attribution phrases that are the speaker's own verbs of
// saying: "China also wishes to say that …", "we have argued that …"
// introduce the speaker's view, not a report of someone else's. A
// phrase counts when all its words are active speech words and a
// first-person subject (or the speaker's name) stands at most
// subjectWindow words before it with no third party in between; "he
// said", "it was said" and "we are told" keep their attribution.
func ownSpeech(words []phrase.Word, attr, first, third []phrase.Hit) []phrase.Hit {
	return slices.DeleteFunc(attr, func(a phrase.Hit) bool {
		for k := a.First; k <= a.Last; k++ {
			if !speechWords[words[k].Lower] {
				return false
			}
		}
		if letMe(words, a.First) {
			return true // "Let me also say that …"
		}
		for _, f := range first {
			if f.Last >= a.First || a.First-f.Last > subjectWindow || objectPronoun(words[f.Last].Lower) || possessivePronoun(words[f.Last].Lower) {
				continue // "including several from our own region, have said": "our" is no subject
			}
			if !slices.ContainsFunc(third, func(t phrase.Hit) bool { return t.First > f.Last && t.Last < a.First }) {
				return true
			}
		}
		return false
	})
}

// letMe reports whether "let me" or "allow me" stands in the three words
// before word k.
func letMe(words []phrase.Word, k int) bool {
	for j := max(1, k-3); j < k; j++ {
		if words[j].Lower == "me" && (words[j-1].Lower == "let" || words[j-1].Lower == "allow") {
			return true
		}
	}
	return false
}

// speechWords make up the active verbs of saying of the attribution list.
var speechWords = map[string]bool{"like": true, "to": true, "say": true, "says": true, "said": true, "that": true, "claim": true, "claimed": true,
	"argue": true, "argued": true, "have": true, "has": true, "suggested": true, "alleged": true}

// Continues reports whether a sentence opens by carrying on from the one
// before ("For these reasons, ...", "It also ...", "Therefore ..."): one of
// the lexicon's continuers stands at its start (after at most one word,
// such as "And").
func (l *Lexicon) Continues(sentence string) bool { return l.Opening(sentence).Continues }

// ShiftsTopic reports whether a sentence opens by turning to another
// subject ("At the national level, ...", "On a related note, ..."): it
// does not refer back to a target named before it.
func (l *Lexicon) ShiftsTopic(sentence string) bool { return l.Opening(sentence).ShiftsTopic }

// Contrasts reports whether a sentence opens with a contrast
// ("Nevertheless, …", "However, …"): what it says outweighs the sentences
// before it.
func (l *Lexicon) Contrasts(sentence string) bool { return l.Opening(sentence).Contrasts }

// Restates reports whether a sentence says no more than that the
// speaker's position has not changed ("Same position as before.", "Our
// position remains unchanged."): a restatement of the label the speaker
// gave earlier in the meeting, whatever it was. Cues of the sentence
// itself are not looked at; the caller decides whether it has a polar one.
func (l *Lexicon) Restates(sentence string) bool {
	words := phrase.Words(sentence)
	return len(l.scope["restate"].Find(words)) > 0
}

// ViewReaction reports how a sentence answers a view it follows: -1 when
// it rejects it ("The Netherlands does not share that view.", "We read it
// differently."), +1 when it adopts it ("We share that concern."), 0
// otherwise. A rejection wins over the adoption it contains ("not share
// that view"), and a negated adoption is one ("not in a position to share
// that assessment").
func (l *Lexicon) ViewReaction(sentence string) float64 {
	words := phrase.Words(sentence)
	if len(l.scope["vrej"].Find(words)) > 0 {
		return -1
	}
	adopt := l.scope["vadopt"].Find(words)
	if len(adopt) == 0 {
		return 0
	}
	for _, n := range l.scope["neg"].Find(words) {
		if n.Last < adopt[0].First && adopt[0].First-n.Last <= l.NegationWindow {
			return -1 // "not in a position to share that assessment"
		}
	}
	return 1
}

// Opening is how a sentence relates to the one before, read from its
// first words: see Continues, ShiftsTopic and Contrasts.
type Opening struct{ Continues, ShiftsTopic, Contrasts bool }

// openingBytes is how much of a sentence Opening reads: an opener starts
// at the first or second word, and the lexicon's longest opener, 15
// words, fits well within it (TestOpeningReadsEnough).
const openingBytes = 300

// Opening reads the three openers of a sentence at once, from its start
// only.
func (l *Lexicon) Opening(sentence string) Opening {
	words := phrase.Words(sentence[:min(len(sentence), openingBytes)])
	if len(sentence) > openingBytes && len(words) > 0 {
		words = words[:len(words)-1] // may be cut
	}
	return Opening{
		Continues:   l.opensWith("cont", words),
		ShiftsTopic: l.opensWith("shift", words),
		Contrasts:   l.opensWith("after", words),
	}
}

func (l *Lexicon) opensWith(list string, words []phrase.Word) bool {
	set := l.scope[list]
	return set.StartsAt(words, 0) || set.StartsAt(words, 1)
}

// possessed reports whether a verb cue is a noun naming someone else's
// act: the agent of a passive ("circulated by its co-sponsors", "by the
// sponsors"), or possessed by a third party ("their support") when the
// speaker is not the subject nearby ("Mexico expresses its support" is
// Mexico's own).
func possessed(words []phrase.Word, h phrase.Hit, cl clause, scope map[string][]phrase.Hit) bool {
	k := h.First - 1
	for steps := 0; steps < 2 && k >= 0 && agentDeterminers[words[k].Lower]; steps++ {
		k--
	}
	if k >= 0 && words[k].Lower == "by" {
		return true
	}
	for _, p := range scope["poss"] {
		if p.Last != h.First-1 {
			continue
		}
		for _, f := range scope["first"] {
			if f.Last < p.First && f.First >= cl.first && p.First-f.Last <= ownWindow {
				return false
			}
		}
		return true
	}
	return false
}

var agentDeterminers = map[string]bool{"its": true, "their": true, "the": true}

// dropInside removes hits that lie inside one of the blocking hits ("not"
// in "not only").
func dropInside(hits, blocking []phrase.Hit) []phrase.Hit {
	var out []phrase.Hit
	for _, h := range hits {
		if !inside(h, blocking) {
			out = append(out, h)
		}
	}
	return out
}

// lowerCaseOnly drops third-party words that continue a name: "States" in
// "the United States" is part of a name, "every State" is a third party.
func lowerCaseOnly(words []phrase.Word, hits []phrase.Hit) []phrase.Hit {
	var out []phrase.Hit
	for _, h := range hits {
		w := words[h.First]
		if w.Text != w.Lower && h.First > 1 && words[h.First-1].Text != words[h.First-1].Lower {
			continue // "United States"; but "Every State" opening a sentence is a third party
		}
		out = append(out, h)
	}
	return out
}

// ownHits turns the spans naming the speaker into first-person hits.
func ownHits(words []phrase.Word, own []Span) []phrase.Hit {
	var out []phrase.Hit
	for _, sp := range own {
		first, last := -1, -1
		for i, w := range words {
			if w.Start >= sp.Start && w.End <= sp.End {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first >= 0 {
			out = append(out, phrase.Hit{Pattern: -1, First: first, Last: last, Start: words[first].Start, End: words[last].End})
		}
	}
	return out
}

// hypothetical reports whether a verb cue's object is indefinite and
// qualified by a relative clause — support for some arrangement that would
// meet a condition, not for the target: "willing to support an arrangement
// on modalities which are based on consensus".
func hypothetical(sentence string, words []phrase.Word, h phrase.Hit, scope map[string][]phrase.Hit) bool {
	for _, d := range scope["indef"] {
		if d.First != h.Last+1 && d.First != h.Last+2 {
			continue
		}
		if d.Last+1 < len(words) && properName(sentence, words[d.Last+1]) {
			continue // "supports a Programme of Action that is action-oriented": the named one, described
		}
		for _, r := range scope["rel"] {
			if r.First > d.Last && r.First-d.Last <= 6 {
				return true
			}
		}
	}
	return false
}

// properName reports whether a word after an indefinite article is
// capitalised, that is, starts a proper name.
func properName(sentence string, w phrase.Word) bool {
	c := sentence[w.Start]
	return c >= 'A' && c <= 'Z'
}

// clauses splits the sentence at semicolons, colons and dashes, and at
// contrast words. The clause after a contrast_after word and every clause
// after it weigh ContrastAfterFactor; a clause opened by a contrast_before
// word weighs ContrastBeforeFactor and ends at the next comma.
func (l *Lexicon) clauses(sentence string, words []phrase.Word, scope map[string][]phrase.Hit) []clause {
	starts := map[int]float64{}
	concessive := map[int]bool{}
	for _, h := range scope["after"] {
		starts[h.First] = l.ContrastAfterFactor
	}
	for _, h := range scope["before"] {
		starts[h.First] = l.ContrastBeforeFactor
		concessive[h.First] = true
	}
	var out []clause
	cur := clause{first: 0, factor: 1}
	after := 1.0
	inConcessive := false
	for i := range words {
		if i == 0 {
			if f, ok := starts[0]; ok {
				cur.factor, inConcessive = f, concessive[0]
				if !inConcessive {
					after = f
				}
			}
			continue
		}
		gap := sentence[words[i-1].End:words[i].Start]
		f, contrast := starts[i]
		hard := strings.ContainsAny(gap, ";:") || strings.Contains(gap, " - ") || strings.Contains(gap, "–") || strings.Contains(gap, "—")
		endConcessive := inConcessive && strings.Contains(gap, ",")
		if !hard && !contrast && !endConcessive {
			continue
		}
		cur.last = i - 1
		out = append(out, cur)
		cur = clause{first: i, factor: after}
		inConcessive = false
		if contrast {
			cur.factor = f
			if concessive[i] {
				inConcessive = true
			} else {
				after = f
			}
		}
	}
	cur.last = len(words) - 1
	return append(out, cur)
}

func clauseOf(cs []clause, word int) clause {
	for _, c := range cs {
		if word >= c.first && word <= c.last {
			return c
		}
	}
	return clause{factor: 1}
}

// inside reports whether h lies within one of the scope hits.
func inside(h phrase.Hit, hs []phrase.Hit) bool {
	for _, s := range hs {
		if s.First <= h.First && h.Last <= s.Last {
			return true
		}
	}
	return false
}
