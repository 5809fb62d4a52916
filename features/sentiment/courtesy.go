package sentiment

import (
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The courtesy pattern language (see courtesy.txt for the user's view).

type elemKind uint8

const (
	eWord   elemKind = iota // a literal word
	ePrefix                 // a word that begins with word
	eGroup                  // one of alts
	eOpt                    // one of alts, or nothing
	eName                   // a capitalised name of 1–5 words
	eAny                    // 0–4 words of anything
	eRest                   // the rest of the clause
	eStart                  // start of the sentence (zero width)
	eBreak                  // a clause break here (zero width)
)

type elem struct {
	kind elemKind
	word string
	alts [][]elem
	plus bool // one or more
}

type pattern struct {
	line     int
	seq      []elem
	anchored bool // begins with ^
	// first-token filter
	firstWords    map[string]bool
	firstPrefixes []string
	firstName     bool
	firstAny      bool
	// every match contains a word of each anchor set
	anchorSets []anchorSet
}

// anchorSet is a set of words (and word beginnings) of which a match
// contains at least one.
type anchorSet struct {
	words, prefixes []string
}

type courtesyRules struct {
	patterns []pattern
	anchors  anchorIndex
	boundary [][]elem // alternatives of @boundary; nil when not defined
}

// maxName is the most words a NAME matches; maxAny the most words * matches.
const (
	maxName = 5
	maxAny  = 5
)

// nameStop lists capitalised words that never begin or continue a name.
var nameStop = map[string]bool{
	"i": true, "we": true, "our": true, "my": true, "you": true, "your": true,
	"it": true, "its": true, "this": true, "that": true, "these": true, "those": true,
	"he": true, "she": true, "they": true, "their": true, "his": true, "her": true,
	"and": true, "but": true, "so": true, "in": true, "on": true, "as": true, "at": true,
	"for": true, "to": true, "of": true, "if": true, "thank": true, "thanks": true,
	"allow": true, "let": true, "since": true, "also": true, "finally": true,
	"first": true, "secondly": true, "lastly": true, "however": true,
}

// nameJoin lists lower-case words that may join the words of a name
// ("Bosnia and Herzegovina", "Republic of Korea").
var nameJoin = map[string]bool{"of": true, "and": true, "the": true, "de": true, "del": true, "la": true}

// --- parsing ---

// classLine is the start of a class definition, "@name =".
var classLine = regexp.MustCompile(`^@[^\s=]*\s*=`)

type lexer struct {
	toks []string
	pos  int
}

func lexPattern(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case strings.HasPrefix(s[i:], "..."):
			out = append(out, "...")
			i += 3
		case strings.IndexByte("()[]|,+^", c) >= 0:
			out = append(out, s[i:i+1])
			i++
		default:
			j := i
			for j < len(s) && strings.IndexByte(" \t()[]|,+^", s[j]) < 0 && !strings.HasPrefix(s[j:], "...") {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

type patternParser struct {
	lexer
	line    int
	classes map[string][][]elem
}

func (p *patternParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *patternParser) next() string {
	t := p.peek()
	p.pos++
	return t
}

// alts parses seq ('|' seq)* up to a closing bracket or the end.
func (p *patternParser) alts() ([][]elem, error) {
	var out [][]elem
	for {
		seq, err := p.seq()
		if err != nil {
			return nil, err
		}
		out = append(out, seq)
		if p.peek() != "|" {
			return out, nil
		}
		p.next()
	}
}

func (p *patternParser) seq() ([]elem, error) {
	var out []elem
	for {
		switch t := p.peek(); t {
		case "", "|", ")", "]":
			return out, nil
		case "+":
			if len(out) == 0 {
				return nil, parseErr("courtesy", p.line, "'+' must follow an element")
			}
			p.next()
			out[len(out)-1].plus = true
		default:
			e, err := p.atom()
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
}

func (p *patternParser) atom() (elem, error) {
	t := p.next()
	switch {
	case t == "(" || t == "[":
		closing := ")"
		kind := eGroup
		if t == "[" {
			closing, kind = "]", eOpt
		}
		alts, err := p.alts()
		if err != nil {
			return elem{}, err
		}
		if p.next() != closing {
			return elem{}, parseErr("courtesy", p.line, "missing %q", closing)
		}
		return elem{kind: kind, alts: alts}, nil
	case t == "...":
		return elem{kind: eRest}, nil
	case t == "*":
		return elem{kind: eAny}, nil
	case t == "^":
		return elem{kind: eStart}, nil
	case t == ",":
		return elem{kind: eBreak}, nil
	case t == "NAME":
		return elem{kind: eName}, nil
	case strings.HasPrefix(t, "@"):
		alts, ok := p.classes[t[1:]]
		if !ok {
			return elem{}, parseErr("courtesy", p.line, "class %s is not defined on an earlier line", t)
		}
		return elem{kind: eGroup, alts: alts}, nil
	case strings.HasSuffix(t, "*"):
		key, _, ok := keyOf(strings.TrimSuffix(t, "*"))
		if !ok || strings.Contains(key, " ") {
			return elem{}, parseErr("courtesy", p.line, "bad prefix %q", t)
		}
		return elem{kind: ePrefix, word: key}, nil
	default:
		key, n, ok := keyOf(t)
		if !ok || n != 1 {
			return elem{}, parseErr("courtesy", p.line, "%q is not a word", t)
		}
		return elem{kind: eWord, word: key}, nil
	}
}

func readCourtesy(r io.Reader) (*courtesyRules, error) {
	c := &courtesyRules{}
	classes := map[string][][]elem{}
	err := lines("courtesy", r, func(n int, line string) error {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			return nil
		}
		p := &patternParser{line: n, classes: classes}
		if classLine.MatchString(t) {
			name, body, ok := strings.Cut(t[1:], "=")
			name = strings.TrimSpace(name)
			if !ok || name == "" || strings.ContainsFunc(name, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-'
			}) {
				return parseErr("courtesy", n, "a class line is @name = alternative | alternative")
			}
			if _, dup := classes[name]; dup {
				return parseErr("courtesy", n, "class @%s is defined twice", name)
			}
			p.toks = lexPattern(body)
			alts, err := p.alts()
			if err != nil {
				return err
			}
			if p.pos != len(p.toks) {
				return parseErr("courtesy", n, "unexpected %q", p.peek())
			}
			if err := checkNonEmpty(alts, n); err != nil {
				return err
			}
			classes[name] = alts
			if name == "boundary" {
				c.boundary = alts
			}
			return nil
		}
		p.toks = lexPattern(t)
		seq, err := p.seq()
		if err != nil {
			return err
		}
		if p.pos != len(p.toks) {
			return parseErr("courtesy", n, "unexpected %q", p.peek())
		}
		pt := pattern{line: n, seq: seq, firstWords: map[string]bool{}}
		pt.anchored = len(seq) > 0 && seq[0].kind == eStart
		if !consumes(seq) {
			return parseErr("courtesy", n, "the pattern matches no word")
		}
		if nullable(seq) {
			return parseErr("courtesy", n, "every element of the pattern is optional: make at least one required")
		}
		pt.first(seq)
		for _, e := range seq {
			if elemNullable(e) {
				continue
			}
			if w, p, ok := elemAnchors(e); ok {
				pt.anchorSets = append(pt.anchorSets, anchorSet{w, p})
			}
		}
		if len(pt.anchorSets) > 64 {
			return parseErr("courtesy", n, "more than 64 required elements")
		}
		c.patterns = append(c.patterns, pt)
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.indexAnchors()
	return c, nil
}

// checkNonEmpty rejects a class with an empty alternative, which would
// make every use of it optional by accident.
func checkNonEmpty(alts [][]elem, line int) error {
	for _, a := range alts {
		if len(a) == 0 {
			return parseErr("courtesy", line, "empty alternative")
		}
	}
	return nil
}

// nullable reports whether seq can match zero words.
func nullable(seq []elem) bool {
	for _, e := range seq {
		if !elemNullable(e) {
			return false
		}
	}
	return true
}

func elemNullable(e elem) bool {
	switch e.kind {
	case eOpt, eAny, eRest, eStart, eBreak:
		return true
	case eGroup:
		for _, a := range e.alts {
			if nullable(a) {
				return true
			}
		}
	}
	return false
}

// consumes reports whether seq can match at least one word.
func consumes(seq []elem) bool {
	for _, e := range seq {
		switch e.kind {
		case eWord, ePrefix, eName, eAny, eRest:
			return true
		case eGroup, eOpt:
			for _, a := range e.alts {
				if consumes(a) {
					return true
				}
			}
		}
	}
	return false
}

// first collects what the first word of a match can be.
func (pt *pattern) first(seq []elem) {
	for _, e := range seq {
		switch e.kind {
		case eWord:
			pt.firstWords[e.word] = true
		case ePrefix:
			pt.firstPrefixes = append(pt.firstPrefixes, e.word)
		case eName:
			pt.firstName = true
		case eAny, eRest:
			pt.firstAny = true
		case eGroup, eOpt:
			for _, a := range e.alts {
				pt.first(a)
			}
		}
		if !elemNullable(e) {
			return
		}
	}
}

// anchors finds words of which every match of seq contains one: those of
// the first required element whose words are known. A sentence without
// any of them cannot match, so the pattern is skipped for it.
func anchors(seq []elem) (words, prefixes []string, ok bool) {
	for _, e := range seq {
		if elemNullable(e) {
			continue
		}
		if w, p, ok := elemAnchors(e); ok {
			return w, p, true
		}
	}
	return nil, nil, false
}

func elemAnchors(e elem) (words, prefixes []string, ok bool) {
	switch e.kind {
	case eWord:
		return []string{e.word}, nil, true
	case ePrefix:
		return nil, []string{e.word}, true
	case eGroup:
		for _, a := range e.alts {
			w, p, ok := anchors(a)
			if !ok {
				return nil, nil, false
			}
			words, prefixes = append(words, w...), append(prefixes, p...)
		}
		return words, prefixes, true
	}
	return nil, nil, false
}

// anchorIndex finds, in one pass over a sentence's tokens, which anchor
// sets of which patterns the sentence satisfies: a pattern can match only
// if every one of its anchor sets is (pattern.full).
type anchorIndex struct {
	words    map[string][]anchorRef // anchor word -> sets it satisfies
	prefixes map[string][]anchorRef // first two bytes of a prefix -> sets
	short    []anchorRef            // prefixes of one byte
	full     []uint64               // per pattern: all its anchor sets
}

// anchorRef names anchor set bit of pattern; prefix is set for prefixes.
type anchorRef struct {
	pattern int
	bit     uint64
	prefix  string
}

func (c *courtesyRules) indexAnchors() {
	ix := anchorIndex{words: map[string][]anchorRef{}, prefixes: map[string][]anchorRef{}, full: make([]uint64, len(c.patterns))}
	for k := range c.patterns {
		for j, set := range c.patterns[k].anchorSets {
			bit := uint64(1) << j
			ix.full[k] |= bit
			for _, w := range set.words {
				ix.words[w] = append(ix.words[w], anchorRef{pattern: k, bit: bit})
			}
			for _, p := range set.prefixes {
				ref := anchorRef{pattern: k, bit: bit, prefix: p}
				if len(p) < 2 {
					ix.short = append(ix.short, ref)
				} else {
					ix.prefixes[p[:2]] = append(ix.prefixes[p[:2]], ref)
				}
			}
		}
	}
	c.anchors = ix
}

// satisfied returns, per pattern, the anchor sets that toks satisfy.
func (ix *anchorIndex) satisfied(toks []token) []uint64 {
	got := make([]uint64, len(ix.full))
	for i := range toks {
		w := toks[i].lower
		for _, r := range ix.words[w] {
			got[r.pattern] |= r.bit
		}
		if len(w) >= 2 {
			for _, r := range ix.prefixes[w[:2]] {
				if strings.HasPrefix(w, r.prefix) {
					got[r.pattern] |= r.bit
				}
			}
		}
		for _, r := range ix.short {
			if strings.HasPrefix(w, r.prefix) {
				got[r.pattern] |= r.bit
			}
		}
	}
	return got
}

func (pt *pattern) canStart(t *token) bool {
	if pt.firstAny || pt.firstWords[t.lower] || (pt.firstName && isNameWord(t)) {
		return true
	}
	for _, p := range pt.firstPrefixes {
		if strings.HasPrefix(t.lower, p) {
			return true
		}
	}
	return false
}

// --- matching ---

type matcher struct {
	toks     []token
	boundary []bool // boundary[i]: a @boundary alternative begins at word i; computed on first use
	rules    *courtesyRules
}

// isBoundary reports whether a @boundary alternative begins at word i.
func (m *matcher) isBoundary(i int) bool {
	if m.rules.boundary == nil {
		return false
	}
	if m.boundary == nil {
		m.boundary = make([]bool, len(m.toks))
		for j := range m.toks {
			for _, end := range m.groupEnds(m.rules.boundary, j, nil) {
				if end > j {
					m.boundary[j] = true
					break
				}
			}
		}
	}
	return m.boundary[i]
}

func isNameWord(t *token) bool {
	return t.capital && !t.possessive && !nameStop[t.lower]
}

// spans returns the courtesy spans of toks as [start, end) word ranges,
// left to right, longest match first.
func (c *courtesyRules) spans(toks []token) [][2]int {
	if len(c.patterns) == 0 || len(toks) == 0 {
		return nil
	}
	m := &matcher{toks: toks, rules: c}
	got := c.anchors.satisfied(toks)
	active := make([]*pattern, 0, len(c.patterns))
	for k := range c.patterns {
		if got[k] == c.anchors.full[k] {
			active = append(active, &c.patterns[k])
		}
	}
	if len(active) == 0 {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(toks); {
		best := i
		for _, pt := range active {
			if (pt.anchored && i != 0) || !pt.canStart(&toks[i]) {
				continue
			}
			for _, end := range m.seqEnds(pt.seq, i) {
				if end > best {
					best = end
				}
			}
		}
		if best > i {
			out = append(out, [2]int{i, best})
			i = best
		} else {
			i++
		}
	}
	return out
}

// seqEnds returns every position where seq can end when it starts at start
// (a set simulation of the pattern: no backtracking blow-up).
func (m *matcher) seqEnds(seq []elem, start int) []int {
	if len(seq) == 0 {
		return []int{start}
	}
	// The first element is tried from start alone; most attempts fail
	// there, without allocating.
	cur := uniq(m.elemEnds(seq[0], start, nil))
	for _, e := range seq[1:] {
		if len(cur) == 0 {
			return nil
		}
		var next []int
		for _, p := range cur {
			next = m.elemEnds(e, p, next)
		}
		cur = uniq(next)
	}
	return cur
}

func uniq(s []int) []int {
	if len(s) < 2 {
		return s
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// elemEnds appends to out the positions where e can end when it starts at p.
func (m *matcher) elemEnds(e elem, p int, out []int) []int {
	if !e.plus {
		return m.once(e, p, out)
	}
	seen := map[int]bool{}
	frontier := []int{p}
	for len(frontier) > 0 {
		var next []int
		for _, q := range frontier {
			for _, end := range m.once(e, q, nil) {
				if !seen[end] {
					seen[end] = true
					next = append(next, end)
					out = append(out, end)
				}
			}
		}
		frontier = next
	}
	return out
}

func (m *matcher) once(e elem, p int, out []int) []int {
	n := len(m.toks)
	switch e.kind {
	case eWord:
		if p < n && m.toks[p].lower == e.word {
			out = append(out, p+1)
		}
	case ePrefix:
		if p < n && strings.HasPrefix(m.toks[p].lower, e.word) {
			out = append(out, p+1)
		}
	case eGroup:
		out = m.groupEnds(e.alts, p, out)
	case eOpt:
		out = append(out, p)
		out = m.groupEnds(e.alts, p, out)
	case eName:
		for k := p; k < n && k-p < maxName; k++ {
			t := &m.toks[k]
			if isNameWord(t) {
				out = append(out, k+1)
			} else if !(k > p && nameJoin[t.lower] && k+1 < n && isNameWord(&m.toks[k+1])) {
				break
			}
			if t.after != brkNone {
				break
			}
		}
	case eAny:
		for k := p; k <= n && k-p <= maxAny; k++ {
			out = append(out, k)
		}
	case eRest:
		j := p
		for j < n {
			if m.isBoundary(j) {
				break
			}
			j++
			if m.toks[j-1].after != brkNone {
				break
			}
		}
		out = append(out, j)
	case eStart:
		if p == 0 {
			out = append(out, p)
		}
	case eBreak:
		if p == n || (p > 0 && m.toks[p-1].after != brkNone) {
			out = append(out, p)
		}
	}
	return out
}

func (m *matcher) groupEnds(alts [][]elem, p int, out []int) []int {
	for _, a := range alts {
		out = append(out, m.seqEnds(a, p)...)
	}
	return out
}
