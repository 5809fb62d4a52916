// Package stance labels each turn's position on each target it addresses —
// support, oppose or neutral — with the sentence and cue words that show
// it, and aggregates turns into a position per delegation.
//
// The model is a transparent rule model over the cue lexicon, so that a
// scholar can check every label the way they check a concordance:
//
//  1. The sentences of a turn that refer to target t are those with a
//     mention of t (features/targets), and the up to two sentences that
//     follow one and refer back to it, if they mention no other target:
//     a cue with a pronoun object ("We believe your proposal strikes a
//     good balance. We are ready to support it.") or a sentence that opens
//     with one ("It is a reasonable compromise.").
//  2. Each such sentence is scored with features/cues (negation, contrast,
//     hedges, attribution applied); a follow-on sentence counts with
//     weight FollowWeight. Implicit cues of the target count with their
//     polarity.
//  3. The turn's score S is the sum. The label is support if S ≥ θ, oppose
//     if S ≤ −θ, neutral otherwise (θ is the lexicon's threshold). The
//     reported score is tanh(S).
//  4. The evidence is the sentence that contributes most in the label's
//     direction; for neutral, a sentence with a neutral cue, else the
//     first that names the target.
//  5. With a SentenceModel (Model.WithSentences; plenary's default), a
//     neutral label that no cue explains — the sentences about the target
//     and those that could refer back to it have no cue of the lexicon at
//     all — is replaced by the sentence classifier's support or oppose
//     when it is confident enough (BackOffMin); its cue column then reads
//     "sentence model support 0.83". The classifier is a logistic
//     regression over words, trained on the gold evidence sentences.
package stance

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/plenary/plenary/features/cues"
	"github.com/plenary/plenary/features/phrase"
	"github.com/plenary/plenary/features/targets"
)

// Labels.
const (
	Support = "support"
	Oppose  = "oppose"
	Neutral = "neutral"
	None    = "none"
)

// ModelName identifies this model and its version in stance.parquet.
const ModelName = "plenary-rules/1"

// FollowWeight is the weight of a sentence that refers back to a target
// named in one of the two sentences before it; TopicWeight that of a
// sentence that names only the target's subject matter ("stakeholder
// participation"), which is weaker evidence that the position is on the
// target itself.
const (
	FollowWeight = 0.8
	TopicWeight  = 0.5
)

// Result is the stance of one turn on one target.
type Result struct {
	Target string
	Label  string
	Score  float64 // tanh of the summed cue score, in (−1, 1)
	Raw    float64 // the summed cue score
	// Evidence is the index of the evidence sentence in the turn.
	Evidence int
	Cues     []string // cue texts of the evidence sentence ("support", "no objection")
	Mentions int      // number of target mentions in the turn
	Model    string   // the model that labelled it (Model.Name)
}

// Model classifies turns.
type Model struct {
	lex     *cues.Lexicon
	targets *targets.Set
	sent    *SentenceModel // the back-off for cue-less sentences; nil for rules alone
}

// New returns a model with the lexicon and targets (rules alone).
func New(lex *cues.Lexicon, ts *targets.Set) *Model { return &Model{lex: lex, targets: ts} }

// WithSentences returns a copy of m that falls back on sm when the
// sentences about a target have no cue of the lexicon at all (see
// backOff).
func (m *Model) WithSentences(sm *SentenceModel) *Model {
	c := *m
	c.sent = sm
	return &c
}

// Name identifies the model and its version in stance.parquet.
func (m *Model) Name() string {
	if m.sent != nil {
		return ModelName + "+" + SentenceModelName
	}
	return ModelName
}

// SentenceModelName identifies the sentence classifier's version.
const SentenceModelName = "sentences/1"

// ReferenceRaw is the raw score of a label taken from the delegations a
// turn agrees with (see the pipeline): the lexicon's usual threshold.
const ReferenceRaw = 0.5

// BackOffMin is the probability the sentence classifier must give support
// or oppose for its label to replace the rules' neutral.
const BackOffMin = 0.6

// Classify labels every target the turn addresses; sentences are the
// turn's sentence texts in order, own[i] the spans where sentence i names
// the speaker (may be nil), mentions the turn's resolved mentions.
func (m *Model) Classify(sentences []string, own [][]cues.Span, mentions []targets.Mention) []Result {
	analyses := make([]*cues.Analysis, len(sentences))
	analyse := func(i int) cues.Analysis {
		if analyses[i] == nil {
			a := m.lex.Analyze(sentences[i], ownOf(own, i)...)
			analyses[i] = &a
		}
		return *analyses[i]
	}
	op := m.openersOf(sentences)
	var out []Result
	for _, id := range m.targets.IDs() {
		if r, ok := m.classifyTarget(id, sentences, own, mentions, analyse, op); ok {
			out = append(out, r)
		}
	}
	return out
}

// openers records, once per turn, how each sentence opens: carrying on
// from the one before, turning to another subject, or contrasting with
// what came before (see cues.Lexicon.Continues, ShiftsTopic, Contrasts).
type openers struct{ cont, shift, contrast []bool }

func (m *Model) openersOf(sentences []string) openers {
	op := openers{make([]bool, len(sentences)), make([]bool, len(sentences)), make([]bool, len(sentences))}
	for i, s := range sentences {
		o := m.lex.Opening(s)
		op.cont[i], op.shift[i], op.contrast[i] = o.Continues, o.ShiftsTopic, o.Contrasts
	}
	return op
}

// contribution is one sentence's part in a target's score.
type contribution struct {
	sentence  int
	value     float64
	neutral   bool
	named     bool
	topic     bool // from the target's subject matter only (TopicWeight)
	hedged    bool // every verdict of the sentence is under a condition
	undecided bool // a neutral cue of the lexicon ("keep an open mind")
	cues      []string
}

func (m *Model) classifyTarget(id string, sentences []string, own [][]cues.Span, mentions []targets.Mention, analyse func(int) cues.Analysis, op openers) (Result, bool) {
	named, other := sentenceSets(id, mentions)
	if len(named) == 0 {
		return Result{}, false
	}
	topicOnly := topicOnlySentences(id, mentions)
	implicit, others := map[int][]targets.Mention{}, map[int][]targets.Mention{}
	for _, mt := range mentions {
		switch {
		case mt.Target == id && mt.Kind == targets.KindImplicit:
			implicit[mt.Sentence] = append(implicit[mt.Sentence], mt)
		case mt.Kind == targets.KindOther:
			others[mt.Sentence] = append(others[mt.Sentence], mt)
		}
	}
	about := aboutTarget(len(sentences), named, other, op)
	linked := pronounChain(sentences, about, other, op)
	var contribs []contribution
	for i := range sentences {
		w, topic := 0.0, false
		switch {
		case named[i] && topicOnly[i]:
			w, topic = TopicWeight, true
		case named[i]:
			w = 1
		case follows(i, linked, other, op) && (refersBack(sentences[i], analyse(i)) || op.cont[i] || op.contrast[i] && analyse(i).Polar()):
			w = FollowWeight
			if followsTopicOnly(i, named, topicOnly) {
				w, topic = w*TopicWeight, true // it carries on from the subject matter, not the target
			}
		}
		if w == 0 {
			if c, ok := m.viewAnswer(i, sentences, about, own, implicit, analyse); ok {
				contribs = append(contribs, c)
			}
			continue
		}
		a := analyse(i)
		cond := conditional(a)
		value := a.Score
		if cond {
			value = conditionalScore(a)
		}
		here := mentionsIn(id, i, mentions)
		c := contribution{sentence: i, value: w * value, neutral: a.Neutral || cond, hedged: cond, undecided: a.Neutral, named: named[i], topic: topic}
		for _, cu := range a.Cues {
			if !cu.Attributed && cu.Value != 0 && (governsAny(sentences[i], cu, others[i]) || !named[i] && newObject(sentences[i], cu) ||
				named[i] && judgesOtherAntecedent(sentences[i], cu, here, a.Courtesy)) {
				// "we support the proposal of Iran to ...", and after the
				// target, "Brazil would welcome a Chair's summary": a
				// verdict on something else.
				c.value -= w * cu.Value
				continue
			}
			if !cu.Attributed && (cu.Value != 0 || cu.Class == cues.ClassNeutral) {
				c.cues = append(c.cues, cu.Text)
			}
		}
		for _, mt := range implicit[i] {
			if overlapsCue(a, mt) {
				continue // the lexicon already counted these words
			}
			if g, ok := governing(sentences[i], a, mt); ok {
				c.value -= w * g.Value // "we favour the approach followed by the previous OEWG": support for the alternative
			}
			// Scoped like the lexicon's cues: "does not become a parallel
			// track" is no objection, and what others said is not counted.
			v, attributed := m.lex.ImplicitAt(sentences[i], mt.InSentence, mt.InSentence+len(mt.Text), implicitValue(mt.Polarity), ownOf(own, i)...)
			if !attributed {
				c.value += v
				c.cues = append(c.cues, mt.Text)
			}
		}
		for _, mt := range here {
			if mt.Kind != targets.KindName || !negatedMention(sentences[i], mt) {
				continue
			}
			// "… must be decided here, and not through a Programme of
			// Action drafted by a limited number of states": the target
			// named as the rejected alternative. Others' words do not count.
			if _, attributed := m.lex.ImplicitAt(sentences[i], mt.InSentence, mt.InSentence+len(mt.Text), 1, ownOf(own, i)...); !attributed {
				c.value -= w * NegatedMentionWeight
				c.cues = append(c.cues, "not "+mt.Text)
			}
		}
		contribs = append(contribs, c)
	}
	m.discountBeforeContrast(contribs, op)
	undecidedOnTarget(contribs)
	r := Result{Target: id, Mentions: countFor(id, mentions), Model: m.Name()}
	for _, c := range contribs {
		r.Raw += c.value
	}
	r.Label = m.label(r.Raw)
	r.Score = math.Tanh(r.Raw)
	best := evidence(r.Label, contribs)
	r.Evidence, r.Cues = best.sentence, best.cues
	if r.Label == Neutral && len(implicit) == 0 {
		m.backOff(&r, sentences, about, other, analyse, op)
	}
	return r, true
}

// Elliptic labels a turn that does not name target id but gives a verdict
// without an object ("We support.", "We can go along."), under an agenda
// in which target id is the only one under discussion (see
// targets.Resolver.SoleContext): only the speaker's own, unattributed
// cues that take no object of their own count, so "We support capacity
// building." says nothing about the target, and sentences that mention
// a target (any of mentions) are passed over. It reports
// false when there is no such cue.
func (m *Model) Elliptic(id string, sentences []string, own [][]cues.Span, mentions []targets.Mention) (Result, bool) {
	r := Result{Target: id, Model: m.Name(), Evidence: -1}
	for i, sn := range sentences[:untilMention(len(sentences), mentions)] {
		a := m.lex.Analyze(sn, ownOf(own, i)...)
		for _, c := range a.Cues {
			if (c.Class == cues.ClassSupport || c.Class == cues.ClassOppose) && c.Value != 0 && c.Own && !c.Attributed && endsVerdict(sn, c) {
				r.Raw += c.Value
				r.Cues = append(r.Cues, c.Text)
				if r.Evidence < 0 {
					r.Evidence = i
				}
			}
		}
	}
	if r.Evidence < 0 {
		return Result{}, false
	}
	r.Label, r.Score = m.label(r.Raw), math.Tanh(r.Raw)
	return r, true
}

// untilMention returns the index of the first sentence with one of
// mentions, or n when there is none.
func untilMention(n int, mentions []targets.Mention) int {
	for _, mt := range mentions {
		n = min(n, mt.Sentence)
	}
	return n
}

// RestatedRaw is the raw score of a label carried over by Restated.
const RestatedRaw = 1.0

// Restated labels a turn that does not name target id and says only that
// the speaker's position is unchanged ("Same position as before."), given
// prior, the support or oppose label the speaker took on id earlier in
// the meeting: the turn takes it, with the restating sentence as evidence.
// As in Elliptic, sentences from the first mention of another target on
// are passed over; it reports false when prior is not polar or no
// sentence restates.
func (m *Model) Restated(id, prior string, sentences []string, mentions []targets.Mention) (Result, bool) {
	if prior != Support && prior != Oppose {
		return Result{}, false
	}
	for i, sn := range sentences[:untilMention(len(sentences), mentions)] {
		if !m.lex.Restates(sn) {
			continue
		}
		r := Result{Target: id, Model: m.Name(), Evidence: i, Label: prior, Raw: RestatedRaw, Cues: []string{"position restated: " + prior}}
		if prior == Oppose {
			r.Raw = -r.Raw
		}
		r.Score = math.Tanh(r.Raw)
		return r, true
	}
	return Result{}, false
}

// verdictTail lists the words that may follow an elliptic verdict: "We
// support it fully." ends one, "We welcome, once again, ..." does not.
var verdictTail = map[string]bool{"it": true, "this": true, "that": true, "fully": true, "too": true, "also": true,
	"entirely": true, "wholeheartedly": true, "as": true, "well": true, "chair": true, "mr": true, "thank": true, "you": true}

// endsVerdict reports whether cue c ends its sentence, but for the words
// of verdictTail.
func endsVerdict(sentence string, c cues.Cue) bool {
	for _, w := range phrase.Words(sentence[c.End:]) {
		if !verdictTail[w.Lower] {
			return false
		}
	}
	return true
}

// backOff replaces a neutral label that no cue explains — the sentences
// about the target (those that name it or carry on from one that does),
// and the two after each that could refer back to it, have no cue of the
// lexicon at all, attributed, hedged, neutral or courtesy ones included —
// by the sentence classifier's label, when it gives support or oppose a
// probability of at least BackOffMin for a sentence about the target (the
// most confident one is the evidence). This is where the lexicon lacks a
// phrasing ("the vehicle best suited to these requirements"); a turn whose
// cues the rules weighed is never overruled, nor one that asks questions
// about the target (a request for clarification is neutral).
func (m *Model) backOff(r *Result, sentences []string, about []bool, other map[int]bool, analyse func(int) cues.Analysis, op openers) {
	if m.sent == nil {
		return
	}
	for i := range sentences {
		if (about[i] || follows(i, about, other, op)) && len(analyse(i).Cues) > 0 {
			return
		}
		if about[i] && strings.HasSuffix(strings.TrimSpace(sentences[i]), "?") {
			return // questions about the target without a cue ask for clarification: neutral
		}
	}
	bestP, bestI, bestC := 0.0, -1, ""
	for i := range sentences {
		if !about[i] {
			continue
		}
		p := m.sent.Probabilities(sentences[i])
		for c, label := range m.sent.Classes {
			if label != Neutral && p[c] >= BackOffMin && p[c] > bestP {
				bestP, bestI, bestC = p[c], i, label
			}
		}
	}
	if bestI < 0 {
		return
	}
	r.Label, r.Evidence = bestC, bestI
	r.Raw = bestP
	if bestC == Oppose {
		r.Raw = -bestP
	}
	r.Score = math.Tanh(r.Raw)
	r.Cues = []string{fmt.Sprintf("sentence model %s %.2f", bestC, bestP)}
}

// viewAnswer scores sentence i when it answers the view reported in the
// sentence before, which is about the target (see
// cues.Lexicon.ViewReaction): the reported view's attributed cues and
// implicit phrases, flipped by a rejection ("Some delegations have argued
// that it would duplicate our work. We do not share that view.") or kept
// by an adoption. It reports false when sentence i has a polar cue of its
// own or answers nothing.
func (m *Model) viewAnswer(i int, sentences []string, about []bool, own [][]cues.Span, implicit map[int][]targets.Mention, analyse func(int) cues.Analysis) (contribution, bool) {
	if i == 0 || !about[i-1] || analyse(i).Polar() {
		return contribution{}, false
	}
	react := m.lex.ViewReaction(sentences[i])
	if react == 0 {
		return contribution{}, false
	}
	reported := 0.0
	for _, c := range analyse(i - 1).Cues {
		if c.Attributed {
			reported += c.Value
		}
	}
	for _, mt := range implicit[i-1] {
		if v, attributed := m.lex.ImplicitAt(sentences[i-1], mt.InSentence, mt.InSentence+len(mt.Text), implicitValue(mt.Polarity), ownOf(own, i-1)...); attributed {
			reported += v
		}
	}
	if reported == 0 {
		return contribution{}, false
	}
	return contribution{sentence: i, value: react * reported, cues: []string{"answers the view before"}}, true
}

// discountBeforeContrast applies the lexicon's contrast rule across
// sentences: when a sentence after a contribution opens with a contrast
// ("We had serious doubts … Nevertheless, we have weighed those doubts …
// We are therefore ready to support it"), the contributions of the
// sentences before the last such opening are multiplied by the lexicon's
// contrast_before_factor, as the clause before "however" is within a
// sentence.
func (m *Model) discountBeforeContrast(contribs []contribution, op openers) {
	if len(contribs) < 2 {
		return
	}
	last := -1
	for i := contribs[0].sentence + 1; i <= contribs[len(contribs)-1].sentence; i++ {
		if op.contrast[i] {
			last = i
		}
	}
	for k := range contribs {
		if contribs[k].sentence < last {
			contribs[k].value *= m.lex.ContrastBeforeFactor
		}
	}
}

// undecidedOnTarget drops the contributions of the target's subject
// matter, and the conditional ones, when a sentence about the target
// itself has a neutral cue: "we have always been in favour of the
// participation of stakeholders … we consider it premature to take a
// final position on the text" is undecided on the text, whatever the
// delegation thinks of the subject; "whether it is the best vehicle is a
// question on which we keep an open mind" weighs no verdict.
func undecidedOnTarget(contribs []contribution) {
	if !slices.ContainsFunc(contribs, func(c contribution) bool { return c.neutral && !c.topic }) {
		return
	}
	undecided := slices.ContainsFunc(contribs, func(c contribution) bool { return c.undecided && !c.topic })
	for k := range contribs {
		if contribs[k].topic || undecided && contribs[k].hedged {
			contribs[k].value = 0
		}
	}
}

// conditional reports whether a sentence's verdicts are all under a
// condition ("If that element is adjusted, my delegation would be ready
// to look at your revised text favourably"): like a neutral cue, it
// leaves the position on the target open.
func conditional(a cues.Analysis) bool {
	hedged := false
	for _, c := range a.Cues {
		if c.Attributed || c.Value == 0 && !c.Hedged {
			continue
		}
		if !c.Hedged {
			return false
		}
		hedged = true
	}
	return hedged
}

// conditionalScore is the score of a sentence whose verdicts are all
// conditional (see conditional): it weighs no more than its strongest one:
// "If such a Programme is to be established, it must be established by
// consensus, it must not duplicate …" lists conditions, and three of
// them are not a verdict.
func conditionalScore(a cues.Analysis) float64 {
	strongest := 0.0
	for _, c := range a.Cues {
		if !c.Attributed {
			strongest = max(strongest, math.Abs(c.Value))
		}
	}
	return math.Copysign(min(math.Abs(a.Score), strongest), a.Score)
}

// followsTopicOnly reports whether the named sentences that sentence i
// may refer back to (one or two before it) name only the target's subject
// matter ("the participation of stakeholders"), not the target.
func followsTopicOnly(i int, named, topicOnly map[int]bool) bool {
	seen := false
	for _, k := range []int{i - 1, i - 2} {
		if k >= 0 && named[k] {
			if !topicOnly[k] {
				return false
			}
			seen = true
		}
	}
	return seen
}

// governReach is how many words may stand between a verb cue and the
// implicit cue that is its object.
const governReach = 6

// governing returns the verb or evaluative cue whose object is implicit
// mention mt, when its sign is the opposite of mt's: "we favour the
// approach followed by the previous OEWG" and "the most reliable way
// forward in returning to the formula used in the previous OEWG" favour
// the alternative to the target, so the support is not for the target;
// the implicit cue says what the speaker wants instead.
func governing(sentence string, a cues.Analysis, mt targets.Mention) (cues.Cue, bool) {
	sign := implicitValue(mt.Polarity)
	for _, c := range a.Cues {
		if c.End > mt.InSentence || c.Attributed || c.Value*sign >= 0 || c.Class == cues.ClassNeutral || c.Class == cues.ClassCourtesy {
			continue
		}
		gap := sentence[c.End:mt.InSentence]
		if !strings.ContainsAny(gap, ".;:,") && len(strings.Fields(gap)) <= governReach {
			return c, true
		}
	}
	return cues.Cue{}, false
}

// newObject reports whether verb cue c, in a sentence that does not name
// the target, takes an indefinite object ("would welcome a Chair's
// summary"): something new, not the target the sentence carries on from.
func newObject(sentence string, c cues.Cue) bool {
	if c.Class != cues.ClassSupport && c.Class != cues.ClassOppose {
		return false
	}
	ws := phrase.Words(sentence[c.End:min(len(sentence), c.End+24)])
	if len(ws) > 1 && ws[1].Lower == "consensus" {
		return false // "ready to join a consensus on it": the act, not a new object
	}
	return len(ws) > 0 && (ws[0].Lower == "a" || ws[0].Lower == "an")
}

// judgesOtherAntecedent reports whether evaluative cue c stands in a
// non-restrictive relative clause (", which we found very useful") whose
// antecedent is not one of the target's mentions: "we thank the
// co-sponsors for their work on the Programme of Action, and for the
// briefing they organized yesterday, which we found very useful" judges
// the briefing. The antecedent is taken to end at most antecedentReach
// words before the comma.
func judgesOtherAntecedent(sentence string, c cues.Cue, mentions []targets.Mention, thanks bool) bool {
	if c.Class != cues.ClassPositive && c.Class != cues.ClassNegative {
		return false
	}
	comma := max(strings.LastIndex(sentence[:c.Start], ", which "), strings.LastIndex(sentence[:c.Start], ", that "))
	if comma < 0 {
		return false
	}
	for _, mt := range mentions {
		end := mt.InSentence + len(mt.Text)
		if thanks && topicOf(sentence[:mt.InSentence]) {
			continue // "thank them for the briefing on the Programme of Action, which we found useful": the briefing
		}
		if end <= comma && len(phrase.Words(sentence[end:comma])) <= antecedentReach {
			return false
		}
	}
	return true
}

// topicOf reports whether text ends with a preposition of topic ("on",
// "about", "regarding", "concerning", optionally with "the"): the mention
// after it completes another noun.
func topicOf(text string) bool {
	ws := phrase.Words(text)
	k := len(ws) - 1
	if k >= 0 && (ws[k].Lower == "the" || ws[k].Lower == "a") {
		k--
	}
	return k >= 0 && (ws[k].Lower == "on" || ws[k].Lower == "about" || ws[k].Lower == "regarding" || ws[k].Lower == "concerning")
}

// antecedentReach is how many words may stand between a mention and the
// comma of the relative clause that describes it ("the proposal of 15
// December on stakeholders, which ...").
const antecedentReach = 3

// NegatedMentionWeight is the weight of a target named as the rejected
// alternative (see negatedMention).
const NegatedMentionWeight = 1.0

// negatedMention reports whether a target's name stands right after "not"
// or "no", with only articles and prepositions between ("and not through a
// Programme of Action", ", not a Programme of Action designed outside
// it"), after a comma or a conjunction: the speaker names the target as
// what it does not want.
func negatedMention(sentence string, mt targets.Mention) bool {
	words := phrase.Words(sentence[:mt.InSentence])
	k := len(words) - 1
	for k >= 0 && negatedMentionGlue[words[k].Lower] {
		k--
	}
	if k < 1 || words[k].Lower != "not" {
		return false
	}
	prev := words[k-1]
	return prev.Lower == "and" || prev.Lower == "but" || strings.Contains(sentence[prev.End:words[k].Start], ",")
}

var negatedMentionGlue = map[string]bool{"a": true, "an": true, "the": true, "through": true, "via": true, "in": true, "by": true, "as": true,
	"into": true, "with": true, "under": true, "separate": true, "new": true}

// mentionsIn returns the mentions of target id in sentence i.
func mentionsIn(id string, i int, mentions []targets.Mention) []targets.Mention {
	var out []targets.Mention
	for _, mt := range mentions {
		if mt.Target == id && mt.Sentence == i {
			out = append(out, mt)
		}
	}
	return out
}

// governsAny reports whether verb cue c takes one of the mentions (other
// delegations' proposals) as its object: the mention follows it within
// governReach words, with no punctuation between.
func governsAny(sentence string, c cues.Cue, mentions []targets.Mention) bool {
	if c.Class != cues.ClassSupport && c.Class != cues.ClassOppose {
		return false
	}
	for _, mt := range mentions {
		if mt.InSentence < c.End {
			continue
		}
		gap := sentence[c.End:mt.InSentence]
		if !strings.ContainsAny(gap, ".;:,") && len(strings.Fields(gap)) <= governReach {
			return true
		}
	}
	return false
}

// overlapsCue reports whether an implicit mention shares words with a cue
// of the sentence's analysis.
func overlapsCue(a cues.Analysis, mt targets.Mention) bool {
	start, end := mt.InSentence, mt.InSentence+len(mt.Text)
	for _, c := range a.Cues {
		if c.Start < end && start < c.End {
			return true
		}
	}
	return false
}

// aboutTarget marks the sentences that are about the target: those that
// name it, and those that carry on from such a sentence ("It offers
// small States ...", "For these reasons, ..."; see cues.Lexicon.Continues)
// without naming another target or turning to another subject.
func aboutTarget(n int, named, other map[int]bool, op openers) []bool {
	about := make([]bool, n)
	for i := range n {
		about[i] = named[i] || i > 0 && about[i-1] && !other[i] && !op.shift[i] && op.cont[i]
	}
	return about
}

// follows reports whether sentence i, which does not name the target, may
// refer back to it: one of the two sentences before is about the target,
// and sentence i neither names another target nor turns to another
// subject.
func follows(i int, about []bool, other map[int]bool, op openers) bool {
	if other[i] || op.shift[i] {
		return false
	}
	return i >= 1 && about[i-1] || i >= 2 && about[i-2]
}

func ownOf(own [][]cues.Span, i int) []cues.Span {
	if i < len(own) {
		return own[i]
	}
	return nil
}

// topicOnlySentences returns the sentences whose only mentions of target
// id are topic phrases.
func topicOnlySentences(id string, mentions []targets.Mention) map[int]bool {
	kinds := map[int]map[string]bool{}
	for _, mt := range mentions {
		if mt.Target != id {
			continue
		}
		if kinds[mt.Sentence] == nil {
			kinds[mt.Sentence] = map[string]bool{}
		}
		kinds[mt.Sentence][mt.Kind] = true
	}
	out := map[int]bool{}
	for i, k := range kinds {
		out[i] = len(k) == 1 && k[targets.KindTopic]
	}
	return out
}

// sentenceSets returns the sentences that mention target id, and those
// that mention another target.
func sentenceSets(id string, mentions []targets.Mention) (named, other map[int]bool) {
	named, other = map[int]bool{}, map[int]bool{}
	for _, mt := range mentions {
		if mt.Target == id {
			named[mt.Sentence] = true
		} else {
			other[mt.Sentence] = true
		}
	}
	return named, other
}

func countFor(id string, mentions []targets.Mention) int {
	n := 0
	for _, mt := range mentions {
		if mt.Target == id {
			n++
		}
	}
	return n
}

func implicitValue(polarity string) float64 {
	switch polarity {
	case targets.Support:
		return 1
	case targets.Oppose:
		return -1
	}
	return 0
}

func (m *Model) label(raw float64) string {
	switch {
	case raw >= m.lex.Threshold:
		return Support
	case raw <= -m.lex.Threshold:
		return Oppose
	}
	return Neutral
}

// evidence picks the sentence that best shows the label.
func evidence(label string, cs []contribution) contribution {
	best, bestV := -1, 0.0
	for i, c := range cs {
		v := c.value
		if label == Oppose {
			v = -v
		}
		if label == Neutral {
			v = 0
			if c.neutral {
				v = 1
			}
		}
		if v > bestV {
			best, bestV = i, v
		}
	}
	if best < 0 {
		best = slices.IndexFunc(cs, func(c contribution) bool { return c.named })
	}
	if best < 0 {
		best = 0
	}
	return cs[best]
}

// pronouns that refer back to a target named before.
var pronouns = map[string]bool{"it": true, "its": true, "them": true, "this": true, "that": true, "these": true}

// refersBack reports whether a sentence without a mention continues about
// the previous sentences' target: it has a polar cue and a pronoun that
// can stand for the target ("support it", "join consensus on it", "give
// it our support", "welcome this.", "accept such an approach", "This is not
// acceptable"), or a polar
// cue of the speaker's own without an object of its own ("The United
// States is proud to be a co-sponsor").
func refersBack(sentence string, a cues.Analysis) bool {
	if !a.Polar() {
		return false
	}
	words := phrase.Words(sentence)
	for _, c := range a.Cues {
		if c.Value != 0 && c.Own && !c.Attributed && noObject(sentence, words, c) {
			return true
		}
	}
	return hasPronoun(sentence, words)
}

// hasPronoun reports whether a sentence has a pronoun that can stand for
// a target named before ("it", "its establishment", "such an approach").
func hasPronoun(sentence string, words []phrase.Word) bool {
	for k, w := range words {
		if w.Lower == "such" || w.Lower == "its" || pronouns[w.Lower] && (k == 0 || standsAlone(sentence, words, k)) {
			return true // "its establishment" refers back as much as "it" does
		}
	}
	return false
}

// pronounChain extends about with the sentences that follow it and refer
// back by a pronoun without a cue of their own ("the United Kingdom is
// not entirely happy with it"): the target stays what "it" stands for, so
// the sentences after them may still refer back to it ("But we can live
// with it, and we support it").
func pronounChain(sentences []string, about []bool, other map[int]bool, op openers) []bool {
	linked := slices.Clone(about)
	for i := range sentences {
		if !linked[i] && follows(i, linked, other, op) && hasPronoun(sentences[i], phrase.Words(sentences[i])) {
			linked[i] = true
		}
	}
	return linked
}

// noObject reports whether a cue has no object of its own — punctuation,
// the end, or a pronoun follows it ("proud to be a co-sponsor, and ...") —
// so that it can be about the target named before ("supports continued
// dialogue" has an object of its own).
func noObject(sentence string, words []phrase.Word, c cues.Cue) bool {
	k := slices.IndexFunc(words, func(w phrase.Word) bool { return w.Start >= c.End })
	if k < 0 {
		return true
	}
	if strings.ContainsAny(sentence[c.End:words[k].Start], ".,;:") {
		return true
	}
	if words[k].Lower == "of" && k+1 < len(words) && ofTarget[words[k+1].Lower] {
		return true // "will not stand in the way of consensus" (on the target), "… of its adoption"
	}
	return words[k].Lower == "us" || words[k].Lower == "its" || pronouns[words[k].Lower] && standsAlone(sentence, words, k)
}

// ofTarget are the words after "of" that leave a cue about the target
// named before.
var ofTarget = map[string]bool{"consensus": true, "its": true, "it": true}

// standsAlone reports whether word k is a pronoun rather than a
// determiner: "it" and "them" always; "this"/"that"/"these" when
// punctuation or the end follows.
func standsAlone(sentence string, words []phrase.Word, k int) bool {
	if w := words[k].Lower; w == "it" || w == "them" {
		return true
	}
	if k+1 == len(words) {
		return true
	}
	gap := sentence[words[k].End:words[k+1].Start]
	return strings.ContainsAny(gap, ".,;:")
}
