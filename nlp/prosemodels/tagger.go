// Package prosemodels runs prose v3's trained part-of-speech tagger and
// entity recogniser with hash indexes over their weights.
//
// prose stores each model's feature strings sorted in one blob and finds
// every feature by binary search: about seventeen string comparisons per
// feature, fourteen features per tagged token and seventeen per label for
// each of the recogniser's thirteen labels. In plenary's profile those
// searches were half of the whole run. This package reads the same model
// bytes once per process (prose's exported aptagmodel.English and
// maxentmodel.English), indexes the features in Go maps and scores them
// in the order prose does, in the same float32 arithmetic, so that every
// tag and every entity label is identical to prose's — which
// TestSameAnswersAsProse checks on every transcript in the repository and
// FuzzSameAnswersAsProse on generated input.
//
// Segmentation, tokenization and the grouping of labels into entities
// (prose's Extracter.Chunk) stay prose's own.
package prosemodels

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"

	proselists "github.com/plenary/plenary/datasets/lexicons/prose"
)

// Tagger assigns Penn Treebank tags with prose v3's averaged perceptron.
// It is safe for concurrent use.
type Tagger struct {
	classes     []string
	rowStart    []uint32 // row r's weights are pairs[rowStart[r]:rowStart[r+1]]
	classIDs    []uint8
	weights     []float32
	unambiguous map[string]uint8 // words the model tags without scoring
	emoticons   map[string]bool
	index       featureIndex
	scratch     sync.Pool
}

// Tag names of the tagger's fixed answers and its sentence padding.
const (
	startTag  = "-START-"
	start2Tag = "-START2-"
	endWord   = "-END-"
	end2Word  = "-END2-"
)

var (
	taggerOnce = sync.OnceValues(func() (*Tagger, error) { return readTagger(aptagmodel.English) })

	// traceToken matches the Penn Treebank's empty elements and traces
	// ("0", "*", "*T*-1", "*-2"), which prose tags -NONE- unscored.
	traceToken = regexp.MustCompile(`^(0|\*|\*[\w?]\*|\*-[0-9]{1,3}|\*[A-Z]+\*-[0-9]{1,3})$`)
	// bracketToken matches the treebank's bracket escapes ("-LRB-"), which
	// prose tags as themselves.
	bracketToken = regexp.MustCompile(`^-[A-Z]{3}-$`)
)

// NewTagger returns the tagger for prose's built-in English model,
// loading it on the first call.
func NewTagger() (*Tagger, error) { return taggerOnce() }

type tagScratch struct {
	scores   []float32
	words    []int32 // vocabulary ids of the padded sentence's normal forms
	suffixes []int32 // ids of their last three bytes
}

// TagTokens sets each token's Tag, treating the tokens as one sentence.
func (t *Tagger) TagTokens(tokens []token.Token) {
	if len(tokens) == 0 {
		return
	}
	s := t.scratch.Get().(*tagScratch)
	defer t.scratch.Put(s)
	s.words, s.suffixes = s.words[:0], s.suffixes[:0]
	s.context(&t.index, startTag, start2Tag)
	for _, tok := range tokens {
		s.context(&t.index, normalForm(tok.Text))
	}
	s.context(&t.index, endWord, end2Word)
	prev, prev2 := startTag, start2Tag
	for i := range tokens {
		tg := t.tagOf(s, i, tokens[i].Text, prev, prev2)
		tokens[i].Tag = tg
		prev2, prev = prev, tg
	}
}

// context appends the ids of words to the sentence's context.
func (s *tagScratch) context(ix *featureIndex, words ...string) {
	for _, w := range words {
		s.words = append(s.words, ix.word(w))
		s.suffixes = append(s.suffixes, ix.suffix(lastBytes(w, 3)))
	}
}

// tagOf tags word, the i'th token; s holds the sentence's context, two
// padding words at each end.
func (t *Tagger) tagOf(s *tagScratch, i int, word, prev, prev2 string) string {
	if tg, ok := t.fixedTag(word); ok {
		return tg
	}
	if id, ok := t.unambiguous[word]; ok {
		return t.classes[id]
	}
	ix := &t.index
	p1, p2 := ix.tag(prev), ix.tag(prev2)
	w, sf := s.words[i:i+5], s.suffixes[i:i+5]
	clear(s.scores)
	for _, row := range [...]int32{
		ix.bias,
		ix.suffixRow(tIsuffix, ix.suffix(lastBytes(word, 3))),
		ix.prefixRow(word),
		ix.tagRow(tIminus1Tag, p1),
		ix.tagRow(tIminus2Tag, p2),
		ix.tagPairRow(p1, p2),
		ix.wordRow(tIword, w[2]),
		ix.tagWordRow(p1, w[2]),
		ix.wordRow(tIminus1Word, w[1]),
		ix.suffixRow(tIminus1Suffix, sf[1]),
		ix.wordRow(tIminus2Word, w[0]),
		ix.wordRow(tIplus1Word, w[3]),
		ix.suffixRow(tIplus1Suffix, sf[3]),
		ix.wordRow(tIplus2Word, w[4]),
	} {
		t.add(s.scores, row)
	}
	return t.classes[argmax(s.scores)]
}

// fixedTag gives the tags prose assigns before its model is consulted.
func (t *Tagger) fixedTag(word string) (string, bool) {
	switch {
	case word == "-":
		return "-", true
	case t.emoticons[word]:
		return "SYM", true
	case strings.HasPrefix(word, "@"):
		return "NN", true
	case word != "" && (word[0] == '0' || word[0] == '*') && traceToken.MatchString(word):
		return "-NONE-", true
	case len(word) == 5 && word[0] == '-' && bracketToken.MatchString(word):
		return word, true
	}
	return "", false
}

// add adds the weights of feature row (none if row < 0) to scores.
func (t *Tagger) add(scores []float32, row int32) {
	if row < 0 {
		return
	}
	lo, hi := t.rowStart[row], t.rowStart[row+1]
	for j, id := range t.classIDs[lo:hi] {
		scores[id] += t.weights[lo+uint32(j)]
	}
}

// argmax is the index of the highest score, the lowest index on ties.
func argmax(scores []float32) int {
	best, at := float32(math.Inf(-1)), 0
	for i, v := range scores {
		if v > best {
			best, at = v, i
		}
	}
	return at
}

// normalForm maps a word onto the vocabulary the tagger was trained on:
// hyphenated words, four-digit numbers and other numbers become
// placeholders, everything else is lower-cased.
func normalForm(word string) string {
	switch {
	case word == "":
		return word
	case word[0] != '-' && strings.IndexByte(word, '-') >= 0:
		return "!HYPHEN"
	case len(word) == 4 && isSignedInteger(word):
		return "!YEAR"
	case word[0] >= '0' && word[0] <= '9':
		return "!DIGITS"
	}
	return lowerCase(word)
}

// isSignedInteger reports whether s is an optional sign and ASCII digits.
func isSignedInteger(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// lowerCase is strings.ToLower without the allocation for words that are
// already lower-case ASCII.
func lowerCase(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// lastBytes is the last n bytes of w (all of w if shorter): the model's
// affix features count bytes, not characters.
func lastBytes(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// readTagger decodes prose's flat perceptron format (magic "PROSETAG",
// version 1; layout in prose's internal/flat package documentation) into
// a hash index.
func readTagger(data []byte) (*Tagger, error) {
	r := &modelReader{data: data}
	r.expect("PROSETAG")
	t := &Tagger{emoticons: proselists.Emoticons()}
	t.classes = r.strings(r.count())
	nFeatures, nPairs, blobLen := r.count(), r.count(), r.count()
	blob := string(r.bytes(blobLen))
	featureAt := r.uint32s(nFeatures + 1)
	t.rowStart = r.uint32s(nFeatures + 1)
	t.classIDs = append([]uint8(nil), r.bytes(nPairs)...)
	t.weights = r.float32s(nPairs)
	nWords := r.count()
	t.unambiguous = make(map[string]uint8, nWords)
	for range nWords {
		w := r.string16()
		t.unambiguous[w] = r.byte()
	}
	if r.err != nil {
		return nil, fmt.Errorf("prosemodels: reading prose's tagger model: %w", r.err)
	}
	if err := t.check(blob, featureAt); err != nil {
		return nil, fmt.Errorf("prosemodels: reading prose's tagger model: %w", err)
	}
	if err := t.index.build(blob, featureAt); err != nil {
		return nil, fmt.Errorf("prosemodels: reading prose's tagger model: %w", err)
	}
	t.scratch.New = func() any { return &tagScratch{scores: make([]float32, len(t.classes))} }
	return t, nil
}

// check verifies the offsets and class ids the scoring relies on.
func (t *Tagger) check(blob string, featureAt []uint32) error {
	n := len(featureAt) - 1
	if int(featureAt[n]) != len(blob) || int(t.rowStart[n]) != len(t.weights) {
		return fmt.Errorf("offsets do not match the model's sizes")
	}
	for i := range n {
		if featureAt[i] > featureAt[i+1] || t.rowStart[i] > t.rowStart[i+1] {
			return fmt.Errorf("feature %d: offsets out of order", i)
		}
	}
	for _, id := range t.classIDs {
		if int(id) >= len(t.classes) {
			return fmt.Errorf("class %d out of range", id)
		}
	}
	for _, id := range t.unambiguous {
		if int(id) >= len(t.classes) {
			return fmt.Errorf("class %d out of range", id)
		}
	}
	return nil
}
