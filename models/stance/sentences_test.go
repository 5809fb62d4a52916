package stance

import (
	"bytes"
	"io"
	"os"
	"slices"
	"testing"
)

func TestSentenceFeatures(t *testing.T) {
	cases := []struct {
		sentence string
		has      []string
		lacks    []string
	}{
		{"We support the text.", []string{"we", "support", "we support", "support the", "the text"}, []string{"NOT_support"}},
		{"We do not support the text.", []string{"not", "NOT_support", "NOT_support NOT_the", "NOT_text"}, []string{"support"}},
		{"We cannot, however, support it.", []string{"cannot", "support", "support it"}, []string{"NOT_support", "cannot however"}},
		{"We don’t support it.", []string{"don't", "NOT_support"}, nil},
		{"Nothing in it troubles us at all", []string{"NOT_in", "NOT_it", "NOT_troubles", "us"}, []string{"NOT_us"}},
	}
	for _, c := range cases {
		got := SentenceFeatures(c.sentence)
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("%q: features not sorted and distinct: %q", c.sentence, got)
		}
		for _, f := range c.has {
			if !slices.Contains(got, f) {
				t.Errorf("%q: lacks %q in %q", c.sentence, f, got)
			}
		}
		for _, f := range c.lacks {
			if slices.Contains(got, f) {
				t.Errorf("%q: has %q", c.sentence, f)
			}
		}
	}
}

var tinyTraining = []LabelledSentence{
	{"We fully support the proposal.", Support}, {"We support the proposal.", Support}, {"We welcome and support it.", Support},
	{"We cannot accept the proposal.", Oppose}, {"We reject the proposal.", Oppose}, {"We cannot accept or support it.", Oppose},
	{"We are still studying the proposal.", Neutral}, {"It is premature to decide.", Neutral}, {"We are studying it.", Neutral},
}

func TestTrainSentenceModel(t *testing.T) {
	m, err := TrainSentenceModel(tinyTraining, 0.1, "tiny")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range tinyTraining {
		p := m.Probabilities(d.Text)
		best := SentenceClasses[argmax(p)]
		if best != d.Label {
			t.Errorf("%q: predicted %s %v, trained as %s", d.Text, best, p, d.Label)
		}
	}
	again, _ := TrainSentenceModel(tinyTraining, 0.1, "tiny")
	a, _ := m.Marshal()
	b, _ := again.Marshal()
	if !bytes.Equal(a, b) {
		t.Error("training twice gives different model files")
	}
	back, err := ParseSentenceModel(a)
	if err != nil {
		t.Fatal(err)
	}
	if p, q := m.Probabilities("We support it."), back.Probabilities("We support it."); !slices.Equal(p, q) {
		t.Errorf("read-back model predicts %v, trained %v", q, p)
	}
	if _, err := TrainSentenceModel([]LabelledSentence{{"x", "maybe"}}, 0.1, ""); err == nil {
		t.Error("unknown label accepted")
	}
}

func argmax(p []float64) int {
	best := 0
	for i, v := range p {
		if v > p[best] {
			best = i
		}
	}
	return best
}

// TestSentenceModelInSync retrains the embedded model from the gold files
// and requires the same bytes: sentences.json is reproducible from the
// annotations in the repository (`go run ./cmd/plenary train-stance`
// rewrites it after a gold set is added or changed).
func TestSentenceModelInSync(t *testing.T) {
	files, err := GoldFiles("../../datasets/annotations")
	if err != nil {
		t.Fatal(err)
	}
	data, desc, err := TrainingSentences(files, func(p string) (io.ReadCloser, error) { return os.Open(p) })
	if err != nil {
		t.Fatal(err)
	}
	m, err := TrainSentenceModel(data, SentenceLambda, desc)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(raw, sentencesJSON) {
		t.Fatal("models/stance/sentences.json is out of date: run `go run ./cmd/plenary train-stance` from the repository root")
	}
}
