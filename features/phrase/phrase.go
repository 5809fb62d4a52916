// Package phrase matches the phrases of plenary's lexicons — target names,
// stance cues, scope words — against the words of a sentence.
//
// A phrase is a sequence of words matched on word boundaries. A word ending
// in * matches any word with that beginning ("support*" matches supports,
// supported, supporting); a lone * matches any one word, and ** matches up
// to three words ("encourage ** to support" matches "encourage all member
// states to support"). Matching is
// case-insensitive unless the phrase is marked case-sensitive (acronyms such
// as "POA", which must not match "poa" in running text).
//
// Words are letters and digits with inner apostrophes, hyphens and periods
// ("co-sponsor", "Chair's", "rev."); the negation "n't" is split off its
// verb so that "don't support" and "do not support" read the same.
package phrase

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text with its byte offsets.
type Word struct {
	Text       string // as written
	Lower      string // lower case
	Start, End int
}

// Words splits s into words.
func Words(s string) []Word {
	out := make([]Word, 0, len(s)/5+1) // words of UN English average five bytes with their space
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if (r == '\'' || r == '\u2019' || r == '-' || r == '.') && j+n < len(s) {
				next, _ := utf8.DecodeRuneInString(s[j+n:])
				if isWordRune(next) {
					j += n
					continue
				}
			}
			break
		}
		out = appendWord(out, s, i, j)
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// appendWord adds s[i:j], splitting a final "n't" into a word of its own.
func appendWord(out []Word, s string, i, j int) []Word {
	w := s[i:j]
	low := strings.ToLower(w)
	if strings.HasSuffix(low, "n't") && len(low) > 3 {
		k := j - 3
		out = append(out, Word{Text: s[i:k], Lower: low[:len(low)-3], Start: i, End: k})
		return append(out, Word{Text: s[k:j], Lower: "n't", Start: k, End: j})
	}
	return append(out, Word{Text: w, Lower: low, Start: i, End: j})
}

// part is one word of a pattern.
type part struct {
	text   string // lower case unless the pattern is case-sensitive
	prefix bool   // text* : any word starting with text
	any    bool   // * : any word
	gap    bool   // ** : zero to maxGap words
}

// maxGap is how many words ** may skip.
const maxGap = 3

// Pattern is a compiled phrase.
type Pattern struct {
	Raw           string
	Weight        float64
	CaseSensitive bool
	parts         []part
}

// Compile parses a phrase; caseSensitive keeps its letters' case.
func Compile(raw string, weight float64, caseSensitive bool) (Pattern, error) {
	p := Pattern{Raw: raw, Weight: weight, CaseSensitive: caseSensitive}
	for _, f := range strings.Fields(raw) {
		switch {
		case f == "**":
			p.parts = append(p.parts, part{gap: true})
		case f == "*":
			p.parts = append(p.parts, part{any: true})
		case strings.HasSuffix(f, "*"):
			p.parts = append(p.parts, wordParts(strings.TrimSuffix(f, "*"), caseSensitive, true)...)
		default:
			p.parts = append(p.parts, wordParts(f, caseSensitive, false)...)
		}
	}
	if len(p.parts) == 0 {
		return Pattern{}, fmt.Errorf("phrase %q has no words", raw)
	}
	if p.parts[0].gap || p.parts[len(p.parts)-1].gap {
		return Pattern{}, fmt.Errorf("phrase %q: ** must stand between words", raw)
	}
	return p, nil
}

// wordParts splits one whitespace-separated field into word parts ("n't"
// forms two), marking the last as a prefix if asked.
func wordParts(f string, caseSensitive, prefix bool) []part {
	var out []part
	for _, w := range Words(f) {
		t := w.Lower
		if caseSensitive {
			t = w.Text
		}
		out = append(out, part{text: t})
	}
	if prefix && len(out) > 0 {
		out[len(out)-1].prefix = true
	}
	return out
}

// MustCompile is Compile for phrases known to be valid; it panics otherwise.
func MustCompile(raw string, weight float64, caseSensitive bool) Pattern {
	p, err := Compile(raw, weight, caseSensitive)
	if err != nil {
		panic(err)
	}
	return p
}

// matchAt returns the index of the last word of the shortest match of p
// starting at word i, or -1.
func (p Pattern) matchAt(words []Word, i int) int {
	return p.matchFrom(words, 0, i)
}

func (p Pattern) matchFrom(words []Word, k, i int) int {
	if k == len(p.parts) {
		return i - 1
	}
	pt := p.parts[k]
	if pt.gap {
		for skip := 0; skip <= maxGap; skip++ {
			if last := p.matchFrom(words, k+1, i+skip); last >= 0 {
				return last
			}
		}
		return -1
	}
	if i >= len(words) || !pt.matches(words[i], p.CaseSensitive) {
		return -1
	}
	return p.matchFrom(words, k+1, i+1)
}

func (pt part) matches(w Word, caseSensitive bool) bool {
	t := w.Lower
	if caseSensitive {
		t = w.Text
	}
	switch {
	case pt.any:
		return true
	case pt.prefix:
		return strings.HasPrefix(t, pt.text)
	}
	return t == pt.text
}

// Hit is one match of a pattern.
type Hit struct {
	Pattern     int // index in the Set
	First, Last int // word indexes, inclusive
	Start, End  int // byte offsets
}

// Set is a compiled list of patterns, indexed by first word.
type Set struct {
	patterns []Pattern
	byFirst  map[string][]int
	byStem   map[string][]int // case-insensitive patterns whose first part is a prefix, by its first stemKey bytes
	scan     []int            // patterns whose first part is a wildcard, a gap or a short prefix
	// leads has bit lead(k) set for every key k of byFirst and byStem: a
	// word whose lead bit is clear starts no indexed pattern, which spares
	// most words both map lookups.
	leads [1 << 16 / 64]uint64
}

// lead packs the first two bytes of s (the first and 0 for one byte).
func lead(s string) uint16 {
	switch len(s) {
	case 0:
		return 0
	case 1:
		return uint16(s[0]) << 8
	}
	return uint16(s[0])<<8 | uint16(s[1])
}

func (s *Set) markLead(key string) { l := lead(key); s.leads[l/64] |= 1 << (l % 64) }

func (s *Set) mayLead(w string) bool { l := lead(w); return s.leads[l/64]&(1<<(l%64)) != 0 }

// stemKey is how many leading bytes of a prefix part index it.
const stemKey = 2

// NewSet indexes patterns for matching.
func NewSet(patterns []Pattern) *Set {
	s := &Set{patterns: patterns, byFirst: map[string][]int{}, byStem: map[string][]int{}}
	for i, p := range patterns {
		first := p.parts[0]
		if first.prefix && !p.CaseSensitive && len(first.text) >= stemKey {
			s.byStem[first.text[:stemKey]] = append(s.byStem[first.text[:stemKey]], i)
			s.markLead(first.text)
			continue
		}
		if first.any || first.prefix || first.gap {
			s.scan = append(s.scan, i)
			continue
		}
		key := first.text
		if p.CaseSensitive {
			key = strings.ToLower(key)
		}
		s.byFirst[key] = append(s.byFirst[key], i)
		s.markLead(key)
	}
	return s
}

// Patterns returns the set's patterns in their original order.
func (s *Set) Patterns() []Pattern { return s.patterns }

// Find returns every match in words, ordered by first word, longer
// matches first, then pattern order.
func (s *Set) Find(words []Word) []Hit {
	var hits []Hit
	for i := range words {
		hits = s.appendAt(hits, words, i)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		if a.First != b.First {
			return a.First - b.First
		}
		if a.Last != b.Last {
			return b.Last - a.Last
		}
		return a.Pattern - b.Pattern
	})
	return hits
}

// StartsAt reports whether a pattern of the set matches words from word i
// on: cheaper than Find when only one position matters (how a sentence
// opens).
func (s *Set) StartsAt(words []Word, i int) bool {
	return i < len(words) && len(s.appendAt(nil, words, i)) > 0
}

// appendAt appends the hits that start at word i.
func (s *Set) appendAt(hits []Hit, words []Word, i int) []Hit {
	w := words[i]
	var first, stem []int
	if s.mayLead(w.Lower) {
		first = s.byFirst[w.Lower]
		if len(w.Lower) >= stemKey {
			stem = s.byStem[w.Lower[:stemKey]]
		}
	}
	for _, list := range [][]int{first, stem, s.scan} {
		for _, pi := range list {
			if last := s.patterns[pi].matchAt(words, i); last >= 0 {
				hits = append(hits, Hit{Pattern: pi, First: i, Last: last, Start: w.Start, End: words[last].End})
			}
		}
	}
	return hits
}

// Longest keeps, among overlapping hits, the longest (earliest on ties),
// for lists such as target names where "revised proposal of 15 December"
// must win over "proposal of 15 December".
func Longest(hits []Hit) []Hit {
	sorted := slices.Clone(hits)
	slices.SortStableFunc(sorted, func(a, b Hit) int {
		if la, lb := a.Last-a.First, b.Last-b.First; la != lb {
			return lb - la
		}
		return a.First - b.First
	})
	var kept []Hit
	for _, h := range sorted {
		if !slices.ContainsFunc(kept, func(k Hit) bool { return h.First <= k.Last && k.First <= h.Last }) {
			kept = append(kept, h)
		}
	}
	slices.SortFunc(kept, func(a, b Hit) int { return a.First - b.First })
	return kept
}
