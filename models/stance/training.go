package stance

import (
	_ "embed"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/plenary/plenary/models/evaluate"
)

// SentenceLambda is the L2 penalty of the embedded sentence model.
const SentenceLambda = 0.2

//go:embed sentences.json
var sentencesJSON []byte

var defaultSentences = sync.OnceValues(func() (*SentenceModel, error) { return ParseSentenceModel(sentencesJSON) })

// DefaultSentenceModel returns the embedded sentence model (sentences.json,
// made by `plenary train-stance` from the gold evidence sentences in
// datasets/annotations).
func DefaultSentenceModel() (*SentenceModel, error) { return defaultSentences() }

// GoldFiles returns the stance gold files under dir (an annotations
// directory): dir/stance-gold.tsv and dir/*/stance-gold.tsv, sorted.
func GoldFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "stance-gold.tsv"))
	if err != nil {
		return nil, err
	}
	files = append(files, filepath.Join(dir, "stance-gold.tsv"))
	slices.Sort(files)
	return files, nil
}

// TrainingSentences reads the gold files (opened with open) and returns
// their evidence sentences labelled support, oppose or neutral, in file
// and row order, and a description of the data for the model file.
func TrainingSentences(files []string, open func(string) (io.ReadCloser, error)) ([]LabelledSentence, string, error) {
	var out []LabelledSentence
	var parts []string
	for _, f := range files {
		rc, err := open(f)
		if err != nil {
			return nil, "", err
		}
		items, err := evaluate.ReadGold(f, rc)
		rc.Close()
		if err != nil {
			return nil, "", err
		}
		n := 0
		for _, it := range items {
			if it.Evidence != "" && slices.Contains(SentenceClasses, it.Label) {
				out = append(out, LabelledSentence{Text: it.Evidence, Label: it.Label})
				n++
			}
		}
		name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f) // the same from any working directory
		parts = append(parts, fmt.Sprintf("%s (%d)", name, n))
	}
	return out, fmt.Sprintf("%d gold evidence sentences: %s", len(out), strings.Join(parts, ", ")), nil
}
