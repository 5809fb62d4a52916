package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
)

// speaker is who a heading names.
type speaker struct {
	role Role
	code string
}

// speakerResolver decides whether a line is a speaker heading and whom it
// names.
type speakerResolver struct {
	chairHeadings map[string]bool
	chairNames    map[string]bool
	titles        []string
	gaz           *gazetteer.Gazetteer
}

func newSpeakerResolver(c config.Chair, gaz *gazetteer.Gazetteer) *speakerResolver {
	r := &speakerResolver{chairHeadings: map[string]bool{}, chairNames: map[string]bool{}, gaz: gaz}
	for _, h := range c.Headings {
		r.chairHeadings[foldHeading(h)] = true
	}
	for _, n := range c.Names {
		r.chairNames[foldHeading(n)] = true
	}
	for _, t := range c.Titles {
		r.titles = append(r.titles, foldHeading(t)+" ")
	}
	return r
}

// foldHeading lower-cases s, drops a trailing colon and collapses spaces.
func foldHeading(s string) string {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":"))
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// Limits on what can be a heading: headings are names, not sentences.
const (
	maxHeadingBytes = 80
	maxHeadingWords = 8
	maxUnknownWords = 5
)

// known resolves a line that names the Chair or a delegation. ok is false
// for anything else, including lines that merely look like headings.
func (r *speakerResolver) known(text string) (speaker, bool) {
	if len(text) > maxHeadingBytes || len(strings.Fields(text)) > maxHeadingWords {
		return speaker{}, false
	}
	f := foldHeading(text)
	if r.isChair(f) {
		return speaker{role: RoleChair}, true
	}
	name := strings.TrimSuffix(strings.TrimSpace(text), ":")
	if e, ok := r.lookup(name); ok {
		return speaker{role: roleOf(e.Kind), code: e.Code}, true
	}
	return speaker{}, false
}

func (r *speakerResolver) isChair(f string) bool {
	if r.chairHeadings[f] || r.chairNames[f] {
		return true
	}
	for _, t := range r.titles {
		if strings.HasPrefix(f, t) && r.chairNames[strings.TrimPrefix(f, t)] {
			return true
		}
	}
	return false
}

// lookup tries the whole heading, then the heading without a parenthesised
// remark ("Japan (continued)"), then the name after "... of" in headings
// such as "Representative of Chile", then names one typing slip away.
func (r *speakerResolver) lookup(name string) (gazetteer.Entry, bool) {
	if e, ok := r.gaz.Lookup(name); ok {
		return e, true
	}
	if i := strings.IndexByte(name, '('); i > 0 {
		if e, ok := r.gaz.Lookup(strings.TrimSpace(name[:i])); ok {
			return e, true
		}
	}
	low := strings.ToLower(name)
	for _, p := range []string{"representative of ", "delegate of ", "delegation of ", "ambassador of ", "statement by ", "statement of "} {
		if strings.HasPrefix(low, p) {
			return r.gaz.Lookup(name[len(p):])
		}
	}
	return r.gaz.LookupNear(name) // "Untied Kingdom": headings are typed by hand
}

// roleOf maps a gazetteer kind to a speaker role: member states and the
// European Union speak as delegations; observer states, groups and
// organisations as observers.
func roleOf(k gazetteer.Kind) Role {
	switch k {
	case gazetteer.KindState, gazetteer.KindUnion:
		return RoleDelegation
	default:
		return RoleObserver
	}
}

// unknownHeading reports whether a line looks like a heading that names a
// speaker the gazetteer does not know: a few capitalised words, no sentence
// punctuation, not the start of a sentence ("Thank you").
func unknownHeading(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > maxUnknownWords || len(text) > maxHeadingBytes {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(text); !unicode.IsUpper(first) {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(text); strings.ContainsRune(".?!,;\"]", last) {
		return false
	}
	if speechOpeners[strings.ToLower(strings.Trim(words[0], ",.:;!"))] {
		return false
	}
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) && !connector[strings.ToLower(w)] && unicode.IsLetter(first) {
			return false
		}
	}
	return true
}

// connector words may be lower case inside a name ("Bosnia and Herzegovina").
var connector = map[string]bool{"of": true, "the": true, "and": true, "de": true, "du": true, "la": true, "del": true, "for": true, "on": true, "in": true, "des": true, "d'": true}

// speechOpeners start short lines that are speech, not headings.
var speechOpeners = map[string]bool{
	"thank": true, "thanks": true, "yes": true, "no": true, "ok": true, "okay": true,
	"merci": true, "gracias": true, "good": true, "hello": true, "please": true,
	"i": true, "we": true, "so": true, "and": true, "but": true, "sorry": true,
	"excuse": true, "right": true, "alright": true, "all": true, "applause": true,
}
