// Package sentimentdata embeds the data files of plenary's sentiment
// scorer (package github.com/plenary/plenary/features/sentiment), so that
// the scorer works with no files on disk and the data is versioned with the
// code. README.md beside this file describes every file, its format and its
// provenance.
package sentimentdata

import "embed"

// Files holds the embedded data files, named by the constants below. An
// embed.FS is read-only, so no importer can change the data another one
// sees.
//
//go:embed vader_lexicon.txt rules.tsv courtesy.txt topics.tsv adjustments.tsv
var Files embed.FS

// Names of the files in Files.
const (
	// Lexicon is the VADER sentiment lexicon (Hutto & Gilbert 2014),
	// version 3.3.2, unmodified, MIT licence (LICENSE-VADER.txt).
	Lexicon = "vader_lexicon.txt"
	// Rules lists the general rule words: boosters, dampeners, negators,
	// the contrastive "but" and the determiners that a negation reaches
	// across.
	Rules = "rules.tsv"
	// Courtesy lists the courtesy formulae of UN meetings as patterns.
	Courtesy = "courtesy.txt"
	// Topics lists the topic terms of ICT-security debates, whose valence
	// is set to 0.
	Topics = "topics.tsv"
	// Adjustments lists the domain changes to the lexicon and the rules,
	// each with its reason.
	Adjustments = "adjustments.tsv"
)

// Bytes returns the content of the named embedded file (one of the
// constants above). It panics on an unknown name: the names are fixed at
// compile time, so that is a programming error.
func Bytes(name string) []byte {
	b, err := Files.ReadFile(name)
	if err != nil {
		panic("sentimentdata: " + err.Error())
	}
	return b
}
