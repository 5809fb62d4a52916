package sentiment

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ParseError is the error Parse and New return for a bad line in one of
// the data files. It names the file ("lexicon", "rules", "courtesy",
// "topics" or "adjustments") and the 1-based line, so that a user who
// edits a list can find the mistake.
type ParseError struct {
	File string // which input: lexicon, rules, courtesy, topics, adjustments
	Line int    // 1-based line number; 0 when the error is about the whole input
	Msg  string // what is wrong
}

// Error formats the error as "sentiment: FILE line N: MSG".
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("sentiment: %s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("sentiment: %s line %d: %s", e.File, e.Line, e.Msg)
}

func parseErr(file string, line int, format string, args ...any) *ParseError {
	return &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// entry is everything the scorer knows about one word or phrase.
type entry struct {
	valence     float64 // lexicon valence, after adjustments
	hasValence  bool
	topic       string  // topic kind; "" when not a topic term
	booster     float64 // scalar of a booster (>0) or dampener (<0)
	isBooster   bool
	negator     int8 // 1 negates; -1 a phrase that starts with a negator but does not negate
	contrast    bool
	concession  bool
	transparent bool
	topicLine   int  // line in topics, for error messages
	masks       bool // a topic term that has a valence to lose (it or one of its words)
}

// isRule reports whether the entry is a rule word, which carries no valence
// of its own.
func (e *entry) isRule() bool {
	return e.isBooster || e.negator != 0 || e.contrast || e.concession || e.transparent
}

// lexicon maps normalised words and phrases to entries.
type lexicon struct {
	entries map[string]*entry
	maxLen  map[string]int // first word → most words in an entry that starts with it
}

func newLexicon() *lexicon {
	return &lexicon{entries: map[string]*entry{}, maxLen: map[string]int{}}
}

func (l *lexicon) get(key string, n int) *entry {
	e := l.entries[key]
	if e == nil {
		e = &entry{}
		l.entries[key] = e
		first, _, _ := strings.Cut(key, " ")
		if n > l.maxLen[first] {
			l.maxLen[first] = n
		}
	}
	return e
}

// lines calls fn for each line of r with its 1-based number, the line
// without its line end. A nil reader has no lines.
func lines(file string, r io.Reader, fn func(n int, line string) error) error {
	if r == nil {
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.TrimRight(sc.Text(), "\r")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return parseErr(file, n+1, "%v", err)
	}
	return nil
}

func parseValence(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || v < -4 || v > 4 {
		return 0, false
	}
	return v, true
}

// readLexicon reads a VADER-format lexicon: TOKEN<TAB>MEAN[<TAB>...]. Only
// the first two columns are used. Entries that are not words (emoticons)
// are skipped, since the tokeniser never produces them; of two entries
// that normalise to the same key the first is kept.
func (l *lexicon) readLexicon(r io.Reader) error {
	const file = "lexicon"
	return lines(file, r, func(n int, line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return parseErr(file, n, "want TOKEN<TAB>VALENCE, got %q", line)
		}
		v, ok := parseValence(cols[1])
		if !ok {
			return parseErr(file, n, "valence %q is not a number in [-4, 4]", cols[1])
		}
		key, words, ok := keyOf(cols[0])
		if !ok {
			return nil
		}
		if e := l.entries[key]; e != nil && e.hasValence {
			return nil
		}
		e := l.get(key, words)
		e.valence, e.hasValence = v, true
		return nil
	})
}

// readRules reads rules.tsv or adjustments.tsv: KIND<TAB>TERM<TAB>VALUE<TAB>REASON.
// A term may appear once per kind in one file; a later file overrides an
// earlier one.
func (l *lexicon) readRules(file string, r io.Reader) error {
	seen := map[string]int{}
	return lines(file, r, func(n int, line string) error {
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			return nil
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			return parseErr(file, n, "want 4 TAB-separated columns (kind, term, value, reason), got %d", len(cols))
		}
		kind, term, value, reason := strings.TrimSpace(cols[0]), cols[1], strings.TrimSpace(cols[2]), strings.TrimSpace(cols[3])
		if reason == "" {
			return parseErr(file, n, "%q: the reason column is empty; say why the entry is there", term)
		}
		key, words, ok := keyOf(term)
		if !ok {
			return parseErr(file, n, "term %q is not a word or a phrase of words", term)
		}
		if prev, dup := seen[kind+"\x00"+key]; dup {
			return parseErr(file, n, "%s %q is already on line %d", kind, key, prev)
		}
		seen[kind+"\x00"+key] = n
		if e := l.entries[key]; e != nil && e.topic != "" {
			return parseErr(file, n, "%q is a topic term (topics line %d): topic terms are neutral and cannot be changed here", key, e.topicLine)
		}
		switch kind {
		case "valence":
			v, ok := parseValence(value)
			if !ok {
				return parseErr(file, n, "valence %q is not a number in [-4, 4]", value)
			}
			e := l.get(key, words)
			e.valence, e.hasValence = v, true
		case "booster":
			v, ok := parseValence(value)
			if !ok {
				return parseErr(file, n, "booster scalar %q is not a number in [-4, 4]", value)
			}
			e := l.get(key, words)
			e.booster, e.isBooster = v, v != 0
		case "negator", "contrast", "concession", "transparent":
			if value != "0" && value != "1" {
				return parseErr(file, n, "%s value must be 1 (on) or 0 (off), got %q", kind, value)
			}
			on := value == "1"
			e := l.get(key, words)
			switch kind {
			case "negator":
				e.negator = -1
				if on {
					e.negator = 1
				}
			case "contrast":
				e.contrast = on
			case "concession":
				e.concession = on
			case "transparent":
				e.transparent = on
			}
		default:
			return parseErr(file, n, "unknown kind %q (want valence, booster, negator, contrast, concession or transparent)", kind)
		}
		return nil
	})
}

// readTopics reads topics.tsv: TERM<TAB>KIND.
func (l *lexicon) readTopics(r io.Reader) error {
	const file = "topics"
	return lines(file, r, func(n int, line string) error {
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			return nil
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 {
			return parseErr(file, n, "want 2 TAB-separated columns (term, kind), got %d", len(cols))
		}
		kind := strings.TrimSpace(cols[1])
		if kind == "" {
			return parseErr(file, n, "%q: the kind column is empty", cols[0])
		}
		key, words, ok := keyOf(cols[0])
		if !ok {
			return parseErr(file, n, "term %q is not a word or a phrase of words", cols[0])
		}
		e := l.get(key, words)
		if e.topic != "" {
			return parseErr(file, n, "%q is already on line %d", key, e.topicLine)
		}
		if e.isRule() {
			return parseErr(file, n, "%q is a rule word (booster, negator, connective): it cannot be a topic term", key)
		}
		e.topic, e.topicLine = kind, n
		return nil
	})
}

// finish marks the topic terms that neutralise a valence: the term's own,
// or that of one of its words ("critical infrastructure" hides the
// valence of "critical"). Only those are reported in Sentence.Masked.
func (l *lexicon) finish() {
	for key, e := range l.entries {
		if e.topic == "" {
			continue
		}
		e.masks = e.hasValence && e.valence != 0
		if e.masks || !strings.Contains(key, " ") {
			continue
		}
		for _, w := range strings.Split(key, " ") {
			if we := l.entries[w]; we != nil && we.hasValence && we.valence != 0 && !we.isRule() {
				e.masks = true
				break
			}
		}
	}
}
