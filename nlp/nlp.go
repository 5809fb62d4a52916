// Package nlp annotates the text of a turn with sentences, tokens,
// part-of-speech tags and named entities, using prose v3 and correcting its
// entities with the gazetteer of delegations, groups and organisations.
//
// Offsets are byte offsets into the text given to Annotate plus the base
// offset the caller passes, so a turn annotated in place reports offsets
// into the whole transcript; the pipeline translates them to the source
// file.
//
// The gazetteer takes precedence: prose alone tags "Action" (in "Programme
// of Action") as a place and "Islamic Republic" as an organisation, and it
// knows no codes. A prose entity that overlaps a gazetteer match is dropped;
// the others are kept, marked with their source.
//
// Tags and entity labels come from prose's own trained models, run by
// package prosemodels through hash indexes of their weights: the answers
// are prose's, bit for bit, at a fraction of the cost of prose's binary
// searches. Sentences, tokens and the grouping of labels into entities are
// prose's code.
package nlp

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3"
	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/token"
	"github.com/plenary/plenary/nlp/tokenizer"

	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/lexicons/entities"
	"github.com/plenary/plenary/nlp/prosemodels"
	"golang.org/x/sync/errgroup"
)

// Sentence is one sentence of a turn.
type Sentence struct {
	Seq        int // 1-based within the turn
	Start, End int
	Text       string
}

// Token is one token with its part-of-speech tag (Penn Treebank tags).
type Token struct {
	Seq        int // 1-based within the turn
	Sentence   int // Seq of its sentence
	Start, End int
	Text       string
	Tag        string
}

// Entity sources.
const (
	SourceGazetteer = "gazetteer"
	SourceProse     = "prose"
)

// Entity is a named entity. Gazetteer entities carry the delegation's code
// and kind; prose entities carry prose's label (PERSON, GPE, ORG, ...).
type Entity struct {
	Seq        int // 1-based within the turn
	Sentence   int
	Start, End int
	Text       string
	Label      string // GPE for states and observers, ORG for the EU, groups and organisations; prose's label otherwise (see NormalLabel)
	Code       string // gazetteer code, empty for prose entities
	Kind       string // gazetteer kind, empty for prose entities
	Demonym    bool   // matched as a demonym ("the French statement")
	Source     string // SourceGazetteer or SourceProse
}

// Annotation is everything nlp finds in one turn.
type Annotation struct {
	Sentences []Sentence
	Tokens    []Token
	Entities  []Entity
}

// Options choose what Annotate computes.
type Options struct {
	// ProseEntities runs prose's entity recogniser in addition to the
	// gazetteer. It is by far the slowest part of the stage.
	ProseEntities bool
}

// Annotator holds the shared models. It is safe for concurrent use: prose's
// models are immutable once loaded and its taggers pool their scratch space.
type Annotator struct {
	opt    Options
	seg    *segment.Segmenter
	tok    *tokenizer.Tokenizer // prose's tokens, without its regular expressions
	tagger *prosemodels.Tagger
	labels *prosemodels.Recognizer // prose's entity model, hash-indexed
	ner    *ner.Extracter          // prose's chunker of labelled tokens
	gaz    *gazetteer.Gazetteer

	wholeSentences bool // run the recogniser on whole candidate sentences (tests)
}

// New loads prose's models (once per process) and returns an Annotator.
func New(gaz *gazetteer.Gazetteer, opt Options) (*Annotator, error) {
	a := &Annotator{opt: opt, tok: tokenizer.New(), gaz: gaz}
	// The models are independent; loading them side by side takes the
	// longest one's time rather than their sum.
	var g errgroup.Group
	load := func(what string, f func() error) {
		g.Go(func() error {
			if err := f(); err != nil {
				return fmt.Errorf("nlp: loading %s: %w", what, err)
			}
			return nil
		})
	}
	load("sentence segmenter", func() (err error) { a.seg, err = segment.New(); return })
	load("tagger", func() (err error) { a.tagger, err = prosemodels.NewTagger(); return })
	if opt.ProseEntities {
		load("entity chunker", func() (err error) { a.ner, err = ner.New(); return })
		load("entity recogniser", func() (err error) { a.labels, err = prosemodels.NewRecognizer(); return })
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return a, nil
}

// Annotate segments, tokenizes, tags and finds entities in text; all
// offsets are shifted by base.
func (a *Annotator) Annotate(text string, base int) Annotation {
	// Sized for UN English (about five bytes a token): the appends
	// below then seldom grow the slice.
	ann := Annotation{Tokens: make([]Token, 0, len(text)/5+1)}
	for i, s := range mergeTitles(text, a.seg.Segment(text)) {
		sent := Sentence{Seq: i + 1, Start: base + s.Start, End: base + s.End(), Text: s.Text}
		ann.Sentences = append(ann.Sentences, sent)
		toks := a.tok.Tokenize(s.Text)
		a.tagger.TagTokens(toks)
		for _, t := range toks {
			ann.Tokens = append(ann.Tokens, Token{
				Seq: len(ann.Tokens) + 1, Sentence: sent.Seq,
				Start: sent.Start + t.Start, End: sent.Start + t.End(), Text: t.Text, Tag: t.Tag,
			})
		}
		ann.Entities = append(ann.Entities, a.entities(s.Text, sent, toks)...)
	}
	for i := range ann.Entities {
		ann.Entities[i].Seq = i + 1
	}
	return ann
}

// entities finds the entities of one sentence: gazetteer matches first,
// then prose's entities that do not overlap them, in text order.
func (a *Annotator) entities(text string, sent Sentence, toks []token.Token) []Entity {
	var out []Entity
	for _, m := range a.gaz.Find(text) {
		e, ok := a.gaz.ByCode(m.Code)
		if !ok {
			continue
		}
		out = append(out, Entity{
			Sentence: sent.Seq, Start: sent.Start + m.Start, End: sent.Start + m.End, Text: text[m.Start:m.End],
			Label: labelOf(e.Kind), Code: e.Code, Kind: string(e.Kind), Demonym: m.Demonym, Source: SourceGazetteer,
		})
	}
	if a.ner == nil {
		return out
	}
	gazCount := len(out)
	windows := nerWindows(toks, out, sent.Start)
	if a.wholeSentences && len(windows) > 0 {
		windows = [][2]int{{0, len(toks)}}
	}
	for _, w := range windows {
		part := toks[w[0]:w[1]]
		a.labels.Label(part)
		for _, pe := range a.ner.Chunk(text, part) {
			start, end := sent.Start+pe.Start, sent.Start+pe.End()
			if overlapsAny(out[:gazCount], start, end) || !plausible(pe, toks) || fragment(text, pe.Start) {
				continue
			}
			out = append(out, Entity{Sentence: sent.Seq, Start: start, End: end, Text: pe.Text, Label: NormalLabel(pe.Label), Source: SourceProse})
		}
	}
	slices.SortStableFunc(out, func(x, y Entity) int { return x.Start - y.Start })
	return out
}

// titles are abbreviated forms of address after which prose's sentence
// segmenter ends a sentence it should not ("Thank you, Mr. | Chair."),
// lower case and without their final period.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "h.e": true, "amb": true,
	"prof": true, "messrs": true, "mme": true, "mmes": true, "st": true}

// mergeTitles joins each sentence that ends with an abbreviated title to
// the sentence after it, when only spaces stand between them: prose's
// segmenter splits "Thank you, Mr. Chair." after "Mr.", which left every
// "Mr." of a transcript a sentence of its own.
func mergeTitles(text string, sents []segment.Sentence) []segment.Sentence {
	out := make([]segment.Sentence, 0, len(sents))
	for _, s := range sents {
		if n := len(out); n > 0 && endsWithTitle(out[n-1].Text) && strings.TrimLeft(text[out[n-1].End():s.Start], " \t") == "" {
			out[n-1].Text = text[out[n-1].Start:s.End()]
			continue
		}
		out = append(out, s)
	}
	return out
}

func endsWithTitle(sentence string) bool {
	body, ok := strings.CutSuffix(sentence, ".")
	if !ok {
		return false
	}
	word := body[strings.LastIndexAny(body, " \t\n(")+1:]
	return titles[strings.ToLower(word)]
}

// Context kept around a candidate name when prose's recogniser runs on a
// window of the sentence rather than all of it. The recogniser's features
// for a token are the token itself, one word either side and the label it
// gave the word before; two words of left context let that label settle
// on an ordinary word ("O") exactly as in a whole-sentence run, and two on
// the right let a multiword name and its closing word be chunked. One word
// of left context is not enough: it changes a few entities of the corpus
// (TestWindowsMatchWholeSentences checks the equivalence).
const (
	nerLeft  = 2
	nerRight = 2
)

// nerWindows returns the token ranges [lo, hi) of a sentence on which
// prose's entity recogniser runs: each candidate name (see candidate) and
// the run of proper nouns around it, widened by nerLeft and nerRight
// tokens and merged where windows touch. Most sentences have none; in the
// rest, a window is a few tokens of a sentence of thirty, which is where
// the recogniser, by far the slowest part of the stage, spends its time.
// gaz holds the sentence's gazetteer entities (absolute offsets); base is
// the sentence's start.
func nerWindows(toks []token.Token, gaz []Entity, base int) [][2]int {
	var wins [][2]int
	first := firstWordStart(toks)
	for i := 0; i < len(toks); i++ {
		if !candidate(toks, i, gaz, base, first) {
			continue
		}
		lo, end := i, i+1
		for lo > 0 && isProper(toks[lo-1]) {
			lo--
		}
		for end < len(toks) && isProper(toks[end]) {
			end++
		}
		lo, hi := max(0, lo-nerLeft), min(len(toks), end+nerRight)
		if n := len(wins); n > 0 && lo <= wins[n-1][1] {
			wins[n-1][1] = max(wins[n-1][1], hi)
		} else {
			wins = append(wins, [2]int{lo, hi})
		}
		i = end - 1 // the run is covered; go on after it
	}
	return wins
}

// candidate reports whether token i could start or belong to an entity
// that survives plausible and the gazetteer: a proper noun (NNP/NNPS)
// that is not a form of address or calendar word, not inside a gazetteer
// match, and either not the sentence's first word or followed by another
// proper noun (a capital at the start of a sentence marks position, not a
// name).
func candidate(toks []token.Token, i int, gaz []Entity, base, first int) bool {
	t := toks[i]
	if !isProper(t) || !nameLike(t.Text) || notEntityWords[strings.ToLower(strings.TrimSuffix(t.Text, "."))] {
		return false
	}
	if overlapsAny(gaz, base+t.Start, base+t.End()) {
		return false
	}
	return t.Start != first || (i+1 < len(toks) && isProper(toks[i+1]))
}

func isProper(t token.Token) bool { return t.Tag == "NNP" || t.Tag == "NNPS" }

// nameLike reports whether a token could be a word of a name by itself:
// it has a letter and no apostrophe (the tagger also tags "]" and "I'd"
// as proper nouns; plausible drops entities made of such tokens).
func nameLike(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0 && !strings.ContainsAny(s, "'’")
}

// plausible filters prose's entities with rules that hold for any text of
// this register: an entity needs a proper noun (NNP/NNPS); a single word
// at the start of a sentence is capitalised by position, not because it is
// a name ("Thank", "Furthermore"); forms of address ("Chair", "Mr.
// Chairperson"), months and contractions ("I've") are not entities.
func plausible(e ner.Entity, toks []token.Token) bool {
	var words []token.Token
	for _, t := range toks {
		if t.Start >= e.Start && t.End() <= e.End() {
			words = append(words, t)
		}
	}
	proper := false
	content := 0
	for _, t := range words {
		if t.Tag == "NNP" || t.Tag == "NNPS" {
			proper = true
		}
		if !notEntityWords[strings.ToLower(strings.TrimSuffix(t.Text, "."))] && nameLike(t.Text) {
			content++
		}
	}
	if !proper || content == 0 {
		return false
	}
	return !(len(words) == 1 && e.Start == firstWordStart(toks))
}

// fragment reports whether an entity starting at i continues a longer
// capitalised name joined by "of" ("Programme of Action", "Bank of
// England"): prose then labels only the last part, usually wrongly.
func fragment(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	for _, join := range []string{" of the", " of", " for the", " for", " on the", " on"} {
		if rest, ok := strings.CutSuffix(before, join); ok {
			words := strings.Fields(rest)
			if len(words) == 0 {
				return false
			}
			last := words[len(words)-1]
			r, _ := utf8.DecodeRuneInString(last)
			return unicode.IsUpper(r)
		}
	}
	return false
}

func firstWordStart(toks []token.Token) int {
	for _, t := range toks {
		if t.Tag != "``" && t.Tag != "(" && t.Text != "[" {
			return t.Start
		}
	}
	return -1
}

// notEntityWords are capitalised words that prose takes for entities but
// that name no one: forms of address, calendar words and the acronyms of
// the field (datasets/lexicons/entities/not_names.txt).
var notEntityWords = entities.NotNames()

func labelOf(k gazetteer.Kind) string {
	switch k {
	case gazetteer.KindState, gazetteer.KindObserver:
		return "GPE"
	default:
		return "ORG"
	}
}

func overlapsAny(es []Entity, start, end int) bool {
	for _, e := range es {
		if start < e.End && e.Start < end {
			return true
		}
	}
	return false
}

// ProseBaseline runs prose v3's own pipeline over text — NewDocument with
// its default options (tokens, sentences, tags and entities), as a user of
// prose alone would — and returns its entities (byte offsets into text,
// prose's labels) and its number of tokens. It is the baseline against
// which plenary's entities and throughput are measured.
func ProseBaseline(text string) (entities []Entity, tokens int, err error) {
	doc, err := prose.NewDocument(text)
	if err != nil {
		return nil, 0, fmt.Errorf("nlp: prose baseline: %w", err)
	}
	for i, e := range doc.Entities() {
		entities = append(entities, Entity{Seq: i + 1, Start: e.Start, End: e.End(), Text: e.Text, Label: e.Label, Source: SourceProse})
	}
	return entities, len(doc.Tokens()), nil
}

// NormalLabel maps prose's entity labels to the short OntoNotes names that
// the gazetteer's entities and most annotation schemes use: ORGANIZATION
// is ORG and LOCATION is LOC; other labels (GPE, PERSON, ...) are kept.
func NormalLabel(label string) string {
	switch label {
	case "ORGANIZATION":
		return "ORG"
	case "LOCATION":
		return "LOC"
	}
	return label
}
