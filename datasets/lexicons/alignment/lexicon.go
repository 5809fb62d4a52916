// Package alignment embeds the default cue lexicon of plenary's alignment
// network extractor (github.com/plenary/plenary/features/alignment): the
// phrases that show one delegation aligning with, agreeing with, supporting or
// disagreeing with another ("we align ourselves with the statement of the EU",
// "as Mexico said", "we support the proposal by Singapore").
//
// The lexicon is data, not code, so that researchers can read it, cite its
// version and replace it (see README.md in this directory for the format).
// Embedding it keeps `plenary run` reproducible with no files beside the
// binary.
package alignment

import _ "embed"

// Name is the file name of the embedded lexicon, for messages and manifests.
const Name = "cues.tsv"

//go:embed cues.tsv
var cues string

// Cues returns the text of the embedded default lexicon (cues.tsv). Strings
// are immutable, so callers cannot change the default.
func Cues() string { return cues }
