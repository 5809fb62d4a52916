package sentiment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// brk is the punctuation that follows a token, before the next one.
type brk uint8

const (
	brkNone     brk = iota // no punctuation, or only quotes and brackets
	brkClause              // , ; : or a spaced dash
	brkSentence            // . ! ? … (a period after an abbreviation does not count)
)

// token is one word of the text.
type token struct {
	start, end int    // byte offsets in the text
	lower      string // lower case, apostrophes and hyphens normalised
	caps       bool   // all upper case, at least two letters ("NOT")
	capital    bool   // begins with an upper-case letter
	possessive bool   // ends in 's ("Singapore's")
	hasLower   bool   // has a lower-case letter
	after      brk    // punctuation between this token and the next
}

// abbreviations whose period does not end a sentence ("Mr. Chair").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"amb": true, "h.e": true, "e.g": true, "i.e": true, "vs": true, "cf": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isJoiner reports whether r joins two word runes into one token:
// apostrophes ("don't", "Côte d’Ivoire"), hyphens ("co-chair"), periods
// ("U.S.", "e.g.") and underscores.
func isJoiner(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '-', '\u2010', '\u2011', '.', '_':
		return true
	}
	return false
}

// tokenize splits text into word tokens and counts its exclamation and
// question marks. Everything that is not a word (punctuation, symbols,
// emoticons) is dropped, but the punctuation after each word is recorded.
//
// A single word in square brackets is a transcriber's note ("[unclear]",
// "[inaudible]", "concern[s]") and is dropped; longer bracketed text is the
// transcriber's reconstruction of speech ("[Thank you] for your efforts")
// and is kept.
func tokenize(text string) (toks []token, excl, quest int) {
	i := 0
	bracket := -1 // index of the first token after an open '['
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			start, j := i, i+sz
			for j < len(text) {
				r2, sz2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += sz2
					continue
				}
				if isJoiner(r2) && j+sz2 < len(text) {
					if r3, _ := utf8.DecodeRuneInString(text[j+sz2:]); isWordRune(r3) {
						j += sz2
						continue
					}
				}
				break
			}
			toks = append(toks, makeToken(text[start:j], start, j))
			i = j
			continue
		}
		var b brk
		switch r {
		case '!':
			excl++
			b = brkSentence
		case '?':
			quest++
			b = brkSentence
		case '.', '\u2026':
			b = brkSentence
			if r == '.' && len(toks) > 0 && abbreviations[toks[len(toks)-1].lower] {
				b = brkNone
			}
		case ',', ';', ':', '\u2013', '\u2014', '(', ')':
			b = brkClause
		case '[':
			bracket = len(toks)
		case ']':
			if bracket >= 0 && len(toks) == bracket+1 {
				toks = toks[:bracket]
			}
			bracket = -1
		case '-':
			// a hyphen between spaces is a dash; inside a word it was a joiner
			b = brkClause
		}
		if len(toks) > 0 && b > toks[len(toks)-1].after {
			toks[len(toks)-1].after = b
		}
		i += sz
	}
	return toks, excl, quest
}

var normaliser = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'", "\u2010", "-", "\u2011", "-")

func makeToken(w string, start, end int) token {
	t := token{start: start, end: end}
	lower := strings.ToLower(w)
	if strings.ContainsAny(lower, "\u2019\u2018\u02bc\u2010\u2011") {
		lower = normaliser.Replace(lower)
	}
	t.lower = lower
	t.possessive = strings.HasSuffix(lower, "'s")
	letters, upper := 0, 0
	for k, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				t.hasLower = true
			}
		}
		if k == 0 {
			t.capital = unicode.IsUpper(r)
		}
	}
	t.caps = letters >= 2 && upper == letters
	return t
}

// keyOf normalises a term of a data file (a word or a phrase) to the form
// tokens are looked up by: the lower-case words joined by single spaces.
// ok is false when the term is not made of words only (an emoticon such as
// ":-)" or a word with punctuation in it), since no token could match it.
func keyOf(term string) (key string, n int, ok bool) {
	toks, _, _ := tokenize(term)
	if len(toks) == 0 {
		return "", 0, false
	}
	covered := 0
	for _, t := range toks {
		covered += t.end - t.start
	}
	nonSpace := 0
	for _, r := range term {
		if !unicode.IsSpace(r) {
			nonSpace += utf8.RuneLen(r)
		}
	}
	if covered != nonSpace {
		return "", 0, false
	}
	if len(toks) == 1 {
		return toks[0].lower, 1, true
	}
	parts := make([]string, len(toks))
	for k, t := range toks {
		parts[k] = t.lower
	}
	return strings.Join(parts, " "), len(toks), true
}
