package nlp

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plenary/plenary/datasets/gazetteer"
)

func newTestAnnotator(t testing.TB, proseEntities bool) *Annotator {
	t.Helper()
	a, err := New(gazetteer.Default(), Options{ProseEntities: proseEntities})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestEntities(t *testing.T) {
	a := newTestAnnotator(t, true)
	cases := []struct {
		name, text string
		want       []string // "text/label/code/source"
		absent     []string // entity texts that must not appear
	}{
		{"gazetteer wins over prose",
			"I give now the floor to the Islamic Republic of Iran, followed by Switzerland.",
			[]string{"Islamic Republic of Iran/GPE/IRN/gazetteer", "Switzerland/GPE/CHE/gazetteer"}, []string{"Islamic Republic"}},
		{"fragments of longer names are not places",
			"We support the Programme of Action proposed by France and Egypt.",
			[]string{"France/GPE/FRA/gazetteer", "Egypt/GPE/EGY/gazetteer"}, []string{"Action"}},
		{"forms of address and sentence-initial words are not entities",
			"Thank you, Mr. Chair. Furthermore, the Chair said so in March.",
			nil, []string{"Thank", "Chair", "Furthermore", "March"}},
		{"organisations and the European Union",
			"The EU and the OSCE work with the African Union and UNIDIR.",
			[]string{"EU/ORG/EU/gazetteer", "OSCE/ORG/ORG-OSCE/gazetteer", "African Union/ORG/ORG-AU/gazetteer", "UNIDIR/ORG/ORG-UNIDIR/gazetteer"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ann := a.Annotate(c.text, 0)
			var got []string
			texts := map[string]bool{}
			for _, e := range ann.Entities {
				got = append(got, e.Text+"/"+e.Label+"/"+e.Code+"/"+e.Source)
				texts[e.Text] = true
			}
			joined := strings.Join(got, " | ")
			for _, w := range c.want {
				if !strings.Contains(joined, w) {
					t.Errorf("missing %s in %s", w, joined)
				}
			}
			for _, x := range c.absent {
				if texts[x] {
					t.Errorf("unexpected entity %q in %s", x, joined)
				}
			}
		})
	}
}

// TestOffsetsLocateText checks the invariant of every annotation: with a
// base offset, text[x.Start-base:x.End-base] is x.Text, and tokens and
// entities lie inside their sentence.
func TestOffsetsLocateText(t *testing.T) {
	src, err := os.ReadFile("../datasets/corpus/oewg2-s1-m9.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(src[:20000]), "\u2019", "'")
	const base = 1000
	ann := newTestAnnotator(t, true).Annotate(text, base)
	if len(ann.Sentences) < 50 || len(ann.Tokens) < 1000 || len(ann.Entities) < 20 {
		t.Fatalf("suspiciously little: %d sentences, %d tokens, %d entities", len(ann.Sentences), len(ann.Tokens), len(ann.Entities))
	}
	at := func(s, e int) string { return text[s-base : e-base] }
	for _, s := range ann.Sentences {
		if at(s.Start, s.End) != s.Text {
			t.Fatalf("sentence %d: %q at its offsets, text %q", s.Seq, at(s.Start, s.End), s.Text)
		}
	}
	for i, k := range ann.Tokens {
		s := ann.Sentences[k.Sentence-1]
		if at(k.Start, k.End) != k.Text || k.Start < s.Start || k.End > s.End || k.Seq != i+1 || k.Tag == "" {
			t.Fatalf("token %+v does not fit sentence %+v", k, s)
		}
	}
	for _, e := range ann.Entities {
		s := ann.Sentences[e.Sentence-1]
		if at(e.Start, e.End) != e.Text || e.Start < s.Start || e.End > s.End {
			t.Fatalf("entity %+v does not fit sentence %+v", e, s)
		}
	}
}

// TestTitlesDoNotEndSentences: prose's segmenter ends a sentence after
// "Mr."; plenary joins it to what follows on the same line.
func TestTitlesDoNotEndSentences(t *testing.T) {
	a := newTestAnnotator(t, false)
	cases := []struct {
		text string
		want []string
	}{
		{"Thank you, Mr. Chair. We support it.", []string{"Thank you, Mr. Chair.", "We support it."}},
		{"I thank H.E. Ms. Nakamitsu. Dr. Smith agrees.", []string{"I thank H.E. Ms. Nakamitsu.", "Dr. Smith agrees."}},
		{"We support the text. Mr. Chair, thank you.", []string{"We support the text.", "Mr. Chair, thank you."}},
		{"We heard the CBMs. Thank you.", []string{"We heard the CBMs.", "Thank you."}},
	}
	for _, c := range cases {
		var got []string
		for _, s := range a.Annotate(c.text, 0).Sentences {
			got = append(got, s.Text)
			if c.text[s.Start:s.End] != s.Text {
				t.Errorf("%q: sentence %q does not match its offsets", c.text, s.Text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: sentences %q, want %q", c.text, got, c.want)
		}
	}
}

func TestGazetteerOnly(t *testing.T) {
	ann := newTestAnnotator(t, false).Annotate("Thank you, Mr. Chair. Mexico and Kenya agree.", 0)
	for _, e := range ann.Entities {
		if e.Source != SourceGazetteer {
			t.Errorf("prose entity %+v with ProseEntities off", e)
		}
	}
	if len(ann.Entities) != 2 {
		t.Errorf("entities %+v, want Mexico and Kenya", ann.Entities)
	}
}

// TestWindowsMatchWholeSentences checks the invariant behind running
// prose's recogniser on windows around candidate names: on the corpus and
// the annotation sets' transcripts, the entities are exactly those of a run
// over every candidate sentence as a whole.
func TestWindowsMatchWholeSentences(t *testing.T) {
	paths, err := filepath.Glob("../datasets/annotations/*/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	corpus, _ := filepath.Glob("../datasets/corpus/*.txt")
	paths = append(paths, corpus...)
	if len(paths) < 10 {
		t.Fatalf("only %d transcripts found", len(paths))
	}
	win := newTestAnnotator(t, true)
	whole := newTestAnnotator(t, true)
	whole.wholeSentences = true
	n := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range strings.Split(string(src), "\n") {
			a, b := win.Annotate(para, 0).Entities, whole.Annotate(para, 0).Entities
			if !slices.Equal(a, b) {
				t.Errorf("%s: windows and whole sentences differ:\n%s", p, entityDiff(a, b))
			}
			n += len(a)
		}
	}
	if n < 1000 {
		t.Errorf("only %d entities compared", n)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	src, err := os.ReadFile("../datasets/corpus/oewg2-s1-m9.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	words := len(strings.Fields(text))
	for _, withProse := range []bool{false, true} {
		name := "gazetteer"
		if withProse {
			name = "gazetteer+prose"
		}
		b.Run(name, func(b *testing.B) {
			a := newTestAnnotator(b, withProse)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				a.Annotate(text, 0)
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// entityDiff lists the entities only in a (+) or only in b (-).
func entityDiff(a, b []Entity) string {
	var out []string
	key := func(e Entity) string { return fmt.Sprintf("%d-%d %s %s", e.Start, e.End, e.Label, e.Text) }
	in := func(es []Entity, e Entity) bool {
		return slices.ContainsFunc(es, func(x Entity) bool { return key(x) == key(e) })
	}
	for _, e := range a {
		if !in(b, e) {
			out = append(out, "+ "+key(e))
		}
	}
	for _, e := range b {
		if !in(a, e) {
			out = append(out, "- "+key(e))
		}
	}
	return strings.Join(out, "\n")
}
