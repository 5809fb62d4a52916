// Package dfm embeds the word lists that plenary's document-feature matrix
// (github.com/plenary/plenary/models/corpus) removes before it counts words:
// the Snowball English stopword list (stopwords_en.txt) and the courtesy
// formulae, forms of address and procedural words of UN meetings
// (register_en.txt). README.md in this directory says what each list holds,
// why, and where it comes from.
//
// The lists are data, not code, so that researchers can read them, cite
// their version and compare results without them. Embedding them keeps
// `plenary run` reproducible with no files beside the binary.
package dfm

import _ "embed"

// File names of the embedded lists, for messages and manifests.
const (
	StopwordsName = "stopwords_en.txt"
	RegisterName  = "register_en.txt"
)

//go:embed stopwords_en.txt
var stopwords string

//go:embed register_en.txt
var register string

// Stopwords returns the text of the embedded English stopword list
// (stopwords_en.txt): one lower-case word a line, '#' comment lines and
// blank lines ignored. Strings are immutable, so callers cannot change the
// default.
func Stopwords() string { return stopwords }

// Register returns the text of the embedded list of courtesy, address and
// procedural words of UN meetings (register_en.txt), in the format of
// Stopwords.
func Register() string { return register }
