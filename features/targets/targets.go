// Package targets reads the definitions of stance targets — the proposals
// whose support users measure — and finds where a turn refers to them.
//
// Targets are data (datasets/targets.yaml, or a user's file): names that
// always refer to a target, anaphors ("the proposal", "your proposal") that
// refer to it only in context, the delegations that sponsor it, phrases
// that exclude a mention (the small-arms programme of action is not the
// cyber one), the agenda topics where it is under discussion, and implicit
// cues that take a position without naming it.
package targets

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/plenary/plenary/datasets"
	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/features/phrase"
	"go.yaml.in/yaml/v3"
)

// Version is the target file format this build reads.
const Version = 1

// Polarities of implicit cues.
const (
	Support = "support"
	Oppose  = "oppose"
	Neutral = "neutral"
)

// Target is one proposal.
type Target struct {
	ID          string     `yaml:"id"`
	Description string     `yaml:"description"`
	Owner       string     `yaml:"owner"`
	Names       []string   `yaml:"names"`
	Anaphors    []string   `yaml:"anaphors"`
	Topics      []string   `yaml:"topics"`
	Sponsors    []string   `yaml:"sponsors"`
	Exclude     []string   `yaml:"exclude"`
	Context     Context    `yaml:"context"`
	Implicit    []Implicit `yaml:"implicit"`
}

// Context lists the agenda items and topics in which a target is under
// discussion.
type Context struct {
	AgendaItems  []string `yaml:"agenda_items"`
	AgendaTopics []string `yaml:"agenda_topics"`
}

// Matches reports whether a turn under agenda item and topic is in the
// context.
func (c Context) Matches(item, topic string) bool {
	for _, i := range c.AgendaItems {
		if i == item && item != "" {
			return true
		}
	}
	for _, t := range c.AgendaTopics {
		if t == topic && topic != "" {
			return true
		}
	}
	return false
}

// Implicit is a cue that takes a position on a target without naming it.
type Implicit struct {
	Phrase   string `yaml:"phrase"`
	Polarity string `yaml:"polarity"`
}

// Set is a parsed target file.
type Set struct {
	Version int      `yaml:"version"`
	Window  int      `yaml:"window"`
	Targets []Target `yaml:"targets"`

	// Source, SHA256 and Raw identify the file for the manifest.
	Source string `yaml:"-"`
	SHA256 string `yaml:"-"`
	Raw    []byte `yaml:"-"`

	compiled []compiledTarget
}

// Default returns the embedded default targets.
func Default() (*Set, error) { return Parse("embedded:targets.yaml", datasets.DefaultTargets()) }

// Load reads a target file.
func Load(path string) (*Set, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("targets: %w", err)
	}
	return Parse(path, raw)
}

var idRe = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// Parse reads target definitions; errors name the file and the line.
func Parse(name string, raw []byte) (*Set, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, fmt.Errorf("targets %s: %w", name, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("targets %s: the file is empty", name)
	}
	var s Set
	if err := config.DecodeStrict(raw, &s); err != nil {
		return nil, fmt.Errorf("targets %s: %w", name, err)
	}
	if err := s.validate(root.Content[0]); err != nil {
		return nil, fmt.Errorf("targets %s: %w", name, err)
	}
	if s.Window <= 0 {
		s.Window = 3
	}
	if err := s.compile(); err != nil {
		return nil, fmt.Errorf("targets %s: %w", name, err)
	}
	sum := sha256.Sum256(raw)
	s.Source, s.SHA256, s.Raw = name, hex.EncodeToString(sum[:]), append([]byte(nil), raw...)
	return &s, nil
}

func (s *Set) validate(doc *yaml.Node) error {
	var errs []error
	if s.Version != Version {
		errs = append(errs, fmt.Errorf("line %d: version is %d, this build of plenary reads version %d", config.LineOf(doc, "version"), s.Version, Version))
	}
	if len(s.Targets) == 0 {
		errs = append(errs, fmt.Errorf("line %d: no targets defined", config.LineOf(doc, "targets")))
	}
	seen := map[string]bool{}
	for i, t := range s.Targets {
		line := config.LineOf(doc, fmt.Sprintf("targets.%d", i))
		switch {
		case !idRe.MatchString(t.ID):
			errs = append(errs, fmt.Errorf("line %d: target id %q must be lower case letters, digits, - or _", line, t.ID))
		case seen[t.ID]:
			errs = append(errs, fmt.Errorf("line %d: target id %q is defined twice", line, t.ID))
		case len(t.Names) == 0:
			errs = append(errs, fmt.Errorf("line %d: target %q has no names", line, t.ID))
		}
		seen[t.ID] = true
		if t.Owner != "" && t.Owner != "chair" {
			errs = append(errs, fmt.Errorf("line %d: target %q: owner must be \"chair\" or empty, not %q", config.LineOf(doc, fmt.Sprintf("targets.%d.owner", i)), t.ID, t.Owner))
		}
		for j, im := range t.Implicit {
			if im.Polarity != Support && im.Polarity != Oppose && im.Polarity != Neutral {
				errs = append(errs, fmt.Errorf("line %d: target %q: implicit polarity must be support, oppose or neutral, not %q",
					config.LineOf(doc, fmt.Sprintf("targets.%d.implicit.%d", i, j)), t.ID, im.Polarity))
			}
		}
	}
	return errors.Join(errs...)
}

// Sponsors returns the delegations that put target id forward (nil for
// an unknown id): they support their own proposal.
func (s *Set) Sponsors(id string) []string {
	for _, t := range s.Targets {
		if t.ID == id {
			return t.Sponsors
		}
	}
	return nil
}

// IDs returns the target ids in file order.
func (s *Set) IDs() []string {
	ids := make([]string, len(s.Targets))
	for i, t := range s.Targets {
		ids[i] = t.ID
	}
	return ids
}

// caseSensitive reports whether a phrase is an acronym to match in
// capitals: a single word with two or more capitals ("POA", "PoA").
func caseSensitive(p string) bool {
	if strings.ContainsAny(p, " *") {
		return false
	}
	caps := 0
	for _, r := range p {
		if r >= 'A' && r <= 'Z' {
			caps++
		}
	}
	return caps >= 2
}

func compileList(list []string) ([]phrase.Pattern, error) {
	var out []phrase.Pattern
	for _, p := range list {
		c, err := phrase.Compile(p, 1, caseSensitive(p))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
