// Package prose embeds the two word lists that prose v3's tagger and
// entity recogniser consult besides their trained weights: the emoticons
// the tagger labels SYM without scoring, and Ogden's Basic English, whose
// membership is one of the recogniser's features. plenary's hash-indexed
// runner of prose's models (github.com/plenary/plenary/nlp/prosemodels)
// needs them to give exactly prose's answers; README.md gives the source.
package prose

import (
	_ "embed"
	"strings"
)

//go:embed emoticons.txt
var emoticons string

//go:embed basic_english.txt
var basicEnglish string

// Emoticons returns the emoticon set, exactly as written (case matters).
// Each call returns a new map.
func Emoticons() map[string]bool { return lines(emoticons) }

// BasicEnglish returns Ogden's 850 Basic English words as prose spells
// them (case matters: prose looks words up as written). Each call returns
// a new map.
func BasicEnglish() map[string]bool { return lines(basicEnglish) }

// lines reads one entry a line; lines starting with "# " are comments.
// Entries are not trimmed inside, since emoticons may hold any character.
func lines(text string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		out[line] = true
	}
	return out
}
