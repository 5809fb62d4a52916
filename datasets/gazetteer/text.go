package gazetteer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words and keys.
//
// Lookup and Find see text as a sequence of words: maximal runs of letters,
// digits and combining marks, where an apostrophe between a letter or digit
// and a letter belongs to the word ("People's", "d'Ivoire"). Everything
// else separates words. A word's key is its folded form: lower case,
// diacritics removed ("Türkiye" → "turkiye"), every apostrophe written as
// "'". A word that ends in "'s" is possessive: its base is the word
// without it ("Russia's" → "Russia").

// isApostrophe reports whether r is one of the characters used as an
// apostrophe in transcripts.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032', '`', '\u00b4':
		return true
	}
	return false
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isApostrophe(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isLetterRune reports whether r is a letter (an apostrophe joins a word
// only when a letter follows it).
func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return !isApostrophe(r) && unicode.IsLetter(r)
}

// word is one word of a text. Byte offsets are into the text.
type word struct {
	start, end int
	// baseEnd is end without a possessive "'s"; it equals end when the word
	// is not possessive.
	baseEnd int
	// upper reports whether the first rune is an upper-case letter.
	upper bool
}

// possessive reports whether w ends in "'s".
func (w word) possessive() bool { return w.baseEnd != w.end }

// nextWord returns the first word of s at or after byte offset pos.
func nextWord(s string, pos int) (word, bool) {
	for pos < len(s) {
		c := s[pos]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				break
			}
			pos++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[pos:])
		if isWordRune(r) {
			break
		}
		pos += n
	}
	if pos >= len(s) {
		return word{}, false
	}
	w := word{start: pos}
	first := true
	for pos < len(s) {
		c := s[pos]
		if c < utf8.RuneSelf && c != '\'' && c != '`' {
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				first = false
				pos++
				continue
			}
			if 'A' <= c && c <= 'Z' {
				if first {
					w.upper = true
				}
				first = false
				pos++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[pos:])
		if isApostrophe(r) {
			if first || pos+n >= len(s) {
				break
			}
			if r2, _ := utf8.DecodeRuneInString(s[pos+n:]); !isLetterRune(r2) {
				break
			}
			pos += n
			continue
		}
		if !isWordRune(r) {
			break
		}
		if first {
			w.upper = unicode.IsUpper(r) || unicode.IsTitle(r)
		}
		first = false
		pos += n
	}
	w.end = pos
	w.baseEnd = pos
	// Possessive: the word ends with an apostrophe and an "s" or "S".
	if last := s[pos-1]; (last == 's' || last == 'S') && pos-1 > w.start {
		if r, n := utf8.DecodeLastRuneInString(s[w.start : pos-1]); isApostrophe(r) && pos-1-n > w.start {
			w.baseEnd = pos - 1 - n
		}
	}
	return w, true
}

// foldTable holds the folded form of the runes U+0080–U+024F (Latin-1
// Supplement, Latin Extended-A and -B) that belong to words, computed once.
var foldTable = func() [0x250]string {
	var t [0x250]string
	for r := rune(0x80); r < 0x250; r++ {
		if isWordRune(r) {
			t[r] = foldRuneSlow(r)
		}
	}
	return t
}()

// specialFolds are letters that have no canonical decomposition into a base
// letter and a mark.
var specialFolds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ł': "l",
	'ı': "i", 'þ': "th", 'ð': "d", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng",
}

// foldRuneSlow folds one rune: lower case, canonical decomposition, marks
// dropped.
func foldRuneSlow(r rune) string {
	r = unicode.ToLower(r)
	if s, ok := specialFolds[r]; ok {
		return s
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.IsMark(d) {
			b.WriteRune(d)
		}
	}
	return b.String()
}

// appendKey appends the key of s[start:end] (a word or a part of one) to
// dst.
func appendKey(dst []byte, s string, start, end int) []byte {
	for i := start; i < end; {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c == '`':
				dst = append(dst, '\'')
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case isApostrophe(r):
			dst = append(dst, '\'')
		case r < 0x250:
			dst = append(dst, foldTable[r]...)
		case unicode.IsMark(r):
			// a combining mark of a decomposed letter: dropped
		default:
			dst = append(dst, foldRuneSlow(r)...)
		}
	}
	return dst
}

// lookupPrefixes are word sequences that Lookup ignores at the start of a
// name, after any leading "the".
var lookupPrefixes = [][]string{
	{"delegation", "of"},
	{"distinguished", "delegate", "of"},
	{"distinguished", "delegation", "of"},
	{"distinguished", "representative", "of"},
	{"representative", "of"},
	{"delegate", "of"},
}

// lookupKey is the key under which Lookup finds a name: the keys of its
// words joined by single spaces, without a leading "the" or one of
// lookupPrefixes.
func lookupKey(name string) string {
	var words []string
	var buf []byte
	for pos := 0; ; {
		w, ok := nextWord(name, pos)
		if !ok {
			break
		}
		buf = appendKey(buf[:0], name, w.start, w.end)
		words = append(words, string(buf))
		pos = w.end
	}
	for {
		if len(words) > 0 && words[0] == "the" {
			words = words[1:]
			continue
		}
		stripped := false
		for _, p := range lookupPrefixes {
			if len(words) > len(p) && slices.Equal(words[:len(p)], p) {
				words = words[len(p):]
				stripped = true
				break
			}
		}
		if !stripped {
			break
		}
	}
	return strings.Join(words, " ")
}
