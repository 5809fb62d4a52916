package sentiment

import (
	"bytes"
	"io"
	"math"
	"sort"
	"strings"
	"sync"

	sentimentdata "github.com/plenary/plenary/datasets/lexicons/sentiment"
)

// Constants of the VADER rules (Hutto & Gilbert 2014, section 3.2).
const (
	negationScalar = -0.74 // a negated word keeps 74% of its strength, flipped
	capsIncrement  = 0.733 // an ALL-CAPS word among lower-case words
	exclIncrement  = 0.292 // each '!' up to 4
	exclMax        = 4     // '!' counted at most
	questIncrement = 0.18  // each '?' when there are 2 or 3
	questMax       = 0.96  // 4 or more '?'
	contrastBefore = 0.5   // weight of the clause before "but"
	contrastAfter  = 1.5   // weight of the clause after "but"
	normAlpha      = 15.0  // compound = x / sqrt(x² + alpha)
	windowWords    = 3     // negators and boosters reach this many words back
	maxCueWords    = 8     // a cue longer than this is cut (a long phrase entry)
	mostlyCourtesy = 0.5   // share of words in courtesy spans that makes a courtesy sentence
)

// boosterDecay scales a booster by its distance: 1, 2 or 3 words back.
var boosterDecay = [windowWords]float64{1, 0.95, 0.9}

// Scorer scores the tone of sentences from UN meetings, keeping apart the
// courtesy formulae (thanks, congratulations, greetings) and neutralising
// the topic words of ICT security ("threat", "attack", "malicious").
//
// A Scorer is immutable after New or Parse returns it and is safe for
// concurrent use by any number of goroutines.
type Scorer struct {
	lex      *lexicon
	courtesy *courtesyRules
}

var defaultScorer = sync.OnceValues(func() (*Scorer, error) {
	open := func(name string) io.Reader { return bytes.NewReader(sentimentdata.Bytes(name)) }
	return Parse(open(sentimentdata.Lexicon), open(sentimentdata.Courtesy),
		open(sentimentdata.Topics), open(sentimentdata.Adjustments))
})

// New returns the Scorer built from the embedded data files (package
// sentimentdata: the VADER lexicon, the general rules, the courtesy
// formulae, the topic terms and the domain adjustments). The files are
// parsed once per process; every call returns the same immutable Scorer.
// The error is non-nil only if the embedded data is broken.
func New() (*Scorer, error) {
	return defaultScorer()
}

// Parse builds a Scorer from user-supplied lists, for researchers who want
// to change the lexicon, the formulae or the topic terms (the embedded
// files are the models for the formats; see the README beside them):
//
//   - lexicon: VADER format, TOKEN<TAB>VALENCE[<TAB>…] per line, valence
//     in [-4, 4];
//   - courtesy: the pattern language of courtesy.txt;
//   - topics: TERM<TAB>KIND per line: terms whose valence is set to 0;
//   - adjustments: KIND<TAB>TERM<TAB>VALUE<TAB>REASON per line: valence
//     changes and rule words (booster, negator, contrast, concession,
//     transparent).
//
// The general rule words (rules.tsv: boosters, negators, "but") are always
// loaded from the embedded file first; adjustments can change or switch
// off any of them. A nil reader is an empty list. Errors are *ParseError
// and name the input and the line.
func Parse(lexicon, courtesy, topics, adjustments io.Reader) (*Scorer, error) {
	lex := newLexicon()
	if err := lex.readLexicon(lexicon); err != nil {
		return nil, err
	}
	if err := lex.readRules("rules", bytes.NewReader(sentimentdata.Bytes(sentimentdata.Rules))); err != nil {
		return nil, err
	}
	if err := lex.readTopics(topics); err != nil {
		return nil, err
	}
	if err := lex.readRules("adjustments", adjustments); err != nil {
		return nil, err
	}
	c, err := readCourtesy(courtesy)
	if err != nil {
		return nil, err
	}
	lex.finish()
	return &Scorer{lex: lex, courtesy: c}, nil
}

// Sentence is the tone of one sentence, split into its substantive part
// and its courtesy part, with the words that decided it.
type Sentence struct {
	// Compound is the substantive tone in [-1, 1]: the VADER compound score
	// of the sentence with the courtesy spans masked out and the topic
	// words neutral. 0 for a courtesy sentence and for a sentence without
	// attitude words.
	Compound float64
	// Pos, Neg and Neu are the shares of the substantive part that are
	// positive, negative and neutral (VADER's proportions; they add up to
	// 1, or are all 0 when nothing is left after masking).
	Pos, Neg, Neu float64
	// Courtesy is true when the sentence is (mostly) a courtesy formula: the
	// courtesy spans cover at least half of its words and the rest carries
	// no sentiment. A sentence with a substantive cue outside the formulae
	// is never a courtesy sentence, so its tone is not lost.
	Courtesy bool
	// CourtesyCompound is the tone of the courtesy spans alone, scored with
	// the same rules (0 when there are none). It measures warmth, not
	// position.
	CourtesyCompound float64
	// Cues are the words that carried substantive valence, in text order
	// and lower case, with the negator when one flipped them ("regret",
	// "not support", "no objection"), so a scholar can check the score.
	Cues []string
	// Masked are the courtesy spans (as written) and the topic words (as
	// written) whose lexicon valence was neutralised, in text order. Topic
	// terms that had no valence to lose are not listed.
	Masked []string
}

// Sentence scores one sentence. text may be anything (several sentences
// are scored as one, as VADER does); the result is deterministic and
// Compound is always in [-1, 1].
func (s *Scorer) Sentence(text string) Sentence {
	out, _ := s.sentence(text)
	return out
}

// sentence scores text and also returns its number of words.
func (s *Scorer) sentence(text string) (Sentence, int) {
	toks, excl, quest := tokenize(text)
	if len(toks) == 0 {
		return Sentence{}, 0
	}
	spans := s.courtesy.spans(toks)
	masked := make([]bool, len(toks))
	nMasked := 0
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			masked[i] = true
		}
		nMasked += sp[1] - sp[0]
	}
	var runs [][2]int
	for i := 0; i < len(toks); {
		if masked[i] {
			i++
			continue
		}
		j := i
		for j < len(toks) && !masked[j] {
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	ctx := scoreContext{text: text, toks: toks, caps: capsContext(toks), emphasis: emphasis(excl, quest)}
	sub := s.score(&ctx, runs)
	out := Sentence{
		Compound: sub.compound,
		Pos:      sub.pos,
		Neg:      sub.neg,
		Neu:      sub.neu,
		Cues:     sub.cues,
	}
	if len(spans) > 0 {
		out.CourtesyCompound = s.score(&ctx, spans).compound
	}
	out.Courtesy = nMasked > 0 && float64(nMasked) >= mostlyCourtesy*float64(len(toks)) && len(sub.cues) == 0

	type span struct{ start, end int }
	all := make([]span, 0, len(spans)+len(sub.topics))
	for _, sp := range spans {
		all = append(all, span{toks[sp[0]].start, toks[sp[1]-1].end})
	}
	for _, t := range sub.topics {
		all = append(all, span{t[0], t[1]})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].start < all[j].start })
	for _, sp := range all {
		out.Masked = append(out.Masked, text[sp.start:sp.end])
	}
	return out, len(toks)
}

// Turn is the tone of one intervention: the mean substantive tone of its
// substantive sentences and the mean courtesy tone of its courtesy
// sentences, with their counts. Keeping the two apart is the point: a
// delegation that thanks the Chair warmly and then rejects his proposal has
// a warm Courtesy and a negative Substantive, not a lukewarm average.
type Turn struct {
	// Substantive is the mean Compound of the sentences that are not
	// courtesy sentences (0 when there are none).
	Substantive float64
	// Courtesy is the mean CourtesyCompound of the courtesy sentences (0
	// when there are none).
	Courtesy float64
	// NSubstantive and NCourtesy count the sentences of each kind;
	// sentences without words are not counted.
	NSubstantive, NCourtesy int
}

// Turn scores the sentences of one intervention (split by the caller, e.g.
// the nlp stage) and averages them by kind.
func (s *Scorer) Turn(sentences []string) Turn {
	var t Turn
	var sub, cour float64
	for _, text := range sentences {
		st, n := s.sentence(text)
		switch {
		case n == 0:
		case st.Courtesy:
			cour += st.CourtesyCompound
			t.NCourtesy++
		default:
			sub += st.Compound
			t.NSubstantive++
		}
	}
	if t.NSubstantive > 0 {
		t.Substantive = sub / float64(t.NSubstantive)
	}
	if t.NCourtesy > 0 {
		t.Courtesy = cour / float64(t.NCourtesy)
	}
	return t
}

// --- the VADER-style scoring of one part of a sentence ---

type scoreContext struct {
	text     string
	toks     []token
	caps     bool    // the sentence mixes ALL-CAPS and lower-case words
	emphasis float64 // from ! and ?
}

// unit is a word, or a phrase that the lexicon lists as one entry.
type unit struct {
	first, last int    // token range [first, last)
	e           *entry // nil: a word the lexicon does not know
	gapBefore   bool   // a masked span or punctuation (, ; : . ! ?) lies before it
}

type scored struct {
	compound, pos, neg, neu float64
	cues                    []string
	topics                  [][2]int // byte ranges of neutralised topic terms
}

func (s *Scorer) units(ctx *scoreContext, runs [][2]int) []unit {
	toks := ctx.toks
	var us []unit
	for r, run := range runs {
		for p := run[0]; p < run[1]; {
			u := unit{first: p, last: p + 1}
			u.gapBefore = (r > 0 && p == run[0]) || (p > 0 && toks[p-1].after != brkNone)
			if longest := s.lex.maxLen[toks[p].lower]; longest > 0 {
				for n := min(longest, run[1]-p); n >= 1; n-- {
					key := toks[p].lower
					if n > 1 {
						key = joinLower(toks[p : p+n])
					}
					if e := s.lex.entries[key]; e != nil {
						u.last, u.e = p+n, e
						break
					}
				}
			}
			us = append(us, u)
			p = u.last
		}
	}
	return us
}

func joinLower(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lower)
	}
	return b.String()
}

func (s *Scorer) score(ctx *scoreContext, runs [][2]int) scored {
	var res scored
	us := s.units(ctx, runs)
	if len(us) == 0 {
		return res
	}
	contrastAt, concessionAt := -1, -1
	for k, u := range us {
		if u.e == nil {
			continue
		}
		if u.e.contrast && contrastAt < 0 {
			contrastAt = k
		}
		if u.e.concession && concessionAt < 0 {
			concessionAt = k
		}
	}
	concessionEnd := -1
	if concessionAt >= 0 {
		concessionEnd = len(us) - 1
		for k := concessionAt; k < len(us); k++ {
			if ctx.toks[us[k].last-1].after != brkNone {
				concessionEnd = k
				break
			}
		}
	}

	vals := make([]float64, len(us))
	negators := make([]int, len(us))
	for k, u := range us {
		negators[k] = -1
		e := u.e
		if e == nil || e.isRule() {
			continue
		}
		if e.topic != "" {
			if e.masks {
				res.topics = append(res.topics, [2]int{ctx.toks[u.first].start, ctx.toks[u.last-1].end})
			}
			continue
		}
		if !e.hasValence || e.valence == 0 {
			continue
		}
		v := e.valence
		sign := math.Copysign(1, v)
		if ctx.caps && allCaps(ctx.toks[u.first:u.last]) {
			v += sign * capsIncrement
		}
		counted := 0
		for j := k - 1; j >= 0 && counted < windowWords; j-- {
			if us[j+1].gapBefore {
				break
			}
			w := us[j].e
			if w != nil && (w.contrast || w.concession) {
				break
			}
			if w != nil && w.transparent {
				continue
			}
			counted++
			if w == nil {
				continue
			}
			if w.isBooster {
				b := w.booster
				if ctx.caps && allCaps(ctx.toks[us[j].first:us[j].last]) {
					b += math.Copysign(capsIncrement, b)
				}
				v += sign * b * boosterDecay[counted-1]
			}
			if w.negator == 1 && negators[k] < 0 {
				negators[k] = j
			}
		}
		if negators[k] >= 0 {
			v *= negationScalar
		}
		if contrastAt >= 0 {
			if k < contrastAt {
				v *= contrastBefore
			} else if k > contrastAt {
				v *= contrastAfter
			}
		}
		if concessionAt >= 0 {
			if k >= concessionAt && k <= concessionEnd {
				v *= contrastBefore
			} else {
				v *= contrastAfter
			}
		}
		vals[k] = v
	}

	var sum, pos, neg, neu float64
	for k, v := range vals {
		sum += v
		switch {
		case v > 0:
			pos += v + 1
		case v < 0:
			neg += v - 1
		default:
			neu++
		}
		if v != 0 {
			res.cues = append(res.cues, s.cue(ctx, us, k, negators[k]))
		}
	}
	if sum != 0 {
		sum += math.Copysign(ctx.emphasis, sum)
		if pos > -neg {
			pos += ctx.emphasis
		} else if pos < -neg {
			neg -= ctx.emphasis
		}
	}
	res.compound = normalise(sum)
	if total := pos - neg + neu; total > 0 {
		res.pos, res.neg, res.neu = pos/total, -neg/total, neu/total
	}
	return res
}

// cue is the text of a sentiment unit in lower case, with its negator.
func (s *Scorer) cue(ctx *scoreContext, us []unit, k, negator int) string {
	words := ctx.toks[us[k].first:us[k].last]
	if len(words) > maxCueWords {
		words = words[:maxCueWords]
	}
	c := joinLower(words)
	if negator >= 0 {
		c = joinLower(ctx.toks[us[negator].first:us[negator].last]) + " " + c
	}
	return c
}

// normalise maps a sum of valences to [-1, 1] (VADER's compound score).
func normalise(x float64) float64 {
	if x == 0 || math.IsNaN(x) {
		return 0
	}
	c := x / math.Sqrt(x*x+normAlpha)
	return math.Max(-1, math.Min(1, c))
}

// emphasis is the intensity that ! and ? add to a sentence.
func emphasis(excl, quest int) float64 {
	e := float64(min(excl, exclMax)) * exclIncrement
	switch {
	case quest > 3:
		e += questMax
	case quest > 1:
		e += float64(quest) * questIncrement
	}
	return e
}

// capsContext reports whether the sentence mixes ALL-CAPS words with
// lower-case ones, the condition for caps emphasis.
func capsContext(toks []token) bool {
	var caps, lower bool
	for i := range toks {
		caps = caps || toks[i].caps
		lower = lower || toks[i].hasLower
	}
	return caps && lower
}

func allCaps(toks []token) bool {
	for i := range toks {
		if !toks[i].caps {
			return false
		}
	}
	return len(toks) > 0
}
