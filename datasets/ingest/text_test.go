package ingest

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	cases := []struct {
		name, src, norm string
	}{
		{"CRLF and CR", "a\r\nb\rc\n", "a\nb\nc\n"},
		{"spaces", "a\u00a0b\u202fc\td", "a b c d"},
		{"quotes", "\u2018x\u2019 \u201cy\u201d", `'x' "y"`},
		{"invisible", "\ufeffa\u200bb\u00adc", "abc"},
		{"kept", "Türkiye – Côte d'Ivoire", "Türkiye – Côte d'Ivoire"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Normalize([]byte(c.src)).Norm; got != c.norm {
				t.Errorf("Normalize(%q) = %q, want %q", c.src, got, c.norm)
			}
		})
	}
}

// TestOffsetsRoundTrip checks the invariant every table relies on: a span
// of the normalised text maps to the source span that normalises to it.
func TestOffsetsRoundTrip(t *testing.T) {
	src := "\ufeffThe Netherlands\u00a0\r\n\r\nWe\u2019re \u201cready\u201d.\u200b Türkiye\u2019s view \u2013 fine.\r\n"
	for len(src) < 3000 { // cross several rune checkpoints
		src += "Côte d\u2019Ivoire\u00a0says “yes”.\r\n"
	}
	txt := Normalize([]byte(src))
	for start := 0; start < len(txt.Norm); start++ {
		if !utf8.RuneStart(txt.Norm[start]) {
			continue
		}
		for _, end := range []int{start, nextRune(txt.Norm, start), min(start+17, len(txt.Norm))} {
			for end < len(txt.Norm) && !utf8.RuneStart(txt.Norm[end]) {
				end++
			}
			bs, be := txt.SourceByte(start), txt.SourceByte(end)
			if got := Normalize([]byte(src[bs:be])).Norm; got != txt.Norm[start:end] {
				t.Fatalf("norm[%d:%d]=%q but source[%d:%d] normalises to %q", start, end, txt.Norm[start:end], bs, be, got)
			}
			if cs := txt.SourceChar(start); cs != utf8.RuneCountInString(src[:bs]) {
				t.Fatalf("SourceChar(%d) = %d, want %d", start, cs, utf8.RuneCountInString(src[:bs]))
			}
		}
	}
}

func nextRune(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}
