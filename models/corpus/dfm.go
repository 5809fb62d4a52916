package corpus

import (
	"bufio"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"gonum.org/v1/gonum/mat"

	"github.com/plenary/plenary/datasets/lexicons/dfm"
)

// MinDocs is the number of delegations a feature must occur in to be kept
// in the document-feature matrix: words that only one delegation uses say
// nothing about how delegations relate to each other.
const MinDocs = 2

// lists holds the parsed embedded word lists.
var lists = sync.OnceValue(func() map[string]bool {
	drop := make(map[string]bool)
	for _, text := range []string{dfm.Stopwords(), dfm.Register()} {
		sc := bufio.NewScanner(strings.NewReader(text))
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			drop[strings.ToLower(w)] = true
		}
	}
	return drop
})

// Stopword reports whether the lower-case word w is removed from the
// document-feature matrix: it is listed in the English stopword list or in
// the register list of datasets/lexicons/dfm, as written or without a
// possessive "'s".
func Stopword(w string) bool {
	drop := lists()
	if drop[w] {
		return true
	}
	if base, ok := strings.CutSuffix(w, "'s"); ok && drop[base] {
		return true
	}
	return false
}

// Terms returns the features of one text, in text order, and the number of
// word tokens it has (stopwords included).
//
// A word token is a maximal run of letters and digits (Unicode categories
// L, M and Nd) in which an apostrophe (' or ’) or a hyphen may join two such
// characters ("don't", "capacity-building"); it is lower-cased, and dropped
// if it contains a digit ("2021", "G77", "rev1": numbers and document
// symbols) or has a single letter (initials, the "e" of "e.g."). Every other
// character separates tokens. A token is then removed if it is a Stopword,
// and otherwise Snowball-stemmed (Porter2 English, each hyphen-separated
// part on its own: "capacity-building" → "capac-build").
func Terms(text string) (terms []string, words int) {
	forEachWord(text, func(b []byte) {
		words++
		if w := string(b); !Stopword(w) {
			terms = append(terms, stem(w))
		}
	})
	return terms, words
}

// Counter counts the terms of texts (see Terms) into a map, remembering
// each word's stem: a corpus has a few thousand distinct words and
// millions of tokens, and stemming is the costly part of Terms. The zero
// value is ready to use; a Counter is not safe for concurrent use (give
// each goroutine its own; counts from several Counters add up to the same
// totals in any order).
type Counter struct {
	stems map[string]string // word → stem, "" for a stopword
}

// Add adds the terms of text to counts and returns its number of word
// tokens, stopwords included, exactly as Terms counts them.
func (c *Counter) Add(counts map[string]int, text string) (words int) {
	if c.stems == nil {
		c.stems = make(map[string]string)
	}
	forEachWord(text, func(b []byte) {
		words++
		st, ok := c.stems[string(b)] // no allocation for a word seen before
		if !ok {
			w := string(b)
			if !Stopword(w) {
				st = stem(w)
			}
			c.stems[w] = st
		}
		if st != "" {
			counts[st]++
		}
	})
	return words
}

// stem applies the Snowball English stemmer to each hyphen-separated part
// of w.
func stem(w string) string {
	if !strings.Contains(w, "-") {
		return english.Stem(w, true)
	}
	parts := strings.Split(w, "-")
	for i, p := range parts {
		parts[i] = english.Stem(p, true)
	}
	return strings.Join(parts, "-")
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

func joinerRune(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑':
		return true
	}
	return false
}

// forEachWord calls fn with every lower-case word token of text (see
// Terms). The bytes passed to fn are reused for the next token: fn must
// copy what it keeps (string(w)), which a map lookup m[string(w)] does not
// need to.
func forEachWord(text string, fn func(w []byte)) {
	var b []byte
	letters, digit := 0, false
	flush := func() {
		if len(b) > 0 && !digit && letters > 1 {
			fn(b)
		}
		b, letters, digit = b[:0], 0, false
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case wordRune(r):
			if unicode.IsDigit(r) {
				digit = true
			} else if unicode.IsLetter(r) {
				letters++
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
		case joinerRune(r) && len(b) > 0 && i+n < len(text) && wordRune(firstRune(text[i+n:])):
			if r == '\'' || r == '’' {
				b = append(b, '\'')
			} else {
				b = append(b, '-')
			}
		default:
			flush()
		}
		i += n
	}
	flush()
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// DFM builds the document-feature matrix of a set of delegations: texts[i]
// holds the turns of delegation i, and row i of counts holds how often each
// feature occurs in them. The features are the Terms of the turns; those
// that occur in at least MinDocs delegations are kept, as columns in
// byte-wise sorted order (vocab). Counts is nil when no feature is kept.
func DFM(texts [][]string) (counts *mat.Dense, vocab []string) {
	docs := make([]map[string]int, len(texts))
	df := make(map[string]int)
	for i, turns := range texts {
		docs[i] = make(map[string]int)
		for _, t := range turns {
			terms, _ := Terms(t)
			for _, f := range terms {
				if docs[i][f] == 0 {
					df[f]++
				}
				docs[i][f]++
			}
		}
	}
	return dfmOf(docs, df)
}

// dfmOf assembles the count matrix from per-document feature counts and
// document frequencies.
func dfmOf(docs []map[string]int, df map[string]int) (*mat.Dense, []string) {
	var vocab []string
	for f, n := range df {
		if n >= MinDocs {
			vocab = append(vocab, f)
		}
	}
	slices.Sort(vocab)
	if len(docs) == 0 || len(vocab) == 0 {
		return nil, nil
	}
	counts := mat.NewDense(len(docs), len(vocab), nil)
	for i, d := range docs {
		for j, f := range vocab {
			if c := d[f]; c > 0 {
				counts.Set(i, j, float64(c))
			}
		}
	}
	return counts, vocab
}
