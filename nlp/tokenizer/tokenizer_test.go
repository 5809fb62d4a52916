package tokenizer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// transcripts returns every transcript kept in the repository: the
// embedded corpus and all annotation sets.
func transcripts(t testing.TB) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob("../../datasets/corpus/*.txt")
	more, _ := filepath.Glob("../../datasets/annotations/*/*.txt")
	paths = append(paths, more...)
	if len(paths) < 3 {
		t.Fatalf("found %d transcripts; the test needs the repository's datasets", len(paths))
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = string(b)
	}
	return out
}

// TestSameTokensAsProse holds the tokenizer to prose's output, line by
// line, on every transcript of the repository.
func TestSameTokensAsProse(t *testing.T) {
	ours, theirs := New(), tokenize.New()
	for path, text := range transcripts(t) {
		for n, line := range strings.Split(text, "\n") {
			got, want := ours.Tokenize(line), theirs.Tokenize(line)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s:%d: tokens differ from prose's\n got %v\nwant %v", path, n+1, got, want)
			}
		}
	}
}

// TestRules gives one minimal case per rule of the package comment,
// checked against prose too so that the table cannot drift from it.
func TestRules(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"spaces of every kind", " a\tb\u00a0c\n", []string{"a", "b", "c"}},
		{"emoticon kept whole", "ok :-) fine", []string{"ok", ":-)", "fine"}},
		{"initials kept whole", "the U.S. delegation", []string{"the", "U.S.", "delegation"}},
		{"title kept whole", "Mr. Chair", []string{"Mr.", "Chair"}},
		{"long title split", "Miss. Chair", []string{"Miss", ".", "Chair"}},
		{"prefixes", `("rev one`, []string{"(", `"`, "rev", "one"}},
		{"curly prefix", "“rev", []string{"“", "rev"}},
		{"contraction", "don't", []string{"do", "n't"}},
		{"curly contraction", "it’s", []string{"it", "’s"}},
		{"upper-case contraction", "WON'T", []string{"WO", "N'T"}},
		{"ending at the start ignored", "'s's", []string{"'s's"}},
		{"ending at the start does not hide others", "'sn't", []string{"'s", "n't"}},
		{"suffixes in source order", `one).`, []string{"one", ")", "."}},
		{"possessive then suffix", "Chair's,", []string{"Chair", "'s", ","}},
		{"affix alone stays", "( . '", []string{"(", ".", "'"}},
		{"invalid UTF-8", "a\xffb c", []string{"a\xffb", "c"}},
	}
	ours, theirs := New(), tokenize.New()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(ours.Tokenize(c.in))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
			}
			if prose := texts(theirs.Tokenize(c.in)); !reflect.DeepEqual(prose, c.want) {
				t.Errorf("prose gives %q for %q: the table is wrong", prose, c.in)
			}
		})
	}
}

// TestOffsetsLocateText checks the position invariant: the bytes at each
// token's offsets are its text.
func TestOffsetsLocateText(t *testing.T) {
	tok := New()
	for path, text := range transcripts(t) {
		for _, tk := range tok.Tokenize(text) {
			if text[tk.Start:tk.End()] != tk.Text {
				t.Fatalf("%s: token %q at %d does not match the text there", path, tk.Text, tk.Start)
			}
		}
	}
}

func texts(toks []token.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// FuzzSameTokensAsProse compares the two tokenizers on arbitrary input.
func FuzzSameTokensAsProse(f *testing.F) {
	for _, s := range []string{"Thank you, Mr. Chair.", "U.S.-led (\"rev one\")", "it’s n't 's'll", ":-) :P XD", "a\u2028b\xff'S"} {
		f.Add(s)
	}
	ours, theirs := New(), tokenize.New()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ours.Tokenize(s), theirs.Tokenize(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokenize(%q)\n got %v\nwant %v", s, got, want)
		}
	})
}

// BenchmarkTokenize compares the tokenizer with prose's on the embedded
// corpus, one line at a time.
func BenchmarkTokenize(b *testing.B) {
	var lines []string
	for _, text := range transcripts(b) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	for _, bc := range []struct {
		name string
		run  func(string) []token.Token
	}{{"plenary", New().Tokenize}, {"prose", tokenize.New().Tokenize}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, l := range lines {
					bc.run(l)
				}
			}
		})
	}
}
