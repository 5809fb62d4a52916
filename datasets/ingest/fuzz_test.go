package ingest

import (
	"errors"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the whole ingest stage. It must never
// panic; it either refuses the input with a bad-input error or returns
// turns whose offsets are valid, ordered and consistent with their text.
func FuzzParse(f *testing.F) {
	for _, p := range []string{"../corpus/oewg2-s1-m9.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 4000)])
		}
	}
	f.Add([]byte(doc("Chair", "Cuba, please.", "Thank you, Chair.", "Thank you, Cuba. I give the floor to Chile.", "Chile\u00a0", "Merci.")))
	f.Add([]byte("Chair\r\n\r\nGood\u2019s morning.\rRussia\r\rYes"))
	f.Add([]byte("\ufeffSession 1-2 Transcript\n\nUK\n\n"))
	in := newTestIngester(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		tr, err := in.Parse("fuzz.txt", src)
		if err != nil {
			if !errors.Is(err, ErrBadInput) {
				t.Fatalf("error is not a bad-input error: %v", err)
			}
			return
		}
		checkTranscript(t, tr, src)
	})
}

func checkTranscript(t *testing.T, tr *Transcript, src []byte) {
	t.Helper()
	norm := tr.Text.Norm
	prevEnd := 0
	for i, tu := range tr.Turns {
		if tu.Seq != i+1 {
			t.Fatalf("turn %d has seq %d", i+1, tu.Seq)
		}
		if tu.Start < prevEnd || tu.End < tu.Start || tu.End > len(norm) {
			t.Fatalf("turn %d spans [%d,%d) after %d in %d bytes", tu.Seq, tu.Start, tu.End, prevEnd, len(norm))
		}
		if tu.Text != norm[tu.Start:tu.End] {
			t.Fatalf("turn %d text does not match its offsets", tu.Seq)
		}
		bs, be := tr.Text.SourceByte(tu.Start), tr.Text.SourceByte(tu.End)
		if bs < 0 || be < bs || be > len(src) || !utf8.Valid(src[bs:be]) {
			t.Fatalf("turn %d maps to source [%d,%d) of %d bytes", tu.Seq, bs, be, len(src))
		}
		if cs, ce := tr.Text.SourceChar(tu.Start), tr.Text.SourceChar(tu.End); ce-cs != utf8.RuneCount(src[bs:be]) {
			t.Fatalf("turn %d: char span %d..%d does not cover %d runes", tu.Seq, cs, ce, utf8.RuneCount(src[bs:be]))
		}
		prevEnd = tu.End
	}
}

// FuzzNormalize checks the offset map on arbitrary valid UTF-8: every
// normalised span maps to a source span that normalises to it.
func FuzzNormalize(f *testing.F) {
	f.Add([]byte("a\r\nb\u00a0c\u2019d\ufeff"))
	f.Add([]byte("\r\r\n\u200b\u201c\u201d"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if !utf8.Valid(src) {
			return
		}
		txt := Normalize(src)
		for start := 0; start <= len(txt.Norm); start++ {
			if start < len(txt.Norm) && !utf8.RuneStart(txt.Norm[start]) {
				continue
			}
			end := min(start+7, len(txt.Norm))
			for end < len(txt.Norm) && !utf8.RuneStart(txt.Norm[end]) {
				end++
			}
			bs, be := txt.SourceByte(start), txt.SourceByte(end)
			if bs < 0 || be < bs || be > len(src) {
				t.Fatalf("[%d,%d) maps to [%d,%d) of %d", start, end, bs, be, len(src))
			}
			if got := Normalize(src[bs:be]).Norm; got != txt.Norm[start:end] {
				t.Fatalf("norm[%d:%d]=%q, source span normalises to %q", start, end, txt.Norm[start:end], got)
			}
		}
	})
}
