// Package cues finds the words that show a speaker's stance in a sentence
// and applies their scope: negation ("we do not support", "no objection"),
// double negation ("it would be wrong to say that we oppose"), contrast
// ("not perfect; however, full support"), hedges and conditions ("as long
// as"), attribution to others ("some delegations claimed ..."), and
// courtesy (thanks for efforts are never support).
//
// The lexicon is data (datasets/lexicons/stance/stance.yaml); this package
// holds only the scope rules. A sentence's score is the sum of its cues'
// signed weights:
//
//	score = Σ_c  s(c) · w(c) · n(c) · h(c) · k(c) · [c not attributed]
//
// where s is +1 for support and positive evaluations, −1 for opposition
// and negative evaluations, 0 for neutral and courtesy cues; n is −1 when
// an odd number of negators precedes the cue in its clause (double
// negators count too); h is the hedge factor when the clause states a
// condition, or when a verb cue's object is a hypothetical ("support an
// arrangement which ..."); k is the contrast factor of the clause (after
// "however" it weighs more, in an "although" clause less). A verb cue whose
// nearest subject is a third party ("states can reject", "initiatives
// these promote") is attributed, like one after "some delegations claimed".
package cues

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/plenary/plenary/datasets"
	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/features/phrase"
	"go.yaml.in/yaml/v3"
)

// Version is the lexicon format this build reads.
const Version = 1

// Cue classes, the lexicon's lists.
const (
	ClassSupport  = "support"
	ClassOppose   = "oppose"
	ClassNeutral  = "neutral"
	ClassPositive = "evaluative_positive"
	ClassNegative = "evaluative_negative"
	ClassCourtesy = "courtesy"
	// ClassNoPosition is for phrases that contain a cue but take no
	// position ("rather than duplicating", a condition on a design): as
	// the longest match they silence the cue inside them.
	ClassNoPosition = "no_position"
)

var classSign = map[string]float64{ClassSupport: 1, ClassOppose: -1, ClassNeutral: 0, ClassPositive: 1, ClassNegative: -1, ClassCourtesy: 0, ClassNoPosition: 0}

// Entry is one lexicon phrase with its weight.
type Entry struct {
	Phrase string
	Weight float64
	Line   int
}

// UnmarshalYAML accepts "phrase" or {phrase: ..., weight: ...}.
func (e *Entry) UnmarshalYAML(n *yaml.Node) error {
	e.Weight, e.Line = 1, n.Line
	if n.Kind == yaml.ScalarNode {
		e.Phrase = n.Value
		return nil
	}
	var v struct {
		Phrase string  `yaml:"phrase"`
		Weight float64 `yaml:"weight"`
	}
	if err := n.Decode(&v); err != nil {
		return err
	}
	if v.Phrase == "" {
		return fmt.Errorf("line %d: cue without phrase", n.Line)
	}
	e.Phrase = v.Phrase
	if v.Weight != 0 {
		e.Weight = v.Weight
	}
	return nil
}

// Lexicon is a parsed cue lexicon.
type Lexicon struct {
	Version              int     `yaml:"version"`
	NegationWindow       int     `yaml:"negation_window"`
	HedgeFactor          float64 `yaml:"hedge_factor"`
	ContrastAfterFactor  float64 `yaml:"contrast_after_factor"`
	ContrastBeforeFactor float64 `yaml:"contrast_before_factor"`
	Threshold            float64 `yaml:"threshold"`

	Support        []Entry `yaml:"support"`
	Oppose         []Entry `yaml:"oppose"`
	Neutral        []Entry `yaml:"neutral"`
	Positive       []Entry `yaml:"evaluative_positive"`
	Negative       []Entry `yaml:"evaluative_negative"`
	Courtesy       []Entry `yaml:"courtesy"`
	NoPosition     []Entry `yaml:"no_position"`
	Negators       []Entry `yaml:"negators"`
	NotNegators    []Entry `yaml:"not_negators"`
	NegatedOnly    []Entry `yaml:"negated_only"`
	Unnegatable    []Entry `yaml:"unnegatable"`
	CriteriaModals []Entry `yaml:"criteria_modals"`
	DoubleNegators []Entry `yaml:"double_negators"`
	Hedges         []Entry `yaml:"hedges"`
	Conditions     []Entry `yaml:"conditions"`
	NotHedges      []Entry `yaml:"not_hedges"`
	ContrastAfter  []Entry `yaml:"contrast_after"`
	ContrastBefore []Entry `yaml:"contrast_before"`
	Attribution    []Entry `yaml:"attribution"`
	Adopting       []Entry `yaml:"adopting"`
	Institutions   []Entry `yaml:"institutions"`
	FirstPerson    []Entry `yaml:"first_person"`
	ThirdParty     []Entry `yaml:"third_party"`
	ThirdPoss      []Entry `yaml:"third_possessive"`
	Indefinite     []Entry `yaml:"indefinite"`
	Relative       []Entry `yaml:"relative"`
	ActNouns       []Entry `yaml:"act_nouns"`
	Continuers     []Entry `yaml:"continuers"`
	TopicShifts    []Entry `yaml:"topic_shifts"`
	Restatements   []Entry `yaml:"restatements"`
	Regrets        []Entry `yaml:"regrets"`
	ViewRejections []Entry `yaml:"view_rejections"`
	ViewAdoptions  []Entry `yaml:"view_adoptions"`

	Source, SHA256 string `yaml:"-"`
	Raw            []byte `yaml:"-"`

	cues        *phrase.Set
	classOf     []string // class of each pattern in cues
	negatedOnly map[string]bool
	unnegatable map[string]bool
	scope       map[string]*phrase.Set
	all         *phrase.Set // cues and every scope list, for one pass over a sentence
	owners      []hitOwner  // for each pattern of all: its list ("" for cues) and index there
}

// hitOwner locates a pattern of Lexicon.all in its own list.
type hitOwner struct {
	list  string
	local int
}

// Default returns the embedded lexicon.
func Default() (*Lexicon, error) {
	return Parse("embedded:lexicons/stance/stance.yaml", datasets.DefaultStanceLexicon())
}

// Load reads a lexicon file.
func Load(path string) (*Lexicon, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return Parse(path, raw)
}

// Parse reads a lexicon; errors name the file and line.
func Parse(name string, raw []byte) (*Lexicon, error) {
	var l Lexicon
	if err := config.DecodeStrict(raw, &l); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	if l.Version != Version {
		return nil, fmt.Errorf("lexicon %s: version is %d, this build of plenary reads version %d", name, l.Version, Version)
	}
	if err := l.compile(); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	sum := sha256.Sum256(raw)
	l.Source, l.SHA256, l.Raw = name, hex.EncodeToString(sum[:]), append([]byte(nil), raw...)
	return &l, nil
}

func (l *Lexicon) compile() error {
	var errs []error
	var pats []phrase.Pattern
	for _, c := range []struct {
		class string
		list  []Entry
	}{{ClassSupport, l.Support}, {ClassOppose, l.Oppose}, {ClassNeutral, l.Neutral}, {ClassPositive, l.Positive}, {ClassNegative, l.Negative}, {ClassCourtesy, l.Courtesy}, {ClassNoPosition, l.NoPosition}} {
		for _, e := range c.list {
			p, err := phrase.Compile(e.Phrase, e.Weight, false)
			if err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", e.Line, err))
				continue
			}
			pats = append(pats, p)
			l.classOf = append(l.classOf, c.class)
		}
	}
	l.cues = phrase.NewSet(pats)
	l.unnegatable = map[string]bool{}
	for _, e := range l.Unnegatable {
		l.unnegatable[e.Phrase] = true
	}
	l.negatedOnly = map[string]bool{}
	for _, e := range l.NegatedOnly {
		l.negatedOnly[e.Phrase] = true
	}
	l.scope = map[string]*phrase.Set{}
	for name, list := range map[string][]Entry{"neg": l.Negators, "notneg": l.NotNegators, "dneg": l.DoubleNegators, "hedge": l.Hedges, "cond": l.Conditions, "nothedge": l.NotHedges,
		"after": l.ContrastAfter, "before": l.ContrastBefore, "attr": l.Attribution, "adopt": l.Adopting, "inst": l.Institutions, "first": l.FirstPerson,
		"third": l.ThirdParty, "poss": l.ThirdPoss, "indef": l.Indefinite, "rel": l.Relative, "act": l.ActNouns,
		"cont": l.Continuers, "shift": l.TopicShifts, "modal": l.CriteriaModals, "restate": l.Restatements, "regret": l.Regrets,
		"vrej": l.ViewRejections, "vadopt": l.ViewAdoptions} {
		var ps []phrase.Pattern
		for _, e := range list {
			p, err := phrase.Compile(e.Phrase, e.Weight, false)
			if err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", e.Line, err))
				continue
			}
			ps = append(ps, p)
		}
		l.scope[name] = phrase.NewSet(ps)
	}
	l.combine()
	if len(pats) == 0 {
		errs = append(errs, errors.New("the lexicon has no cues"))
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// combine indexes the cues and all scope lists in one set, so that a
// sentence's words are looked up once rather than once per list.
func (l *Lexicon) combine() {
	var all []phrase.Pattern
	add := func(list string, set *phrase.Set) {
		for i, p := range set.Patterns() {
			all = append(all, p)
			l.owners = append(l.owners, hitOwner{list, i})
		}
	}
	add("", l.cues)
	for _, name := range slices.Sorted(maps.Keys(l.scope)) {
		add(name, l.scope[name])
	}
	l.all = phrase.NewSet(all)
}

// findAll returns the hits of the cues and of each scope list in words,
// each numbered and ordered as its own list's Find would.
func (l *Lexicon) findAll(words []phrase.Word) (cueHits []phrase.Hit, scope map[string][]phrase.Hit) {
	scope = map[string][]phrase.Hit{}
	for _, h := range l.all.Find(words) {
		o := l.owners[h.Pattern]
		h.Pattern = o.local
		if o.list == "" {
			cueHits = append(cueHits, h)
		} else {
			scope[o.list] = append(scope[o.list], h)
		}
	}
	return cueHits, scope
}
