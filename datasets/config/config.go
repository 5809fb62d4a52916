// Package config reads plenary's configuration: the YAML file that says how
// the Chair is named, what page furniture to drop, which agenda topics exist
// and how procedural turns look. The default is embedded (see
// datasets.DefaultConfig); `plenary run --config FILE` replaces it.
//
// Parsing is strict: unknown keys, a wrong version, empty lists where a list
// is required, or a malformed value are errors that name the file and line,
// because a silently ignored typo in a research configuration changes results
// without anyone noticing.
package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/plenary/plenary/datasets"
	"go.yaml.in/yaml/v3"
)

// Version is the configuration format version this build understands.
const Version = 1

// Config is the parsed configuration. Its zero value is not useful; obtain
// one from Default, Load or Parse.
type Config struct {
	Version     int         `yaml:"version"`
	Chair       Chair       `yaml:"chair"`
	Boilerplate Boilerplate `yaml:"boilerplate"`
	Agenda      Agenda      `yaml:"agenda"`
	Procedural  Procedural  `yaml:"procedural"`
	Corpus      Corpus      `yaml:"corpus"`

	// Source names where the configuration came from ("embedded:plenary.yaml"
	// or a path); SHA256 is the hash of its bytes, recorded in the manifest.
	Source string `yaml:"-"`
	SHA256 string `yaml:"-"`
	// Raw is the configuration text as read, copied into the manifest.
	Raw []byte `yaml:"-"`
}

// Chair says how Chair turns are headed.
type Chair struct {
	Headings []string `yaml:"headings"`
	Names    []string `yaml:"names"`
	Titles   []string `yaml:"titles"`
}

// Boilerplate lists the page furniture to drop from transcripts.
type Boilerplate struct {
	Lines    []string `yaml:"lines"`
	Prefixes []string `yaml:"prefixes"`
	Footers  []string `yaml:"footers"`
}

// Agenda holds the agenda topics and the cues that mark the Chair's
// announcements of a new topic.
type Agenda struct {
	Topics         []Topic  `yaml:"topics"`
	TransitionCues []string `yaml:"transition_cues"`
	PlanCues       []string `yaml:"plan_cues"`
	// SameMeetingPlanCues are plan cues that keep the plan within the
	// present meeting ("this afternoon"): while no agenda is in force, a
	// plan with only these sets the agenda.
	SameMeetingPlanCues []string `yaml:"same_meeting_plan_cues"`
	ClosingCues         []string `yaml:"closing_cues"`
}

// Topic is one agenda topic: a sub-item or an item without sub-items.
type Topic struct {
	ID      string   `yaml:"id"`
	Item    string   `yaml:"item"`
	Label   string   `yaml:"label"`
	Aliases []string `yaml:"aliases"`
}

// Procedural describes turns that manage the floor rather than say anything
// about the substance.
type Procedural struct {
	MaxWords      int      `yaml:"max_words"`
	Cues          []string `yaml:"cues"`
	ChairMaxWords int      `yaml:"chair_max_words"`
}

// Corpus configures the corpus-level models (positions, clusters,
// communities); see models/corpus.
type Corpus struct {
	Seed          uint64             `yaml:"seed"`
	K             int                `yaml:"k"`
	KMax          int                `yaml:"k_max"`
	MinWords      int                `yaml:"min_words"`
	WordfishDir   []string           `yaml:"wordfish_dir"`
	WordscoresRef map[string]float64 `yaml:"wordscores_ref"`
}

// Default returns the embedded default configuration.
func Default() (*Config, error) {
	return Parse("embedded:plenary.yaml", datasets.DefaultConfig())
}

// Load reads and parses the configuration file at path.
func Load(path string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, raw)
}

// Parse parses configuration text; name is used in error messages and
// recorded as the configuration's source.
func Parse(name string, raw []byte) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("config %s: the file is empty", name)
	}
	var c Config
	if err := DecodeStrict(raw, &c); err != nil {
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	if err := c.validate(root.Content[0]); err != nil {
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	sum := sha256.Sum256(raw)
	c.Source, c.SHA256, c.Raw = name, hex.EncodeToString(sum[:]), append([]byte(nil), raw...)
	return &c, nil
}

// validate checks what YAML types cannot: versions, required lists, unique
// topic ids. doc is the document's root mapping, used for line numbers.
func (c *Config) validate(doc *yaml.Node) error {
	var errs []error
	if c.Version != Version {
		errs = append(errs, fmt.Errorf("line %d: version is %d, this build of plenary reads version %d",
			LineOf(doc, "version"), c.Version, Version))
	}
	required := map[string][]string{
		"chair.headings":         c.Chair.Headings,
		"agenda.transition_cues": c.Agenda.TransitionCues,
	}
	for key, list := range required {
		if len(nonEmpty(list)) == 0 {
			errs = append(errs, fmt.Errorf("line %d: %s must list at least one entry", LineOf(doc, key), key))
		}
	}
	seen := map[string]bool{}
	for i, t := range c.Agenda.Topics {
		line := LineOf(doc, fmt.Sprintf("agenda.topics.%d", i))
		switch {
		case strings.TrimSpace(t.ID) == "":
			errs = append(errs, fmt.Errorf("line %d: agenda topic without id", line))
		case seen[t.ID]:
			errs = append(errs, fmt.Errorf("line %d: agenda topic id %q is defined twice", line, t.ID))
		case len(nonEmpty(t.Aliases)) == 0:
			errs = append(errs, fmt.Errorf("line %d: agenda topic %q has no aliases", line, t.ID))
		}
		seen[t.ID] = true
	}
	if n := len(c.Corpus.WordfishDir); n != 0 && n != 2 {
		errs = append(errs, fmt.Errorf("line %d: corpus.wordfish_dir must name two delegations (left, right), not %d", LineOf(doc, "corpus.wordfish_dir"), n))
	}
	if c.Corpus.K < 0 || c.Corpus.KMax < 0 || c.Corpus.MinWords < 0 {
		errs = append(errs, fmt.Errorf("line %d: corpus.k, k_max and min_words must not be negative", LineOf(doc, "corpus")))
	}
	if c.Procedural.MaxWords < 0 || c.Procedural.ChairMaxWords < 0 {
		errs = append(errs, fmt.Errorf("line %d: procedural word limits must not be negative", LineOf(doc, "procedural")))
	}
	// Map iteration above is random: sort so the report is the same every run.
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// LineOf returns the line of the node at a dotted path (mapping keys and
// sequence indexes, e.g. "targets.2.names") in a parsed YAML document, or
// of the deepest node found on the way, for error messages that point at
// the line to fix.
func LineOf(n *yaml.Node, path string) int {
	line := n.Line
	for _, part := range strings.Split(path, ".") {
		next := child(n, part)
		if next == nil {
			return line
		}
		n, line = next, next.Line
	}
	return line
}

func child(n *yaml.Node, key string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		var idx int
		if _, err := fmt.Sscanf(key, "%d", &idx); err == nil && idx >= 0 && idx < len(n.Content) {
			return n.Content[idx]
		}
	}
	return nil
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// DecodeStrict decodes YAML into v, refusing unknown keys, and flattens
// the decoder's type errors into one line each ("line 4: field nmes not
// found in type targets.Target"), so that every data file plenary reads
// reports problems the same way.
func DecodeStrict(raw []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	err := dec.Decode(v)
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return errors.New(strings.Join(te.Errors, "; "))
	}
	if errors.Is(err, io.EOF) {
		return errors.New("the file is empty")
	}
	return err
}
