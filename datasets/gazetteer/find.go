package gazetteer

import (
	_ "embed"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nonMentions lists phrases that contain a name or demonym but do not
// mention a delegation ("Indian Ocean", "Korean Peninsula"). Find skips
// them: see nonmentions.txt.
//
//go:embed nonmentions.txt
var nonMentions string

// Match is one mention of an entry found by Find.
type Match struct {
	// Start and End are byte offsets into the text passed to Find:
	// text[Start:End] is the matched surface form ("Russia",
	// "Democratic People's Republic of Korea", "French"). A leading "the"
	// and a possessive "'s" are not part of it.
	Start, End int
	// Code is the code of the entry mentioned.
	Code string
	// Demonym reports whether a demonym ("the French statement") was
	// matched rather than a name.
	Demonym bool
}

// How the case of a word of a pattern must look in the text.
const (
	caseAny   uint8 = iota // any case
	caseCap                // first letter upper case: "Chile", "CHILE", not "chile"
	caseExact              // exactly as written: acronyms ("US", "EU") and mixed case ("BiH")
)

// pword is one word of a pattern.
type pword struct {
	key     string // folded key
	mode    uint8  // caseAny, caseCap or caseExact
	surface string // the word as written in the data, for caseExact
	gap     uint32 // punctuation signature of the gap before this word
}

// pattern is one name, alias, demonym or non-mention phrase, split into
// words.
type pattern struct {
	entry   int // index into Gazetteer.entries; -1 for a non-mention
	demonym bool
	words   []pword
	trail   byte // '.' or ')' that ends the name ("U.S.", "Iran (Islamic Republic of)"), or 0
}

// node is a node of the word trie: the patterns that end here and the
// children by next word key.
type node struct {
	next  map[string]*node
	terms []*pattern
}

// matcher holds the two tries that Find walks: upper for text words that
// start with an upper-case letter (every pattern), lower for the others
// (only the rare patterns whose first word may be lower case).
type matcher struct {
	upper, lower map[string]*node
	// lowerFirst marks the first bytes of the keys in lower, so that most
	// lower-case words are passed over without computing their key.
	lowerFirst [256]bool
}

// buildMatcher compiles the names, aliases and demonyms of g's entries and
// the non-mention phrases into tries.
func buildMatcher(g *Gazetteer) matcher {
	m := matcher{upper: map[string]*node{}, lower: map[string]*node{}}
	seen := map[string]bool{}
	add := func(s string, entry int, demonym bool) {
		p, ok := compilePattern(s, entry, demonym)
		if !ok {
			return
		}
		sig := p.signature()
		if seen[sig] {
			return
		}
		seen[sig] = true
		m.insert(p, m.upper)
		if p.words[0].mode == caseAny {
			m.insert(p, m.lower)
			m.lowerFirst[p.words[0].key[0]] = true
		}
	}
	for i, e := range g.entries {
		for _, n := range e.names() {
			add(n, i, false)
		}
	}
	for i, e := range g.entries {
		for _, d := range e.Demonyms {
			add(d, i, true)
		}
	}
	for _, phrase := range nonMentionPhrases() {
		k := lookupKey(phrase)
		if _, ok := g.byName[k]; ok {
			continue // the data says it is a name: the data wins
		}
		if _, ok := g.byDem[k]; ok {
			continue
		}
		add(phrase, -1, false)
	}
	return m
}

// nonMentionPhrases returns the phrases of nonmentions.txt.
func nonMentionPhrases() []string {
	var out []string
	for _, line := range strings.Split(nonMentions, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// insert adds p to the trie rooted at root.
func (m *matcher) insert(p *pattern, root map[string]*node) {
	n := root[p.words[0].key]
	if n == nil {
		n = &node{}
		root[p.words[0].key] = n
	}
	for _, w := range p.words[1:] {
		c := n.next[w.key]
		if c == nil {
			if n.next == nil {
				n.next = map[string]*node{}
			}
			c = &node{}
			n.next[w.key] = c
		}
		n = c
	}
	n.terms = append(n.terms, p)
}

// signature identifies a pattern, to drop duplicates.
func (p *pattern) signature() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(p.entry))
	if p.demonym {
		b.WriteString("d")
	}
	for _, w := range p.words {
		b.WriteByte(0)
		b.WriteString(w.key)
		b.WriteByte(w.mode)
		if w.mode == caseExact {
			b.WriteString(w.surface)
		}
		b.WriteString(strconv.FormatUint(uint64(w.gap), 16))
	}
	b.WriteByte(p.trail)
	return b.String()
}

// compilePattern splits s into words and works out their case rules. It
// reports false when s cannot occur in text as Find sees it (no words, or
// punctuation between words that Find never accepts).
func compilePattern(s string, entry int, demonym bool) (*pattern, bool) {
	p := &pattern{entry: entry, demonym: demonym}
	var words []word
	for pos := 0; ; {
		w, ok := nextWord(s, pos)
		if !ok {
			break
		}
		words = append(words, w)
		pos = w.end
	}
	if len(words) > 1 && strings.EqualFold(s[words[0].start:words[0].end], "the") {
		words = words[1:]
	}
	if len(words) == 0 {
		return nil, false
	}
	for i, w := range words {
		pw := pword{
			key:     string(appendKey(nil, s, w.start, w.end)),
			surface: s[w.start:w.end],
			mode:    caseAny,
		}
		if i > 0 {
			gap, ok := gapSignature(s[words[i-1].end:w.start])
			if !ok {
				return nil, false
			}
			pw.gap = gap
		}
		switch first, _ := utf8.DecodeRuneInString(pw.surface); {
		case isExactWord(pw.surface):
			pw.mode = caseExact
		case i == 0 && unicode.IsUpper(first):
			pw.mode = caseCap
		}
		p.words = append(p.words, pw)
	}
	rest := strings.TrimLeft(s[words[len(words)-1].end:], " ")
	if strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ")") {
		p.trail = rest[0]
	}
	return p, true
}

// isExactWord reports whether a word of a pattern must match exactly as
// written: it is a single upper-case letter, or it has an upper-case letter
// after the first rune of one of its apostrophe-separated parts ("US",
// "EU", "BiH", "LDCs"; not "G77", "d'Ivoire").
func isExactWord(w string) bool {
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true
	}
	partStart := true
	for _, r := range w {
		switch {
		case isApostrophe(r):
			partStart = true
		case partStart:
			partStart = false
		case unicode.IsUpper(r):
			return true
		}
	}
	return false
}

// gapSignature checks the text between two words of a name and returns
// its punctuation: the characters . , ( ) & / in order, at most four.
// Spaces (at most one line break) and hyphens or dashes are ignored. It
// reports false for any other character, so that a name never spans a
// paragraph break, a colon, a quote and so on.
func gapSignature(g string) (uint32, bool) {
	var sig uint32
	n, newlines := 0, 0
	for i := 0; i < len(g); {
		c := g[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\t', '\r':
			case '\n':
				if newlines++; newlines > 1 {
					return 0, false
				}
			case '-':
			case '.', ',', '(', ')', '&', '/':
				if n == 4 {
					return 0, false
				}
				sig = sig<<8 | uint32(c)
				n++
			default:
				return 0, false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(g[i:])
		i += size
		switch {
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014' || r == '\u2212':
		case r == '\u2028' || r == '\u2029':
			return 0, false
		case unicode.IsSpace(r):
		default:
			return 0, false
		}
	}
	return sig, true
}

// gapMatches reports whether a text gap with signature text may stand
// where a pattern has a gap with signature pat. They must be equal, except
// that a period in the pattern may be left out in the text ("St Lucia" for
// "St. Lucia").
func gapMatches(pat, text uint32) bool {
	return pat == text || pat == '.' && text == 0
}

// candidate is the best match found so far at one start word.
type candidate struct {
	p      *pattern
	words  int // number of words matched
	end    int // End of the match
	resume int // where scanning resumes
}

// Find returns every mention of an entry in text, left to right and
// non-overlapping. At each word it takes the longest name that starts
// there ("Dominican Republic", not "Dominica"; "Guinea-Bissau", not
// "Guinea"; "Democratic People's Republic of Korea", not "Republic of
// Korea"); words are whole words ("Oman" is not found in "woman", nor
// "Iran" in "Iranian", which is a demonym).
//
// Case rules: a word of a name that is an acronym or mixed case in the
// data ("US", "UK", "EU", "ROK", "AU", "OAS", "BiH") matches only exactly
// as written, so "us" is never the United States; other names match
// whatever their case, provided the first letter is upper case in the
// text ("Chile", "CHILE", "Republic of korea", but not "chile", "jordan",
// "turkey"). Demonyms follow the same rules and are reported with
// Demonym set.
//
// Diacritics and the form of apostrophes do not matter ("Cote d’Ivoire"),
// nor do hyphens and spaces between words ("Guinea Bissau"), nor a line
// break; a paragraph break or other punctuation ends a name. A possessive
// "'s" is matched but not included ("Russia's" gives "Russia"), nor is a
// leading "the". Phrases listed in nonmentions.txt ("Indian Ocean",
// "Korean Peninsula", "South China Sea") are not mentions.
//
// Offsets are bytes into text. Find allocates little beyond its result
// and is safe for concurrent use.
func (g *Gazetteer) Find(text string) []Match {
	var out []Match
	var keys []byte
	var pathBuf [16]word
	var gapBuf [16]uint32
	m := &g.matcher
	for pos := 0; ; {
		w, ok := nextWord(text, pos)
		if !ok {
			break
		}
		root := m.upper
		if !w.upper {
			root = m.lower
			c := text[w.start]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c < utf8.RuneSelf && !m.lowerFirst[c] {
				pos = w.end
				continue
			}
		}
		keys = appendKey(keys[:0], text, w.start, w.end)
		n := root[string(keys)]
		var nb *node
		if w.possessive() {
			nb = root[string(keys[:len(keys)-2])]
		}
		if n == nil && nb == nil {
			pos = w.end
			continue
		}
		path := append(pathBuf[:0], w)
		gaps := append(gapBuf[:0], 0)
		var best candidate
		if nb != nil {
			consider(&best, nb, path, gaps, text, true)
		}
		for n != nil {
			consider(&best, n, path, gaps, text, false)
			if len(n.next) == 0 {
				break
			}
			last := path[len(path)-1]
			nw, ok := nextWord(text, last.end)
			if !ok {
				break
			}
			gap, ok := gapSignature(text[last.end:nw.start])
			if !ok {
				break
			}
			path = append(path, nw)
			gaps = append(gaps, gap)
			keys = appendKey(keys[:0], text, nw.start, nw.end)
			if nw.possessive() {
				if c := n.next[string(keys[:len(keys)-2])]; c != nil {
					consider(&best, c, path, gaps, text, true)
				}
			}
			n = n.next[string(keys)]
		}
		if best.p == nil {
			pos = w.end
			continue
		}
		if best.p.entry >= 0 {
			out = append(out, Match{
				Start:   w.start,
				End:     best.end,
				Code:    g.entries[best.p.entry].Code,
				Demonym: best.p.demonym,
			})
		}
		pos = best.resume
	}
	return out
}

// consider checks the patterns that end at node n against the words in
// path (the last one taken without its possessive "'s" when viaBase) and
// keeps the best in best: more words, then a longer match, then a real
// mention over a non-mention, then a name over a demonym.
func consider(best *candidate, n *node, path []word, gaps []uint32, text string, viaBase bool) {
	lastIdx := len(path) - 1
next:
	for _, p := range n.terms {
		if len(p.words) != len(path) {
			continue
		}
		for i, pw := range p.words {
			w := path[i]
			end := w.end
			if i == lastIdx && viaBase {
				end = w.baseEnd
			}
			switch pw.mode {
			case caseCap:
				if !w.upper {
					continue next
				}
			case caseExact:
				if text[w.start:end] != pw.surface {
					continue next
				}
			}
			if i > 0 && !gapMatches(pw.gap, gaps[i]) {
				continue next
			}
		}
		last := path[lastIdx]
		c := candidate{p: p, words: len(path), end: last.end, resume: last.end}
		if viaBase {
			c.end = last.baseEnd
		} else if p.trail != 0 && c.end < len(text) && text[c.end] == p.trail {
			c.end++
			c.resume = c.end
		}
		if better(c, *best) {
			*best = c
		}
	}
}

// better reports whether candidate a beats b.
func better(a, b candidate) bool {
	switch {
	case b.p == nil:
		return true
	case a.words != b.words:
		return a.words > b.words
	case a.end != b.end:
		return a.end > b.end
	case (a.p.entry >= 0) != (b.p.entry >= 0):
		return a.p.entry >= 0
	case a.p.demonym != b.p.demonym:
		return !a.p.demonym
	}
	return false
}
