package alignment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plenary/plenary/datasets/gazetteer"
)

// span is a half-open byte range.
type span struct{ start, end int }

// abbreviations end with a period that does not end a sentence ("Mr. Chair",
// "para. 7"). Single letters ("U.S.", "H.E.") are handled separately.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true,
	"nos": true, "para": true, "paras": true, "amb": true, "prof": true,
	"gen": true, "art": true, "vol": true, "cf": true, "vs": true, "op": true,
	"pp": true, "jr": true, "sr": true, "mt": true, "messrs": true, "excl": true,
	"incl": true, "approx": true, "e.g": true, "i.e": true, "rev": true,
}

// sentences splits text into sentences: at a line break, and after . ! or ?
// (with any closing quotes or brackets) followed by white space and an
// upper-case letter, a digit, a quote or a bracket, unless the period ends an
// abbreviation. Spans are trimmed of white space; empty ones are dropped.
func sentences(text string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e {
			r, w := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += w
		}
		for e > s {
			r, w := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= w
		}
		if e > s {
			out = append(out, span{s, e})
		}
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			emit(i)
			start = i + w
		case r == '.' || r == '!' || r == '?':
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '"' || r2 == '\'' || r2 == ')' || r2 == ']' || r2 == '\u201d' || r2 == '\u2019' {
					j += w2
					continue
				}
				break
			}
			if r == '.' && j == i+w && isAbbrev(text[:i]) {
				i = j
				continue
			}
			// White space (not a line break, handled above) then a
			// sentence opener.
			k := j
			sawSpace := false
			for k < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[k:])
				if r2 == '\n' || !unicode.IsSpace(r2) {
					break
				}
				sawSpace = true
				k += w2
			}
			if k >= len(text) {
				i = j
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[k:])
			if sawSpace && (unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'([\u201c\u2018", next)) {
				emit(j)
				start = j
			}
			i = j
			continue
		}
		i += w
	}
	emit(len(text))
	return out
}

// isAbbrev reports whether the word that ends before reads as an
// abbreviation or an initial.
func isAbbrev(before string) bool {
	k := len(before)
	for n := 0; k > 0; n++ {
		r, w := utf8.DecodeLastRuneInString(before[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		if n == 12 {
			return false // longer than any abbreviation
		}
		k -= w
	}
	word := strings.ToLower(strings.TrimLeft(before[k:], "."))
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		return true // an initial: "U.S.", "H.E."
	}
	if strings.Contains(word, ".") { // "u.s", "e.g"
		return true
	}
	return abbreviations[word]
}

// token is a word, a punctuation mark, or a delegation mention (several words
// merged into one token).
type token struct {
	start, end int    // byte offsets in the sentence
	lower      string // lower-cased text with ASCII apostrophes; empty for a mention
	mention    int    // index into the sentence's mentions, or -1
}

// mention is a delegation named in a sentence.
type mention struct {
	code    string
	demonym bool
	start   int
	end     int
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApos(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// words splits a sentence into word and punctuation tokens. A word may hold
// inner apostrophes and hyphens ("can't", "non-aligned"); a possessive "'s"
// is a token of its own ("Germany", "'s").
func words(s string) []token {
	out := make([]token, 0, len(s)/5+1)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += w2
					continue
				}
				if isApos(r2) || r2 == '-' {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if j+w2 < len(s) && isWordRune(r3) {
						j += w2
						continue
					}
				}
				break
			}
			word := s[i:j]
			// Split a possessive 's.
			if n := len(word); n >= 3 {
				low := strings.ToLower(normApos(word))
				if strings.HasSuffix(low, "'s") {
					_, aw := utf8.DecodeLastRuneInString(word[:n-1])
					cut := j - 1 - aw
					out = append(out, token{start: i, end: cut, lower: strings.ToLower(normApos(s[i:cut])), mention: -1})
					out = append(out, token{start: cut, end: j, lower: "'s", mention: -1})
					i = j
					continue
				}
			}
			out = append(out, token{start: i, end: j, lower: strings.ToLower(normApos(word)), mention: -1})
			i = j
		case unicode.IsSpace(r):
			i += w
		default:
			if isApos(r) {
				r2, w2 := utf8.DecodeRuneInString(s[i+w:])
				if i+w < len(s) && (r2 == 's' || r2 == 'S') {
					r3, _ := utf8.DecodeRuneInString(s[i+w+w2:])
					if i+w+w2 >= len(s) || !isWordRune(r3) {
						out = append(out, token{start: i, end: i + w + w2, lower: "'s", mention: -1})
						i += w + w2
						continue
					}
				}
			}
			out = append(out, token{start: i, end: i + w, lower: string(r), mention: -1})
			i += w
		}
	}
	return out
}

// findMentions returns the delegations named in s: gazetteer.Find, plus
// group names and the European Union written in lower case ("the statements
// delivered by the non-aligned movement"), which Find leaves out because it
// requires a capital letter.
func findMentions(gaz *gazetteer.Gazetteer, s string) []mention {
	var out []mention
	for _, m := range gaz.Find(s) {
		out = append(out, mention{code: m.Code, demonym: m.Demonym, start: m.Start, end: m.End})
	}
	if !hasLowerStart(s) {
		return out
	}
	tc := titleASCII(s)
	for _, m := range gaz.Find(tc) {
		if !(m.Code == "EU" || strings.HasPrefix(m.Code, "GRP-")) || m.Demonym {
			continue
		}
		overlap := false
		for _, o := range out {
			if m.Start < o.end && o.start < m.End {
				overlap = true
				break
			}
		}
		if !overlap {
			out = append(out, mention{code: m.Code, start: m.Start, end: m.End})
		}
	}
	// Keep them in text order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// hasLowerStart reports whether some word of s starts with an ASCII
// lower-case letter.
func hasLowerStart(s string) bool {
	prev := ' '
	for _, r := range s {
		if r >= 'a' && r <= 'z' && !isWordRune(prev) && !isApos(prev) {
			return true
		}
		prev = r
	}
	return false
}

// titleASCII upper-cases the ASCII letter that starts each word, keeping the
// byte length (and so every offset) of s.
func titleASCII(s string) string {
	b := []byte(s)
	prev := ' '
	for i, r := range s {
		if r >= 'a' && r <= 'z' && !isWordRune(prev) && !isApos(prev) {
			b[i] = byte(r - 'a' + 'A')
		}
		prev = r
	}
	return string(b)
}

// tokenize returns the tokens of s with each mention merged into one token.
func tokenize(s string, ms []mention) []token {
	return merge(words(s), ms)
}

// merge merges the word tokens ws that each mention covers into one token.
func merge(ws []token, ms []mention) []token {
	if len(ms) == 0 {
		return ws
	}
	out := make([]token, 0, len(ws))
	k := 0
	for i := 0; i < len(ws); {
		for k < len(ms) && ms[k].end <= ws[i].start {
			k++
		}
		if k < len(ms) && ws[i].end > ms[k].start {
			t := token{start: ws[i].start, end: ws[i].end, mention: k}
			if ms[k].start < t.start {
				t.start = ms[k].start
			}
			j := i + 1
			for j < len(ws) && ws[j].start < ms[k].end {
				if ws[j].end > t.end {
					t.end = ws[j].end
				}
				j++
			}
			if ms[k].end > t.end {
				t.end = ms[k].end
			}
			out = append(out, t)
			i = j
			k++
			continue
		}
		out = append(out, ws[i])
		i++
	}
	return out
}
