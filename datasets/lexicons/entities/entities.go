// Package entities embeds the word list that plenary's named-entity stage
// (github.com/plenary/plenary/nlp) uses to keep prose v3's entity
// recogniser away from words that name no one: forms of address, calendar
// words and the acronyms of the field (ICT, CBMs, POCs, ...). README.md in
// this directory says why and how the list was checked.
//
// The list is data, not code, so that researchers can read it and cite its
// version; embedding it keeps `plenary run` reproducible with no files
// beside the binary.
package entities

import (
	_ "embed"
	"strings"
)

// NotNamesFile is the embedded list's file name, for messages.
const NotNamesFile = "not_names.txt"

//go:embed not_names.txt
var notNames string

// NotNames returns the embedded list as a set of lower-case words: one word
// a line, '#' comments and blank lines ignored. Each call returns a new
// map, so callers cannot change the default.
func NotNames() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(notNames, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if w := strings.ToLower(strings.TrimSpace(line)); w != "" {
			out[w] = true
		}
	}
	return out
}
