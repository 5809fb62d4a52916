package prosemodels

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/ner/maxentmodel"
	"github.com/jdkato/prose/v3/token"

	proselists "github.com/plenary/plenary/datasets/lexicons/prose"
)

// Recognizer assigns prose v3's IOB entity labels ("B-GPE", "I-PERSON",
// "O") with prose's maximum-entropy model. Group the labelled tokens
// into entities with prose's ner.Extracter.Chunk. It is safe for
// concurrent use.
type Recognizer struct {
	labels  []string
	rows    map[string]int32 // "feature-value" -> row of weights
	weights []float32        // row r, label j at r*len(labels)+j; 0 where the model has none
	basic   map[string]bool
	scratch sync.Pool
}

// The recogniser's features, in the order prose sums their weights.
// Each label's score is the float32 sum, in this order, of the weights of
// "name-value-label" for the token's seventeen (name, value) pairs.
const (
	fBias = iota
	fWordlist
	fNextPOS
	fNextWord
	fPOS
	fPOSPrevTag
	fPrefix3
	fPrevPOS
	fPrevTag
	fPrevWord
	fShape
	fShapePrevTag
	fSuffix3
	fWord
	fWordNextPOS
	fWordLower
	fWordLen
	nFeatures
)

// featureNames spell the features as the model's keys do.
var featureNames = [nFeatures]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen",
}

// none is the model's value for a neighbour that does not exist.
const none = "None"

var recognizerOnce = sync.OnceValues(func() (*Recognizer, error) { return readRecognizer(maxentmodel.English) })

// NewRecognizer returns the recogniser for prose's built-in English
// model, loading it on the first call.
func NewRecognizer() (*Recognizer, error) { return recognizerOnce() }

type nerScratch struct {
	scores  []float32
	key     []byte
	values  [nFeatures]string
	history []string
}

// Label sets each token's Label. Tokens must carry part-of-speech tags;
// they are read as one sentence, left to right, each label depending on
// the one before.
func (r *Recognizer) Label(tokens []token.Token) {
	s := r.scratch.Get().(*nerScratch)
	defer r.scratch.Put(s)
	s.history = s.history[:0]
	for i := range tokens {
		r.values(s, tokens, i)
		clear(s.scores)
		for f := range nFeatures {
			r.add(s, f)
		}
		label := r.labels[argmax(s.scores)]
		tokens[i].Label = label
		s.history = append(s.history, labelClass(label))
	}
}

// values fills s.values with token i's feature values.
func (r *Recognizer) values(s *nerScratch, toks []token.Token, i int) {
	v := &s.values
	word := toks[i].Text
	lower := strings.ToLower(word)
	v[fBias] = "True"
	v[fWordlist] = modelBool(r.basic[word])
	v[fWord], v[fWordLower], v[fPOS] = word, lower, toks[i].Tag
	v[fPrefix3] = strings.ToLower(word[:min(len(word), 3)])
	v[fSuffix3] = strings.ToLower(word[len(word)-min(len(word), 3):])
	v[fShape] = shape(word)
	v[fWordLen] = strconv.Itoa(len(word))
	v[fPrevTag], v[fPrevWord], v[fPrevPOS] = none, none, none
	prevShape := none
	if i > 0 {
		v[fPrevTag] = s.history[i-1]
		v[fPrevWord] = strings.ToLower(toks[i-1].Text)
		v[fPrevPOS] = toks[i-1].Tag
	}
	if i > 1 { // prose gives the second word of a window no previous shape
		prevShape = shape(toks[i-1].Text)
	}
	v[fNextWord], v[fNextPOS] = none, none
	if i+1 < len(toks) {
		v[fNextWord] = strings.ToLower(toks[i+1].Text)
		v[fNextPOS] = strings.ToLower(toks[i+1].Tag)
	}
	v[fWordNextPOS] = lower + "+" + v[fNextPOS]
	v[fPOSPrevTag] = v[fPOS] + "+" + v[fPrevTag]
	v[fShapePrevTag] = prevShape + "+" + v[fPrevTag]
}

// modelBool spells a boolean as the model's keys do ("True", "False").
func modelBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// add adds feature f's weights for every label.
func (r *Recognizer) add(s *nerScratch, f int) {
	s.key = append(append(append(s.key[:0], featureNames[f]...), '-'), s.values[f]...)
	row, ok := r.rows[string(s.key)]
	if !ok {
		return
	}
	n := len(r.labels)
	for j, w := range r.weights[int(row)*n : int(row+1)*n] {
		s.scores[j] += w
	}
}

// labelClass is what the next token sees of a label: "B", "I" or "O".
func labelClass(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	if i := strings.IndexByte(label, '-'); i >= 0 {
		return label[:i]
	}
	return label
}

// shape classes a word as prose's recogniser does: "number" if it parses
// as a float, "punct" if its last character is not an ASCII letter, digit
// or underscore, "downcase", "upcase" (title case), "mixedcase", or
// "other" for the empty string.
func shape(word string) string {
	if word == "" {
		return "other"
	}
	if looksNumeric(word) {
		return "number"
	}
	last, _ := utf8.DecodeLastRuneInString(word)
	if !isASCIIWordRune(last) {
		return "punct"
	}
	if strings.ToLower(word) == word {
		return "downcase"
	}
	//nolint:staticcheck // prose's model was trained on strings.Title's answers
	if strings.Title(word) == word {
		return "upcase"
	}
	return "mixedcase"
}

// looksNumeric reports whether strconv.ParseFloat accepts word, skipping
// the call (and its error allocation) for words that cannot start a
// number, "inf" or "nan".
func looksNumeric(word string) bool {
	switch c := word[0]; {
	case c >= '0' && c <= '9', c == '.', c == '+', c == '-', c == 'i', c == 'I', c == 'n', c == 'N':
		_, err := strconv.ParseFloat(word, 64)
		return err == nil
	}
	return false
}

func isASCIIWordRune(c rune) bool {
	return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// readRecognizer decodes prose's flat maximum-entropy format (magic
// "PROSENER", version 1; layout in prose's internal/maxent package
// documentation): keys "feature-value-label" with one weight each,
// regrouped here into one row of weights per "feature-value".
func readRecognizer(data []byte) (*Recognizer, error) {
	m := &modelReader{data: data}
	m.expect("PROSENER")
	m.uint32() // the GIS cardinality, unused when classifying
	r := &Recognizer{basic: proselists.BasicEnglish()}
	r.labels = m.strings(m.count())
	nKeys, blobLen := m.count(), m.count()
	blob := string(m.bytes(blobLen))
	keyAt := m.uint32s(nKeys + 1)
	weights := m.float32s(nKeys)
	if m.err != nil {
		return nil, fmt.Errorf("prosemodels: reading prose's entity model: %w", m.err)
	}
	if err := r.index(blob, keyAt, weights); err != nil {
		return nil, fmt.Errorf("prosemodels: reading prose's entity model: %w", err)
	}
	r.scratch.New = func() any { return &nerScratch{scores: make([]float32, len(r.labels))} }
	return r, nil
}

// index splits every key into its "feature-value" row and its label.
func (r *Recognizer) index(blob string, keyAt []uint32, weights []float32) error {
	if int(keyAt[len(keyAt)-1]) != len(blob) {
		return fmt.Errorf("key offsets end at %d, blob is %d bytes", keyAt[len(keyAt)-1], len(blob))
	}
	n := len(r.labels)
	rows := len(weights)/max(n, 1) + 1 // most features have a weight for most labels
	r.rows = make(map[string]int32, rows)
	r.weights = make([]float32, 0, rows*n)
	for k := range weights {
		lo, hi := keyAt[k], keyAt[k+1]
		if lo > hi {
			return fmt.Errorf("key %d: offsets out of order", k)
		}
		key := blob[lo:hi]
		label := r.labelOf(key)
		if label < 0 {
			return fmt.Errorf("key %q names no label of the model", key)
		}
		head := key[:len(key)-len(r.labels[label])-1]
		row, ok := r.rows[head]
		if !ok {
			row = int32(len(r.rows))
			r.rows[head] = row
			r.weights = append(r.weights, make([]float32, n)...)
		}
		r.weights[int(row)*n+label] = weights[k]
	}
	return nil
}

// labelOf is the index of the label key ends with ("-" + label), or -1.
func (r *Recognizer) labelOf(key string) int {
	for j, l := range r.labels {
		if len(key) > len(l) && strings.HasSuffix(key, l) && key[len(key)-len(l)-1] == '-' {
			return j
		}
	}
	return -1
}
