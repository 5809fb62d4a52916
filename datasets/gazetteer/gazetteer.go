// Package gazetteer names the delegations and bodies that speak or are
// spoken of in UN meetings: the 193 member states, the two observer states,
// the European Union, the UN regional and political groups, and the UN
// bodies and regional organisations that occur in disarmament and cyber
// debates.
//
// The data is the tab-separated file delegations.tsv embedded in the
// package (see README.md beside it for the columns and sources). Default
// parses it once; Parse reads any file in the same format.
//
// Two operations resolve text to codes:
//
//   - Lookup resolves one name, such as a speaker heading ("The Netherlands ",
//     "Republic of Korea", "Russia"), forgivingly: case, diacritics,
//     apostrophes, surrounding punctuation and a leading "the" or
//     "delegation of" do not matter.
//   - Find finds every mention of a delegation in running text, with byte
//     offsets, strictly: it respects word boundaries and case (see Find).
//
// States and observers are identified by ISO 3166-1 alpha-3 codes, the
// European Union by "EU", groups by "GRP-…" codes and organisations by
// "ORG-…" codes.
package gazetteer

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed delegations.tsv
var delegationsTSV []byte

// Kind is what sort of delegation or body an entry is.
type Kind string

// The kinds of entry. A state is a UN member state; an observer is a
// non-member observer state (Holy See, State of Palestine); the union is
// the European Union; a group is a set of states that speaks or is spoken
// of together (regional groups, G77, NAM, …); an organisation is an
// international body with its own secretariat (OSCE, UNIDIR, …).
const (
	// KindState is a UN member state.
	KindState Kind = "state"
	// KindObserver is a non-member observer state.
	KindObserver Kind = "observer"
	// KindUnion is the European Union.
	KindUnion Kind = "union"
	// KindGroup is a regional or political group of states.
	KindGroup Kind = "group"
	// KindOrganisation is an international organisation or UN body.
	KindOrganisation Kind = "organisation"
)

// valid reports whether k is one of the defined kinds.
func (k Kind) valid() bool {
	switch k {
	case KindState, KindObserver, KindUnion, KindGroup, KindOrganisation:
		return true
	}
	return false
}

// regionalGroups are the values allowed in Entry.RegionalGroup.
var regionalGroups = map[string]bool{"AFR": true, "APG": true, "EEG": true, "GRULAC": true, "WEOG": true}

// Entry is one delegation or body: one row of delegations.tsv.
type Entry struct {
	// Code identifies the entry: the ISO 3166-1 alpha-3 code of a state or
	// observer ("RUS", "VAT"), "EU", or a "GRP-…"/"ORG-…" code ("GRP-G77",
	// "ORG-OSCE").
	Code string
	// Kind is what sort of entry this is.
	Kind Kind
	// Name is the UN short name, as in UN verbatim records
	// ("Russian Federation", "Iran (Islamic Republic of)").
	Name string
	// DisplayName is a short readable name for tables and figures ("Iran").
	DisplayName string
	// OfficialName is the formal name ("Islamic Republic of Iran").
	OfficialName string
	// RegionalGroup is the UN regional group of a state ("AFR", "APG",
	// "EEG", "GRULAC" or "WEOG"), empty for other kinds.
	RegionalGroup string
	// EUMember reports whether a state is a member of the European Union
	// (the 27 members of 2021 onwards).
	EUMember bool
	// Aliases are the other names of the entry as written in the data. Name,
	// DisplayName and OfficialName are recognised too, without being
	// repeated here.
	Aliases []string
	// Demonyms are the adjectives that name the delegation in speech
	// ("French", "South African"); ambiguous ones are left out.
	Demonyms []string
	// ISO2 is the ISO 3166-1 alpha-2 code of a state or observer ("EU" for
	// the European Union), empty for groups and organisations.
	ISO2 string
}

// clone returns e with its slices copied, so that callers cannot modify
// the gazetteer through them.
func (e Entry) clone() Entry {
	e.Aliases = slices.Clone(e.Aliases)
	e.Demonyms = slices.Clone(e.Demonyms)
	return e
}

// Gazetteer is a parsed set of entries with the indexes that Lookup and
// Find use. It is immutable and safe for concurrent use.
type Gazetteer struct {
	entries []Entry        // sorted by Code
	byCode  map[string]int // Code → index into entries
	byName  map[string]int // lookup key of a name or alias → index
	byDem   map[string]int // lookup key of a demonym → index
	matcher matcher        // the token trie that Find walks
}

// columns is the header of delegations.tsv, in order.
var columns = []string{"code", "kind", "name", "display_name", "official_name", "regional_group", "eu_member", "aliases", "demonyms", "iso2"}

// defaultGazetteer parses the embedded data once.
var defaultGazetteer = sync.OnceValue(func() *Gazetteer {
	g, err := Parse(bytes.NewReader(delegationsTSV))
	if err != nil {
		panic("gazetteer: embedded delegations.tsv is corrupt: " + err.Error())
	}
	return g
})

// Default returns the gazetteer of the embedded delegations.tsv. It is
// parsed on first use and shared; it panics only if the embedded data is
// corrupt, which the package's tests rule out.
func Default() *Gazetteer { return defaultGazetteer() }

// Parse reads a gazetteer in the format of delegations.tsv: a header line
// with the ten columns code, kind, name, display_name, official_name,
// regional_group, eu_member, aliases, demonyms, iso2 (tab-separated, in
// that order), then one entry per line. Multiple aliases or demonyms are
// separated by "|". Blank lines and lines starting with "#" are skipped.
//
// Errors name the line and the problem: a wrong column count, a bad kind,
// code, regional group or eu_member value, a duplicate code, or a name,
// alias or demonym that would resolve to two different codes.
func Parse(r io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{
		byCode: map[string]int{},
		byName: map[string]int{},
		byDem:  map[string]int{},
	}
	codeLine := map[string]int{}
	nameLine := map[string]int{}
	nameCode := map[string]string{}
	demCode := map[string]string{}

	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	lineNo := 0
	header := false
	for sc.Scan() {
		lineNo++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if lineNo == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if !header {
			if !slices.Equal(fields, columns) {
				return nil, fmt.Errorf("gazetteer: line %d: bad header %q, want the tab-separated columns %q", lineNo, line, strings.Join(columns, " "))
			}
			header = true
			continue
		}
		if len(fields) != len(columns) {
			return nil, fmt.Errorf("gazetteer: line %d: wrong column count: got %d, want %d", lineNo, len(fields), len(columns))
		}
		e, err := parseEntry(fields)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: line %d: %v", lineNo, err)
		}
		if first, dup := codeLine[e.Code]; dup {
			return nil, fmt.Errorf("gazetteer: line %d: duplicate code %q (first on line %d)", lineNo, e.Code, first)
		}
		codeLine[e.Code] = lineNo
		for _, n := range e.names() {
			k := lookupKey(n)
			if k == "" {
				return nil, fmt.Errorf("gazetteer: line %d: name or alias %q has no letters", lineNo, n)
			}
			if c, ok := nameCode[k]; ok && c != e.Code {
				return nil, fmt.Errorf("gazetteer: line %d: alias %q of %s is already a name of %s (line %d)", lineNo, n, e.Code, c, nameLine[k])
			}
			nameCode[k] = e.Code
			nameLine[k] = lineNo
		}
		for _, d := range e.Demonyms {
			k := lookupKey(d)
			if k == "" {
				return nil, fmt.Errorf("gazetteer: line %d: demonym %q has no letters", lineNo, d)
			}
			if c, ok := demCode[k]; ok && c != e.Code {
				return nil, fmt.Errorf("gazetteer: line %d: demonym %q of %s is already a demonym of %s", lineNo, d, e.Code, c)
			}
			demCode[k] = e.Code
		}
		g.entries = append(g.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: line %d: %v", lineNo+1, err)
	}
	if !header {
		return nil, fmt.Errorf("gazetteer: no header line")
	}
	// A demonym may not be a name of another entry either ("Lao" is a
	// demonym of LAO; it could not also be an alias of something else).
	for k, c := range demCode {
		if nc, ok := nameCode[k]; ok && nc != c {
			return nil, fmt.Errorf("gazetteer: line %d: %q is a name of %s and a demonym of %s", nameLine[k], k, nc, c)
		}
	}

	sort.Slice(g.entries, func(i, j int) bool { return g.entries[i].Code < g.entries[j].Code })
	for i, e := range g.entries {
		g.byCode[e.Code] = i
	}
	for k, c := range nameCode {
		g.byName[k] = g.byCode[c]
	}
	for k, c := range demCode {
		g.byDem[k] = g.byCode[c]
	}
	g.matcher = buildMatcher(g)
	return g, nil
}

// parseEntry checks and converts the fields of one data line.
func parseEntry(f []string) (Entry, error) {
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	e := Entry{
		Code:          f[0],
		Kind:          Kind(f[1]),
		Name:          f[2],
		DisplayName:   f[3],
		OfficialName:  f[4],
		RegionalGroup: f[5],
		Aliases:       splitList(f[7]),
		Demonyms:      splitList(f[8]),
		ISO2:          f[9],
	}
	if !validCode(e.Code) {
		return e, fmt.Errorf("bad code %q: want upper-case letters and digits, parts joined by '-'", e.Code)
	}
	if !e.Kind.valid() {
		return e, fmt.Errorf("bad kind %q for %s: want state, observer, union, group or organisation", f[1], e.Code)
	}
	if e.Name == "" || e.DisplayName == "" {
		return e, fmt.Errorf("%s: name and display_name must not be empty", e.Code)
	}
	switch f[6] {
	case "true":
		e.EUMember = true
	case "false":
	default:
		return e, fmt.Errorf("%s: bad eu_member %q: want true or false", e.Code, f[6])
	}
	if e.EUMember && e.Kind != KindState {
		return e, fmt.Errorf("%s: eu_member is true but kind is %s", e.Code, e.Kind)
	}
	if e.RegionalGroup != "" && !regionalGroups[e.RegionalGroup] {
		return e, fmt.Errorf("%s: bad regional_group %q: want AFR, APG, EEG, GRULAC, WEOG or empty", e.Code, e.RegionalGroup)
	}
	if e.ISO2 != "" && !isUpperLetters(e.ISO2, 2) {
		return e, fmt.Errorf("%s: bad iso2 %q: want two upper-case letters", e.Code, e.ISO2)
	}
	switch e.Kind {
	case KindState, KindObserver:
		if !isUpperLetters(e.Code, 3) {
			return e, fmt.Errorf("bad code %q for a %s: want an ISO 3166-1 alpha-3 code", e.Code, e.Kind)
		}
		if e.ISO2 == "" {
			return e, fmt.Errorf("%s: a %s needs an iso2 code", e.Code, e.Kind)
		}
		if e.Kind == KindState && e.RegionalGroup == "" {
			return e, fmt.Errorf("%s: a state needs a regional_group", e.Code)
		}
	}
	return e, nil
}

// names returns every name an entry is known by: Name, DisplayName,
// OfficialName and Aliases.
func (e Entry) names() []string {
	out := []string{e.Name, e.DisplayName}
	if e.OfficialName != "" {
		out = append(out, e.OfficialName)
	}
	return append(out, e.Aliases...)
}

// splitList splits a "|"-separated cell, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// validCode reports whether s is made of upper-case ASCII letters and
// digits, in parts joined by single hyphens.
func validCode(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isUpperLetters reports whether s is exactly n upper-case ASCII letters.
func isUpperLetters(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Lookup resolves a name or a speaker heading to its entry. It is
// forgiving: case, diacritics ("Turkiye" = "Türkiye"), curly or straight
// apostrophes, NBSP and other spaces, punctuation at either end and inside
// ("U.S." = "U S"), hyphens ("Guinea Bissau" = "Guinea-Bissau"), and a
// leading "the", "delegation of", "distinguished delegate of" or
// "representative of" are all ignored. It matches whole names only:
// "Ambassador Gafoor" and "Korea Republic" are not found.
//
// Demonyms are not names: Lookup("French") is not found (Find reports
// demonyms).
func (g *Gazetteer) Lookup(name string) (Entry, bool) {
	i, ok := g.byName[lookupKey(name)]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i].clone(), true
}

// ByCode returns the entry with the given code ("RUS", "EU", "ORG-OSCE").
// Codes are case-sensitive.
func (g *Gazetteer) ByCode(code string) (Entry, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i].clone(), true
}

// Entries returns all entries, sorted by Code. The slice and the entries
// are copies.
func (g *Gazetteer) Entries() []Entry {
	out := make([]Entry, len(g.entries))
	for i, e := range g.entries {
		out[i] = e.clone()
	}
	return out
}
