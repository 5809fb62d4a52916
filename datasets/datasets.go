// Package datasets embeds plenary's default data in the binary: the two
// OEWG transcripts that form the default corpus (with their provenance) and
// the default configuration. Embedding them is what lets `plenary run` work
// with no arguments, on any machine, years from now.
//
// The gazetteer, the annotation sets and the configuration parser live in
// subpackages; this package only holds bytes and the provenance records that
// describe them.
package datasets

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"

	"go.yaml.in/yaml/v3"
)

//go:embed corpus/*.txt corpus/PROVENANCE.yaml
var corpusFS embed.FS

//go:embed plenary.yaml
var defaultConfig []byte

//go:embed targets.yaml
var defaultTargets []byte

//go:embed lexicons/stance/stance.yaml
var defaultStanceLexicon []byte

// CorpusDir is the directory of the embedded corpus inside CorpusFS; paths of
// embedded transcripts are reported as "embedded:" + CorpusDir + "/" + name.
const CorpusDir = "corpus"

// Provenance describes where one embedded transcript comes from, so that a
// table row can be traced back to a published page.
type Provenance struct {
	File      string `yaml:"file"`
	Body      string `yaml:"body"`
	Session   string `yaml:"session"`
	Meeting   string `yaml:"meeting"`
	Date      string `yaml:"date"`
	Part      string `yaml:"part"`
	Agenda    string `yaml:"agenda"`
	Publisher string `yaml:"publisher"`
	URL       string `yaml:"url"`
	Kind      string `yaml:"kind"`
	SHA256    string `yaml:"sha256"`
	Bytes     int    `yaml:"bytes"`
}

// CorpusFile is one embedded transcript and its provenance.
type CorpusFile struct {
	Name       string // base name, e.g. "oewg2-s1-m9.txt"
	Data       []byte // the file exactly as published
	Provenance Provenance
}

// CorpusFS returns the embedded corpus as a read-only file system rooted so
// that transcripts are at CorpusDir/<name>.
func CorpusFS() fs.FS { return corpusFS }

// DefaultConfig returns the bytes of the embedded default configuration
// (plenary.yaml). Callers get a copy and may modify it.
func DefaultConfig() []byte { return append([]byte(nil), defaultConfig...) }

// DefaultTargets returns a copy of the embedded stance targets
// (targets.yaml).
func DefaultTargets() []byte { return append([]byte(nil), defaultTargets...) }

// DefaultStanceLexicon returns a copy of the embedded stance cue lexicon
// (lexicons/stance/stance.yaml).
func DefaultStanceLexicon() []byte { return append([]byte(nil), defaultStanceLexicon...) }

// Corpus returns the embedded transcripts in file-name order, each checked
// against the checksum recorded in its provenance, so that a corrupted build
// can never silently change the default dataset.
func Corpus() ([]CorpusFile, error) {
	provs, err := readProvenance()
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(corpusFS, CorpusDir+"/*.txt")
	if err != nil {
		return nil, fmt.Errorf("datasets: listing embedded corpus: %w", err)
	}
	files := make([]CorpusFile, 0, len(names))
	for _, name := range names {
		f, err := loadCorpusFile(name, provs)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

func readProvenance() (map[string]Provenance, error) {
	raw, err := corpusFS.ReadFile(CorpusDir + "/PROVENANCE.yaml")
	if err != nil {
		return nil, fmt.Errorf("datasets: reading corpus provenance: %w", err)
	}
	var list []Provenance
	if err := yaml.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("datasets: parsing corpus/PROVENANCE.yaml: %w", err)
	}
	byName := make(map[string]Provenance, len(list))
	for _, p := range list {
		byName[p.File] = p
	}
	return byName, nil
}

func loadCorpusFile(name string, provs map[string]Provenance) (CorpusFile, error) {
	data, err := corpusFS.ReadFile(name)
	if err != nil {
		return CorpusFile{}, fmt.Errorf("datasets: reading %s: %w", name, err)
	}
	base := path.Base(name)
	prov, ok := provs[base]
	if !ok {
		return CorpusFile{}, fmt.Errorf("datasets: %s has no entry in corpus/PROVENANCE.yaml", base)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != prov.SHA256 {
		return CorpusFile{}, fmt.Errorf("datasets: %s: sha256 %s does not match provenance %s", base, got, prov.SHA256)
	}
	return CorpusFile{Name: base, Data: data, Provenance: prov}, nil
}
