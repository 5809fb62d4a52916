package prosemodels

import (
	"fmt"
	"strings"
)

// The tagger's feature templates. A feature string is the template's
// prefix followed by its value: "i-1 word " + the previous word, "i tag+i-2
// tag " + the two previous tags joined by a space, and so on.
const (
	tIsuffix = iota
	tIminus1Suffix
	tIplus1Suffix
	nSuffixTemplates
)

const (
	tIword = iota
	tIminus1Word
	tIminus2Word
	tIplus1Word
	tIplus2Word
	nWordTemplates
)

const (
	tIminus1Tag = iota
	tIminus2Tag
	nTagTemplates
)

var (
	suffixPrefixes = [nSuffixTemplates]string{"i suffix ", "i-1 suffix ", "i+1 suffix "}
	wordPrefixes   = [nWordTemplates]string{"i word ", "i-1 word ", "i-2 word ", "i+1 word ", "i+2 word "}
	tagPrefixes    = [nTagTemplates]string{"i-1 tag ", "i-2 tag "}
)

const (
	biasFeature    = "bias"
	prefixTemplate = "i pref1 "
	pairTemplate   = "i tag+i-2 tag "
	tagWordPrefix  = "i-1 tag+i word "
)

// featureIndex finds a feature's row from ids instead of strings: each
// word, suffix and tag of a sentence is looked up once, and every
// template that reads it indexes an array with its id. Ids and rows are
// -1 for values the model never saw, which therefore have no weights.
type featureIndex struct {
	bias     int32
	words    map[string]int32 // normal form -> id
	suffixes map[string]int32 // last three bytes -> id
	tags     map[string]int32 // tag -> id

	wordRows   [nWordTemplates][]int32   // by word id
	suffixRows [nSuffixTemplates][]int32 // by suffix id
	tagRows    [nTagTemplates][]int32    // by tag id
	pairRows   []int32                   // by previous tag id × tags + the one before
	prefixRows [256]int32                // by first byte
	emptyWord  int32                     // "i pref1 " of the empty word
	tagWord    map[uint64]int32          // previous tag id << 32 | word id
}

// build parses every feature string of the model into the index.
func (ix *featureIndex) build(blob string, featureAt []uint32) error {
	ix.bias, ix.emptyWord = -1, -1
	n := len(featureAt) - 1
	ix.words, ix.suffixes, ix.tags = make(map[string]int32, n/2), make(map[string]int32, n/8), map[string]int32{}
	ix.tagWord = map[uint64]int32{}
	for i := range ix.prefixRows {
		ix.prefixRows[i] = -1
	}
	type pending struct {
		kind, template int
		value          string
		row            int32
	}
	all := make([]pending, 0, n)
	for i := range len(featureAt) - 1 {
		f := blob[featureAt[i]:featureAt[i+1]]
		kind, template, value := classify(f)
		if kind == kindUnknown {
			continue // a string prose never builds: it cannot be looked up
		}
		all = append(all, pending{kind, template, value, int32(i)})
		ix.vocabulary(kind, value)
	}
	ix.allocate()
	for _, p := range all {
		if err := ix.place(p.kind, p.template, p.value, p.row); err != nil {
			return err
		}
	}
	return nil
}

// Kinds of feature template.
const (
	kindUnknown = iota
	kindBias
	kindPrefix
	kindSuffix
	kindWord
	kindTag
	kindPair
	kindTagWord
)

// classify names a feature string's template and value.
func classify(f string) (kind, template int, value string) {
	switch {
	case f == biasFeature:
		return kindBias, 0, ""
	case strings.HasPrefix(f, prefixTemplate):
		return kindPrefix, 0, f[len(prefixTemplate):]
	case strings.HasPrefix(f, pairTemplate):
		return kindPair, 0, f[len(pairTemplate):]
	case strings.HasPrefix(f, tagWordPrefix):
		return kindTagWord, 0, f[len(tagWordPrefix):]
	}
	for t, p := range suffixPrefixes {
		if strings.HasPrefix(f, p) {
			return kindSuffix, t, f[len(p):]
		}
	}
	for t, p := range wordPrefixes {
		if strings.HasPrefix(f, p) {
			return kindWord, t, f[len(p):]
		}
	}
	for t, p := range tagPrefixes {
		if strings.HasPrefix(f, p) {
			return kindTag, t, f[len(p):]
		}
	}
	return kindUnknown, 0, ""
}

// vocabulary gives ids to the words, suffixes and tags of a feature.
func (ix *featureIndex) vocabulary(kind int, value string) {
	switch kind {
	case kindSuffix:
		addID(ix.suffixes, value)
	case kindWord:
		addID(ix.words, value)
	case kindTag:
		addID(ix.tags, value)
	case kindPair, kindTagWord:
		first, rest, _ := strings.Cut(value, " ")
		addID(ix.tags, first)
		if kind == kindPair {
			addID(ix.tags, rest)
		} else {
			addID(ix.words, rest)
		}
	}
}

func addID(ids map[string]int32, value string) {
	if _, ok := ids[value]; !ok {
		ids[value] = int32(len(ids))
	}
}

// allocate sizes the row arrays for the vocabularies, every row -1.
func (ix *featureIndex) allocate() {
	for t := range ix.wordRows {
		ix.wordRows[t] = noRows(len(ix.words))
	}
	for t := range ix.suffixRows {
		ix.suffixRows[t] = noRows(len(ix.suffixes))
	}
	for t := range ix.tagRows {
		ix.tagRows[t] = noRows(len(ix.tags))
	}
	ix.pairRows = noRows(len(ix.tags) * len(ix.tags))
}

func noRows(n int) []int32 {
	rows := make([]int32, n)
	for i := range rows {
		rows[i] = -1
	}
	return rows
}

// place records feature row under its ids.
func (ix *featureIndex) place(kind, template int, value string, row int32) error {
	switch kind {
	case kindBias:
		ix.bias = row
	case kindPrefix:
		switch len(value) {
		case 0:
			ix.emptyWord = row
		case 1:
			ix.prefixRows[value[0]] = row
		}
	case kindSuffix:
		ix.suffixRows[template][ix.suffixes[value]] = row
	case kindWord:
		ix.wordRows[template][ix.words[value]] = row
	case kindTag:
		ix.tagRows[template][ix.tags[value]] = row
	case kindPair:
		first, rest, ok := strings.Cut(value, " ")
		if !ok {
			return fmt.Errorf("feature %q%s has no second tag", pairTemplate, value)
		}
		ix.pairRows[int(ix.tags[first])*len(ix.tags)+int(ix.tags[rest])] = row
	case kindTagWord:
		first, rest, ok := strings.Cut(value, " ")
		if !ok {
			return fmt.Errorf("feature %q%s has no word", tagWordPrefix, value)
		}
		ix.tagWord[uint64(ix.tags[first])<<32|uint64(ix.words[rest])] = row
	}
	return nil
}

// id looks value up, -1 if absent.
func id(ids map[string]int32, value string) int32 {
	if i, ok := ids[value]; ok {
		return i
	}
	return -1
}

func (ix *featureIndex) word(w string) int32   { return id(ix.words, w) }
func (ix *featureIndex) suffix(s string) int32 { return id(ix.suffixes, s) }
func (ix *featureIndex) tag(t string) int32    { return id(ix.tags, t) }

func (ix *featureIndex) wordRow(template int, word int32) int32 {
	if word < 0 {
		return -1
	}
	return ix.wordRows[template][word]
}

func (ix *featureIndex) suffixRow(template int, suffix int32) int32 {
	if suffix < 0 {
		return -1
	}
	return ix.suffixRows[template][suffix]
}

func (ix *featureIndex) tagRow(template int, tag int32) int32 {
	if tag < 0 {
		return -1
	}
	return ix.tagRows[template][tag]
}

func (ix *featureIndex) tagPairRow(prev, prev2 int32) int32 {
	if prev < 0 || prev2 < 0 {
		return -1
	}
	return ix.pairRows[int(prev)*len(ix.tags)+int(prev2)]
}

func (ix *featureIndex) tagWordRow(prev, word int32) int32 {
	if prev < 0 || word < 0 {
		return -1
	}
	if row, ok := ix.tagWord[uint64(prev)<<32|uint64(word)]; ok {
		return row
	}
	return -1
}

// prefixRow is the row of "i pref1 " and the word's first byte.
func (ix *featureIndex) prefixRow(word string) int32 {
	if word == "" {
		return ix.emptyWord
	}
	return ix.prefixRows[word[0]]
}
