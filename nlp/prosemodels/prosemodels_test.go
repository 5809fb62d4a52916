package prosemodels

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// reference holds prose's own tagger and recogniser, the answers this
// package must reproduce.
type reference struct {
	tagger *tag.Tagger
	ner    *ner.Extracter
	ours   *Tagger
	rec    *Recognizer
}

func newReference(t testing.TB) reference {
	t.Helper()
	pt, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	pn, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	ot, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	or, err := NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	return reference{pt, pn, ot, or}
}

// compare tags and labels toks with both implementations and describes
// the first difference, or returns "".
func (r reference) compare(toks []token.Token) string {
	theirs := append([]token.Token(nil), toks...)
	ours := append([]token.Token(nil), toks...)
	r.tagger.TagTokens(theirs)
	r.ours.TagTokens(ours)
	for i := range theirs {
		if theirs[i].Tag != ours[i].Tag {
			return fmt.Sprintf("token %d %q: prose tags %q, we tag %q", i, toks[i].Text, theirs[i].Tag, ours[i].Tag)
		}
	}
	r.ner.Label(theirs)
	r.rec.Label(ours)
	for i := range theirs {
		if theirs[i].Label != ours[i].Label {
			return fmt.Sprintf("token %d %q: prose labels %q, we label %q", i, toks[i].Text, theirs[i].Label, ours[i].Label)
		}
	}
	return ""
}

// repositoryTranscripts lists every transcript the repository holds.
func repositoryTranscripts(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob("../../datasets/annotations/*/*.txt")
	corpus, _ := filepath.Glob("../../datasets/corpus/*.txt")
	paths = append(paths, corpus...)
	if len(paths) < 10 {
		t.Fatalf("only %d transcripts found", len(paths))
	}
	return paths
}

// TestSameAnswersAsProse is the package's contract: on every sentence of
// every transcript in the repository, tags and entity labels are prose's.
func TestSameAnswersAsProse(t *testing.T) {
	ref := newReference(t)
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	tk := tokenize.New()
	tokens, entities := 0, 0
	for _, p := range repositoryTranscripts(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range seg.Segment(string(src)) {
			toks := tk.Tokenize(s.Text)
			if diff := ref.compare(toks); diff != "" {
				t.Fatalf("%s: %q: %s", p, s.Text, diff)
			}
			tokens += len(toks)
			ref.rec.Label(toks)
			for _, tok := range toks {
				if strings.HasPrefix(tok.Label, "B-") {
					entities++
				}
			}
		}
	}
	if tokens < 100000 || entities < 1000 {
		t.Errorf("compared only %d tokens and %d entity starts", tokens, entities)
	}
}

// TestFixedTags covers the words prose tags without its model, and
// words the model scores, with one sentence each.
func TestFixedTags(t *testing.T) {
	ref := newReference(t)
	for _, words := range [][]string{
		{"-", "@chair", ":-)", "xD", "0", "*", "*T*-1", "*-12", "-LRB-", "-lrb-"},
		{"The", "well-known", "1999", "+123", "-12", "3.5", "ICTs", "Côte", "d'Ivoire"},
		{"États", "Ünited", "naïve", "ÉCOLE", "a_b", "x"},
		{"12e3", "Inf", "nan", "NaNa", "infinity", "-", "+", "."},
	} {
		toks := make([]token.Token, len(words))
		for i, w := range words {
			toks[i].Text = w
		}
		if diff := ref.compare(toks); diff != "" {
			t.Errorf("%q: %s", words, diff)
		}
	}
}

// TestShape pins the recogniser's word shapes.
func TestShape(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"", "other"}, {"12", "number"}, {"1e5", "number"}, {"nan", "number"}, {"Inf", "number"},
		{"1e999", "downcase"}, {"1e99x", "downcase"}, {"ICT.", "punct"}, {"Côté", "punct"}, {"Chair", "upcase"}, {"NASA", "upcase"},
		{"chair", "downcase"}, {"iPhone", "mixedcase"}, {"McDonald", "upcase"}, {"eBay", "mixedcase"}, {"x_1", "downcase"},
	} {
		if got := shape(c.word); got != c.want {
			t.Errorf("shape(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestCorruptModels: a damaged model file is an error, not a panic.
func TestCorruptModels(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("PROSETAG"), []byte("NOTAMODEL\x01\x00\x00\x00"), []byte("PROSETAG\x02\x00\x00\x00")} {
		if _, err := readTagger(data); err == nil {
			t.Errorf("readTagger(%q): no error", data)
		}
		if _, err := readRecognizer(data); err == nil {
			t.Errorf("readRecognizer(%q): no error", data)
		}
	}
}

// FuzzSameAnswersAsProse compares both models with prose's on token
// sequences made from arbitrary text split at spaces.
func FuzzSameAnswersAsProse(f *testing.F) {
	for _, s := range []string{"Thank you , Mr. Chair .", "The Republic of Korea supports the POA", "0 * -LRB- xD well-known 1999 Côte"} {
		f.Add(s)
	}
	ref := newReference(f)
	f.Fuzz(func(t *testing.T, text string) {
		var toks []token.Token
		for _, w := range strings.Fields(text) {
			toks = append(toks, token.Token{Text: w, Start: 0})
		}
		if diff := ref.compare(toks); diff != "" {
			t.Fatalf("%q: %s", text, diff)
		}
	})
}

// corpusSentences tokenizes the embedded corpus for the benchmarks.
func corpusSentences(b *testing.B) [][]token.Token {
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob("../../datasets/corpus/*.txt")
	var out [][]token.Token
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range seg.Segment(string(src)) {
			out = append(out, tokenize.New().Tokenize(s.Text))
		}
	}
	return out
}

// BenchmarkTagger tags the corpus with prose's tagger and with ours.
func BenchmarkTagger(b *testing.B) {
	sents := corpusSentences(b)
	ref := newReference(b)
	for _, c := range []struct {
		name string
		tag  func([]token.Token)
	}{{"prose", ref.tagger.TagTokens}, {"prosemodels", ref.ours.TagTokens}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range sents {
					c.tag(s)
				}
			}
		})
	}
}

// BenchmarkRecognizer labels the corpus's tagged sentences with prose's
// recogniser and with ours.
func BenchmarkRecognizer(b *testing.B) {
	sents := corpusSentences(b)[:200]
	ref := newReference(b)
	for _, s := range sents {
		ref.ours.TagTokens(s)
	}
	for _, c := range []struct {
		name  string
		label func([]token.Token)
	}{{"prose", ref.ner.Label}, {"prosemodels", ref.rec.Label}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range sents {
					c.label(s)
				}
			}
		})
	}
}
