package alignment

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// LexiconVersion is the version of the lexicon format that Parse reads (the
// "version" line of cues.tsv).
const LexiconVersion = 1

// kindSupports is the lexicon's kind "supports": a support cue whose kind
// (SupportsStatement or SupportsProposal) is decided by the noun that heads
// the target ("the statement of X", "the proposal by X").
const kindSupports Kind = "supports"

// requiredClasses are the word classes the extractor itself uses, besides
// the ones cue patterns refer to.
var requiredClasses = []string{
	"region", "statement", "proposal", "demonym_head",
	"negation", "negation_exception", "boundary", "clause_start", "clause_verb",
	"past", "historical", "finite", "finite_past", "finite_perfect", "participle",
}

// class is a named list of items; an item is one or more lower-case words.
type class struct {
	name  string
	line  int
	items [][]string
	// byFirst indexes the items by their first word, longest first.
	byFirst map[string][][]string
}

// matchAt returns the lengths (in tokens, longest first) of the items that
// match the words of toks starting at i.
func (c *class) matchAt(toks []token, i int) []int {
	if i >= len(toks) {
		return nil
	}
	cands := c.byFirst[toks[i].lower]
	var out []int
	for _, it := range cands {
		if itemAt(toks, i, it) {
			out = append(out, len(it))
		}
	}
	return out
}

// has reports whether the single word w is an item of the class.
func (c *class) has(w string) bool {
	for _, it := range c.byFirst[w] {
		if len(it) == 1 {
			return true
		}
	}
	return false
}

func itemAt(toks []token, i int, it []string) bool {
	if i+len(it) > len(toks) {
		return false
	}
	for k, w := range it {
		t := toks[i+k]
		if t.mention >= 0 || t.lower != w {
			return false
		}
	}
	return true
}

type elemOp int

const (
	opWord   elemOp = iota // literal word(s) or a class
	opTarget               // T
	opStart                // ^
	opNot                  // !word
)

// elem is one element of a cue pattern.
type elem struct {
	op       elemOp
	words    []string // opWord literal alternatives; opNot the excluded word
	cls      *class   // opWord class reference
	clsName  string
	min, max int
}

// cue is one "cue" line of the lexicon.
type cue struct {
	line    int
	kind    Kind // Aligns, Agrees, Disagrees or kindSupports
	noun    bool
	attrib  bool
	source  bool
	pattern string
	elems   []elem
	// first is the set of words a match can start with (nil when the
	// pattern starts with T, which can start anywhere).
	first map[string]bool
	// required lists, for each required element other than a comma, the
	// words it may start with: a sentence without one of each cannot
	// match, and is skipped before the costlier steps.
	required [][]string
	reqMask  uint64 // one bit per element of required
}

type lexicon struct {
	version int
	classes map[string]*class
	cues    []*cue

	// reqIndex maps a word to the required elements of cues it satisfies
	// (see cue.required), for the prefilter of Extract.
	reqIndex map[string][]reqRef

	region, statement, proposal, demonymHead            *class
	negation, negExc, boundary, clauseStart, clauseVerb *class
	past, historical                                    *class
	finite, finitePast, finitePerfect, participle       *class
}

// reqRef is required element bit of cue number cue.
type reqRef struct {
	cue int
	bit uint
}

type lexError struct {
	line int
	msg  string
}

func (e *lexError) Error() string {
	if e.line == 0 {
		return "alignment lexicon: " + e.msg
	}
	return fmt.Sprintf("alignment lexicon: line %d: %s", e.line, e.msg)
}

func lexErrf(line int, format string, args ...any) error {
	return &lexError{line: line, msg: fmt.Sprintf(format, args...)}
}

// parseLexicon reads the lexicon format described in
// datasets/lexicons/alignment/README.md.
func parseLexicon(r io.Reader) (*lexicon, error) {
	lx := &lexicon{classes: map[string]*class{}}
	type pending struct {
		line                 int
		kind, flags, pattern string
	}
	var cues []pending
	versionLine := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		raw := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		if strings.TrimSpace(raw) == "" || strings.HasPrefix(strings.TrimSpace(raw), "#") {
			continue
		}
		f := strings.Split(raw, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		switch f[0] {
		case "version":
			if len(f) != 2 {
				return nil, lexErrf(n, "version line needs 2 tab-separated fields, has %d", len(f))
			}
			if versionLine != 0 {
				return nil, lexErrf(n, "second version line (first on line %d)", versionLine)
			}
			v, err := strconv.Atoi(f[1])
			if err != nil || v != LexiconVersion {
				return nil, lexErrf(n, "unsupported version %q (this plenary reads version %d)", f[1], LexiconVersion)
			}
			lx.version, versionLine = v, n
		case "class":
			if len(f) != 3 {
				return nil, lexErrf(n, "class line needs 3 tab-separated fields (class, name, items), has %d", len(f))
			}
			name := f[1]
			if !validName(name) {
				return nil, lexErrf(n, "bad class name %q (use lower-case letters, digits and _)", name)
			}
			if c, dup := lx.classes[name]; dup {
				return nil, lexErrf(n, "class %q defined twice (first on line %d)", name, c.line)
			}
			c := &class{name: name, line: n, byFirst: map[string][][]string{}}
			for _, it := range strings.Split(f[2], "|") {
				words := strings.Fields(strings.ToLower(normApos(it)))
				if len(words) == 0 {
					return nil, lexErrf(n, "class %q has an empty item", name)
				}
				c.items = append(c.items, words)
				c.byFirst[words[0]] = append(c.byFirst[words[0]], words)
			}
			for _, its := range c.byFirst {
				sort.SliceStable(its, func(a, b int) bool { return len(its[a]) > len(its[b]) })
			}
			lx.classes[name] = c
		case "cue":
			if len(f) != 4 {
				return nil, lexErrf(n, "cue line needs 4 tab-separated fields (cue, kind, flags, pattern), has %d", len(f))
			}
			cues = append(cues, pending{n, f[1], f[2], f[3]})
		default:
			return nil, lexErrf(n, "unknown directive %q (want version, class or cue)", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("alignment lexicon: %w", err)
	}
	if versionLine == 0 {
		return nil, lexErrf(0, "no version line")
	}
	for _, name := range requiredClasses {
		if lx.classes[name] == nil {
			return nil, lexErrf(0, "required class %q is not defined", name)
		}
	}
	cl := lx.classes
	lx.region, lx.statement, lx.proposal, lx.demonymHead = cl["region"], cl["statement"], cl["proposal"], cl["demonym_head"]
	lx.negation, lx.negExc, lx.boundary = cl["negation"], cl["negation_exception"], cl["boundary"]
	lx.clauseStart, lx.clauseVerb = cl["clause_start"], cl["clause_verb"]
	lx.past, lx.historical = cl["past"], cl["historical"]
	lx.finite, lx.finitePast, lx.finitePerfect, lx.participle = cl["finite"], cl["finite_past"], cl["finite_perfect"], cl["participle"]

	if len(cues) == 0 {
		return nil, lexErrf(0, "no cue lines")
	}
	lx.reqIndex = map[string][]reqRef{}
	for _, p := range cues {
		c, err := lx.parseCue(p.line, p.kind, p.flags, p.pattern)
		if err != nil {
			return nil, err
		}
		if len(c.required) > 64 {
			c.required = c.required[:64]
		}
		for b, alts := range c.required {
			c.reqMask |= 1 << uint(b)
			for _, w := range alts {
				lx.reqIndex[w] = append(lx.reqIndex[w], reqRef{len(lx.cues), uint(b)})
			}
		}
		lx.cues = append(lx.cues, c)
	}
	return lx, nil
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func (lx *lexicon) parseCue(line int, kind, flags, pattern string) (*cue, error) {
	c := &cue{line: line, pattern: pattern}
	switch Kind(kind) {
	case Aligns, Agrees, Disagrees, kindSupports:
		c.kind = Kind(kind)
	default:
		return nil, lexErrf(line, "unknown kind %q (want aligns, agrees, supports or disagrees)", kind)
	}
	if flags != "-" {
		for _, fl := range strings.Split(flags, ",") {
			switch strings.TrimSpace(fl) {
			case "noun":
				c.noun = true
			case "attrib":
				c.attrib = true
			case "source":
				c.source = true
			default:
				return nil, lexErrf(line, "unknown flag %q (want noun, attrib, source or -)", fl)
			}
		}
	}
	if c.kind == kindSupports && !c.noun {
		return nil, lexErrf(line, "kind supports needs the noun flag (the noun decides supports_statement or supports_proposal)")
	}
	targets, anchor := 0, -1
	for i, w := range strings.Fields(normApos(pattern)) {
		e := elem{op: opWord, min: 1, max: 1}
		switch {
		case w == "T":
			e.op = opTarget
			targets++
		case w == "^":
			if i != 0 {
				return nil, lexErrf(line, "^ must be the first element of a pattern")
			}
			e.op = opStart
		case strings.HasPrefix(w, "!"):
			word := strings.ToLower(w[1:])
			if word == "" || strings.ContainsAny(word, "|?*@!") {
				return nil, lexErrf(line, "bad negative element %q", w)
			}
			e.op, e.words = opNot, []string{word}
		default:
			switch {
			case strings.HasSuffix(w, "?"):
				e.min, w = 0, w[:len(w)-1]
			case strings.HasSuffix(w, "*"):
				e.min, e.max, w = 0, 3, w[:len(w)-1]
			}
			if strings.HasPrefix(w, "@") {
				e.clsName = w[1:]
				e.cls = lx.classes[e.clsName]
				if e.cls == nil {
					return nil, lexErrf(line, "unknown class @%s", e.clsName)
				}
			} else {
				for _, a := range strings.Split(strings.ToLower(w), "|") {
					if a == "" || strings.ContainsAny(a, "?*@!^") {
						return nil, lexErrf(line, "bad word %q in pattern element %q", a, w)
					}
					e.words = append(e.words, a)
				}
			}
			if anchor < 0 && e.min > 0 {
				anchor = i
			}
			switch {
			case e.min == 0:
			case e.cls != nil:
				var firsts []string
				for w := range e.cls.byFirst {
					firsts = append(firsts, w)
				}
				sort.Strings(firsts)
				c.required = append(c.required, firsts)
			case !(len(e.words) == 1 && e.words[0] == ","):
				c.required = append(c.required, e.words)
			}
		}
		c.elems = append(c.elems, e)
	}
	if targets != 1 {
		return nil, lexErrf(line, "pattern %q must contain exactly one T (the target slot), has %d", pattern, targets)
	}
	if anchor < 0 {
		return nil, lexErrf(line, "pattern %q has no required word", pattern)
	}
	if c.source && c.elems[0].op != opTarget {
		return nil, lexErrf(line, "a source cue must start with T (the aligning delegations come first)")
	}
	// The words a match can start with: those of the first element after
	// an optional ^, unless it is T or optional.
	first := c.elems[0]
	if first.op == opStart && len(c.elems) > 1 {
		first = c.elems[1]
	}
	if first.op == opWord && first.min > 0 {
		c.first = map[string]bool{}
		if first.cls != nil {
			for _, it := range first.cls.items {
				c.first[it[0]] = true
			}
		} else {
			for _, w := range first.words {
				c.first[w] = true
			}
		}
	}
	return c, nil
}

// errNoGazetteer is returned by New and Parse for a nil gazetteer.
var errNoGazetteer = errors.New("alignment: nil gazetteer")

// normApos folds typographic apostrophes to ASCII, as the tokenizer does.
func normApos(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return aposReplacer.Replace(s)
		}
	}
	return s
}

var aposReplacer = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'")
