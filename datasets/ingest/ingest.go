// Package ingest turns the text of a meeting transcript into attributed
// turns: it checks and normalises the text (keeping offsets back to the
// source file), drops page furniture, reads the session header, splits the
// text into turns at speaker headings, attributes each turn to the Chair or
// a delegation (with canonical codes from the gazetteer), recovers speeches
// whose heading is missing from the Chair's floor-giving, and tracks the
// agenda item from the Chair's announcements.
//
// Ingest works on one transcript at a time and never looks at another, so a
// corpus can be processed in any order, on any number of machines.
package ingest

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
)

// Role is who holds the floor in a turn.
type Role string

// The speaker roles of the output contract.
const (
	RoleChair      Role = "chair"
	RoleDelegation Role = "delegation"
	RoleObserver   Role = "observer"
	RoleOther      Role = "other"
)

// Turn is one uninterrupted intervention of one speaker.
type Turn struct {
	Seq  int    // 1-based position in the transcript, Chair turns included
	ID   string // stable id: "<file stem>.t<seq, 3 digits>"
	Role Role
	// Code is the canonical delegation code (ISO 3166-1 alpha-3, "EU", or a
	// gazetteer code for groups and organisations); empty for the Chair and
	// for unattributed turns.
	Code string
	// SpeakerRaw is the heading as written (trimmed); empty when the
	// speaker was inferred or no heading preceded the text.
	SpeakerRaw string
	// Inferred is true when no heading named the speaker and the speaker
	// was inferred from the Chair's floor-giving (or, for the Chair, from
	// the way the paragraph gives the floor).
	Inferred bool
	// Procedural is true for turns that manage the floor rather than speak
	// to the substance (see config.Procedural).
	Procedural bool
	// OnBehalfOf lists the codes of those the delegation speaks for ("on
	// behalf of the EU and its member states"), in order of mention.
	OnBehalfOf []string
	// FloorTo is, for Chair turns, the code of the delegation the Chair
	// gives the floor to at the end of the turn.
	FloorTo string
	// AgendaItem ("3", "5", ...) and AgendaTopic (a config topic id) in
	// force during the turn; empty before the Chair announces any.
	AgendaItem  string
	AgendaTopic string
	// Start and End delimit the speech (heading excluded) in the
	// normalised text; Line is the 1-based line of the heading, or of the
	// first paragraph when there is none.
	Start, End int
	Line       int
	Text       string // the speech, normalised
	Words      int    // number of whitespace-separated words in Text
}

// Warning is a doubt about the input that did not stop processing: an
// unknown speaker, text before the first heading, an inferred speaker.
type Warning struct {
	File string
	Line int
	Msg  string
}

// String formats the warning as "file: line N: message".
func (w Warning) String() string {
	return (&InputError{File: w.File, Line: w.Line, Msg: w.Msg}).Error()
}

// Transcript is one ingested transcript.
type Transcript struct {
	Name     string // base name of the file, e.g. "oewg2-s1-m9.txt"
	Path     string // the file as the user named it
	Stem     string // Name without extension; prefix of the turn ids
	Session  string // "1-9" from the header "Session 1-9 Transcript"; empty if absent
	Text     *Text
	Turns    []Turn
	Warnings []Warning
	// Dropped counts the boilerplate lines that were removed.
	Dropped int
}

// Ingester parses transcripts. It is safe for concurrent use.
type Ingester struct {
	cfg      *config.Config
	gaz      *gazetteer.Gazetteer
	speakers *speakerResolver
	agenda   *agendaTracker
	bp       boilerplate
}

// New returns an Ingester for the configuration and gazetteer.
func New(cfg *config.Config, gaz *gazetteer.Gazetteer) *Ingester {
	return &Ingester{
		cfg:      cfg,
		gaz:      gaz,
		speakers: newSpeakerResolver(cfg.Chair, gaz),
		agenda:   newAgendaTracker(cfg.Agenda),
		bp:       newBoilerplate(cfg.Boilerplate),
	}
}

// Parse ingests one transcript. path is how the user named the file (used
// in messages); the base name becomes the source_file and the id prefix.
// It returns an *InputError for input it cannot use: not UTF-8 text, empty,
// or without any recognisable speaker.
func (in *Ingester) Parse(path string, src []byte) (*Transcript, error) {
	if err := Check(path, src); err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	tr := &Transcript{
		Name: name,
		Path: path,
		Stem: strings.TrimSuffix(name, filepath.Ext(name)),
		Text: Normalize(src),
	}
	lines := splitLines(tr.Text.Norm)
	lines = in.stripFurniture(tr, lines)
	blocks := in.blocks(tr, lines)
	in.buildTurns(tr, blocks)
	if err := in.requireSpeaker(tr); err != nil {
		return nil, err
	}
	in.annotateTurns(tr)
	return tr, nil
}

// requireSpeaker refuses a transcript in which no turn could be attributed
// to anyone: whatever it is, it is not a transcript plenary can read.
func (in *Ingester) requireSpeaker(tr *Transcript) error {
	for _, t := range tr.Turns {
		if t.Role == RoleChair || t.Code != "" {
			return nil
		}
	}
	return &InputError{File: tr.Path, Msg: "no recognisable speaker: no line is a speaker heading (the Chair or a delegation named on a line of its own)"}
}

// warn records a warning for the transcript.
func (tr *Transcript) warn(line int, format string, args ...any) {
	tr.Warnings = append(tr.Warnings, Warning{File: tr.Path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// turnID formats the stable id of turn seq of the file with the given stem.
func turnID(stem string, seq int) string {
	return fmt.Sprintf("%s.t%03d", stem, seq)
}
