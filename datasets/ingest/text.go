package ingest

import (
	"sort"
	"unicode/utf8"
)

// Text is a transcript's normalised text together with the map back to the
// bytes of the source file. Every offset plenary reports is computed on the
// normalised text (where the segmenter, the tokenizer and the matchers run)
// and translated with SourceByte and SourceChar, so that a scholar can open
// the original file and find exactly the span a row points at.
type Text struct {
	// Norm is the normalised text: one newline per line break, ASCII
	// quotes and spaces, no zero-width characters or byte-order mark.
	Norm string

	src     []byte
	anchors []anchor // sorted by norm; see SourceByte
	runeCP  []int    // runeCP[i] = number of runes that start in src[:i*cpStride]
}

// anchor says that normalised offset norm corresponds to source offset src;
// between two anchors the text is copied byte for byte.
type anchor struct{ norm, src int }

// cpStride is the distance in bytes between code-point checkpoints:
// SourceChar counts at most cpStride bytes, for a table of one int per
// cpStride bytes of source.
const cpStride = 64

// replacement returns what the normaliser writes for r: keep reports that r
// is copied unchanged; otherwise out is written instead (possibly empty).
func replacement(r rune) (out string, keep bool) {
	switch r {
	case '\u00a0', '\u2007', '\u202f', '\u2002', '\u2003', '\u2009', '\u200a', '\u3000', '\t', '\v', '\f':
		return " ", false
	case '\u2018', '\u2019', '\u201b', '\u2032', '\u02bc':
		return "'", false
	case '\u201c', '\u201d', '\u201e', '\u2033':
		return `"`, false
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return "", false
	case '\u2028', '\u2029', '\u0085':
		return "\n", false
	}
	return "", true
}

// Normalize builds the normalised Text of src, which must be valid UTF-8
// (Check it first). CRLF and lone CR become LF; Unicode spaces, quotes and
// invisible characters are folded as replacement describes. Other
// characters, dashes and accented letters included, are kept as they are.
func Normalize(src []byte) *Text {
	t := &Text{src: src}
	buf := make([]byte, 0, len(src))
	t.anchors = append(t.anchors, anchor{0, 0})
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		var out string
		keep := true
		if r == '\r' {
			out, keep = "\n", false
			if i+1 < len(src) && src[i+1] == '\n' {
				size = 2
			}
		} else {
			out, keep = replacement(r)
		}
		if keep {
			buf = append(buf, src[i:i+size]...)
		} else {
			buf = append(buf, out...)
			if len(out) != size {
				t.anchors = append(t.anchors, anchor{len(buf), i + size})
			}
		}
		i += size
	}
	t.Norm = string(buf)
	t.runeCP = runeCheckpoints(src)
	return t
}

func runeCheckpoints(src []byte) []int {
	cp := make([]int, 0, len(src)/cpStride+1)
	n := 0
	for i := 0; i <= len(src); i += cpStride {
		cp = append(cp, n)
		n += runeStarts(src[i:min(i+cpStride, len(src))])
	}
	return cp
}

// SourceByte maps a byte offset in Norm to the byte offset in the source.
// An offset just after a deleted character maps past it.
func (t *Text) SourceByte(n int) int {
	k := sort.Search(len(t.anchors), func(i int) bool { return t.anchors[i].norm > n }) - 1
	a := t.anchors[k]
	return a.src + (n - a.norm)
}

// SourceChar maps a byte offset in Norm to a character (Unicode code point)
// offset in the source file, which is what Python's str and R's substr
// index by.
func (t *Text) SourceChar(n int) int {
	b := t.SourceByte(n)
	k := b / cpStride
	return t.runeCP[k] + runeStarts(t.src[k*cpStride:b])
}

// runeStarts counts the bytes of b that start a UTF-8 sequence. On valid
// UTF-8 that is the number of runes, and unlike utf8.RuneCount it adds up
// correctly over chunks that cut a multi-byte character.
func runeStarts(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// Source returns the bytes of the source file.
func (t *Text) Source() []byte { return t.src }
