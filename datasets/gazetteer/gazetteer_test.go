package gazetteer

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		want string // "" means not found
	}{
		// Russian Federation
		{"Russia", "RUS"},
		// transcribers' slip (heldout31)
		{"Columbia", "COL"},
		{"Russian Federation", "RUS"},
		{"the Russian Federation", "RUS"},
		{"THE RUSSIAN FEDERATION", "RUS"},
		// United Kingdom
		{"UK", "GBR"},
		{"United Kingdom", "GBR"},
		{"Britain", "GBR"},
		{"Great Britain", "GBR"},
		{"United Kingdom of Great Britain and Northern Ireland", "GBR"},
		{"U.K.", "GBR"},
		// Korea
		{"ROK", "KOR"},
		{"Korea", "KOR"},
		{"Republic of Korea", "KOR"},
		{"Republic of Korea ", "KOR"},
		{"South Korea", "KOR"},
		{"DPRK", "PRK"},
		{"North Korea", "PRK"},
		{"Democratic People's Republic of Korea", "PRK"},
		{"Democratic People’s Republic of Korea", "PRK"},
		// Türkiye
		{"Türkiye", "TUR"},
		{"Turkey", "TUR"},
		{"Turkiye", "TUR"},
		{"Turkey  ", "TUR"},
		{"TÜRKIYE", "TUR"},
		// Viet Nam
		{"Viet Nam", "VNM"},
		{"Vietnam", "VNM"},
		// Iran
		{"Iran", "IRN"},
		{"Iran ", "IRN"},
		{"Islamic Republic of Iran", "IRN"},
		{"Iran (Islamic Republic of)", "IRN"},
		// United States
		{"US", "USA"},
		{"USA", "USA"},
		{"U.S.", "USA"},
		{"United States", "USA"},
		{"United States ", "USA"},
		{"United States of America", "USA"},
		// Lao PDR
		{"Lao PDR", "LAO"},
		{"Laos", "LAO"},
		{"Lao People's Democratic Republic", "LAO"},
		// Syria
		{"Syria", "SYR"},
		{"Syrian Arab Republic", "SYR"},
		// Czechia
		{"Czech Republic", "CZE"},
		{"Czech Republic ", "CZE"},
		{"Czechia", "CZE"},
		// Netherlands
		{"Netherlands", "NLD"},
		{"The Netherlands", "NLD"},
		{"The Netherlands ", "NLD"},
		{"The Netherlands\u00a0", "NLD"},
		{"Kingdom of the Netherlands", "NLD"},
		// Côte d'Ivoire
		{"Côte d'Ivoire", "CIV"},
		{"Côte d’Ivoire", "CIV"},
		{"Cote d'Ivoire", "CIV"},
		{"Ivory Coast", "CIV"},
		// EU
		{"EU", "EU"},
		{"European Union", "EU"},
		{"the European Union", "EU"},
		// observers
		{"Holy See", "VAT"},
		{"Vatican", "VAT"},
		{"Palestine", "PSE"},
		{"State of Palestine", "PSE"},
		// more variants
		{"Micronesia", "FSM"},
		{"Federated States of Micronesia", "FSM"},
		{"Micronesia (Federated States of)", "FSM"},
		{"Bolivia", "BOL"},
		{"Plurinational State of Bolivia", "BOL"},
		{"Venezuela", "VEN"},
		{"Bolivarian Republic of Venezuela", "VEN"},
		{"Tanzania", "TZA"},
		{"United Republic of Tanzania", "TZA"},
		{"Moldova", "MDA"},
		{"Republic of Moldova", "MDA"},
		{"North Macedonia", "MKD"},
		{"Republic of North Macedonia", "MKD"},
		{"Eswatini", "SWZ"},
		{"Swaziland", "SWZ"},
		{"Cabo Verde", "CPV"},
		{"Cape Verde", "CPV"},
		{"Myanmar", "MMR"},
		{"Burma", "MMR"},
		{"Timor-Leste", "TLS"},
		{"Timor Leste", "TLS"},
		{"East Timor", "TLS"},
		{"Guinea-Bissau", "GNB"},
		{"Guinea", "GIN"},
		{"Dominica", "DMA"},
		{"Dominican Republic", "DOM"},
		{"Costa Rica", "CRI"},
		{"Sao Tome and Principe", "STP"},
		{"São Tomé and Príncipe", "STP"},
		{"The Gambia", "GMB"},
		{"Gambia", "GMB"},
		{"DRC", "COD"},
		{"Democratic Republic of the Congo", "COD"},
		{"Congo", "COG"},
		{"Republic of the Congo", "COG"},
		{"St. Lucia", "LCA"},
		{"Saint Lucia", "LCA"},
		// prefixes and punctuation
		{"delegation of the Russian Federation", "RUS"},
		{"the delegation of France", "FRA"},
		{"Distinguished delegate of Egypt", "EGY"},
		{"  Egypt.", "EGY"},
		{"“Egypt”", "EGY"},
		{"Egypt:", "EGY"},
		// groups and organisations
		{"G77 and China", "GRP-G77"},
		{"Group of 77", "GRP-G77"},
		{"Non-Aligned Movement", "GRP-NAM"},
		{"NAM", "GRP-NAM"},
		{"African Group", "GRP-AFR"},
		{"GRULAC", "GRP-GRULAC"},
		{"WEOG", "GRP-WEOG"},
		{"Arab Group", "GRP-ARAB"},
		{"CARICOM", "GRP-CARICOM"},
		{"ASEAN", "ORG-ASEAN"},
		{"ASEAN Member States", "GRP-ASEAN"},
		{"Nordic countries", "GRP-NORDIC"},
		{"OSCE", "ORG-OSCE"},
		{"Organization for Security and Co-operation in Europe", "ORG-OSCE"},
		{"OAS", "ORG-OAS"},
		{"Organization of American States", "ORG-OAS"},
		{"African Union", "ORG-AU"},
		{"GFCE", "ORG-GFCE"},
		{"UNIDIR", "ORG-UNIDIR"},
		{"UNODA", "ORG-UNODA"},
		{"ITU", "ORG-ITU"},
		{"International Telecommunications Union", "ORG-ITU"},
		{"ASEAN Regional Forum", "ORG-ARF"},
		{"CICTE", "ORG-CICTE"},
		{"ECOWAS", "ORG-ECOWAS"},
		{"NATO", "ORG-NATO"},
		{"Council of Europe", "ORG-COE"},
		{"INTERPOL", "ORG-INTERPOL"},
		{"FIRST", "ORG-FIRST"},
		{"UNODC", "ORG-UNODC"},
		{"World Bank", "ORG-WBG"},
		// not found
		{"Ambassador Gafoor", ""},
		{"Mr. Chair", ""},
		{"", ""},
		{"the", ""},
		{"French", ""}, // a demonym, not a name
		{"Korea Republic", ""},
		{"Republic", ""},
		{"Thank you, Switzerland", ""},
	}
	for _, tt := range tests {
		e, ok := g.Lookup(tt.name)
		if tt.want == "" {
			if ok {
				t.Errorf("Lookup(%q) = %s, want not found", tt.name, e.Code)
			}
			continue
		}
		if !ok || e.Code != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.name, e.Code, ok, tt.want)
		}
	}
}

func TestByCode(t *testing.T) {
	g := Default()
	e, ok := g.ByCode("IRN")
	if !ok || e.DisplayName != "Iran" || e.Name != "Iran (Islamic Republic of)" || e.RegionalGroup != "APG" || e.ISO2 != "IR" {
		t.Errorf("ByCode(IRN) = %+v, %v", e, ok)
	}
	if _, ok := g.ByCode("irn"); ok {
		t.Error("ByCode is case-sensitive, but ByCode(irn) was found")
	}
	if _, ok := g.ByCode("XXX"); ok {
		t.Error("ByCode(XXX) found")
	}
	// Returned entries are copies.
	e.Aliases[0] = "changed"
	if e2, _ := g.ByCode("IRN"); e2.Aliases[0] == "changed" {
		t.Error("ByCode returns an entry that shares its slices with the gazetteer")
	}
}

func TestInvariants(t *testing.T) {
	g := Default()
	entries := g.Entries()
	counts := map[Kind]int{}
	groups := map[string]int{}
	eu := 0
	for i, e := range entries {
		counts[e.Kind]++
		if i > 0 && entries[i-1].Code >= e.Code {
			t.Errorf("Entries not sorted by code: %s before %s", entries[i-1].Code, e.Code)
		}
		if e.EUMember {
			eu++
			if e.Kind != KindState {
				t.Errorf("%s: EU member but kind %s", e.Code, e.Kind)
			}
		}
		switch e.Kind {
		case KindState:
			if !isUpperLetters(e.Code, 3) {
				t.Errorf("state code %q is not three upper-case letters", e.Code)
			}
			if !regionalGroups[e.RegionalGroup] {
				t.Errorf("%s: bad regional group %q", e.Code, e.RegionalGroup)
			}
			groups[e.RegionalGroup]++
			if !isUpperLetters(e.ISO2, 2) {
				t.Errorf("%s: bad iso2 %q", e.Code, e.ISO2)
			}
		case KindObserver:
			if !isUpperLetters(e.Code, 3) || !isUpperLetters(e.ISO2, 2) {
				t.Errorf("observer %q has bad codes (iso2 %q)", e.Code, e.ISO2)
			}
		case KindGroup:
			if !strings.HasPrefix(e.Code, "GRP-") {
				t.Errorf("group code %q does not start with GRP-", e.Code)
			}
		case KindOrganisation:
			if !strings.HasPrefix(e.Code, "ORG-") {
				t.Errorf("organisation code %q does not start with ORG-", e.Code)
			}
		}
		if got, ok := g.ByCode(e.Code); !ok || got.Code != e.Code {
			t.Errorf("ByCode(%s) does not find it", e.Code)
		}
		// Every name of an entry resolves to it, and so does every alias as
		// text: Find sees it whole.
		for _, n := range e.names() {
			if got, ok := g.Lookup(n); !ok || got.Code != e.Code {
				t.Errorf("Lookup(%q) = %q, %v; want %s", n, got.Code, ok, e.Code)
			}
			if _, ok := compilePattern(n, 0, false); !ok {
				t.Errorf("%s: alias %q can never be found in text", e.Code, n)
			}
			ms := g.Find(n)
			if len(ms) != 1 || ms[0].Code != e.Code || ms[0].Demonym {
				if !strings.HasPrefix(strings.ToLower(n), "former ") {
					t.Errorf("%s: Find(%q) = %+v, want the whole name", e.Code, n, ms)
				}
			}
		}
		for _, d := range e.Demonyms {
			ms := g.Find(d)
			if len(ms) != 1 || ms[0].Code != e.Code || ms[0].Start != 0 || ms[0].End != len(d) {
				t.Errorf("%s: Find(%q) = %+v, want the demonym", e.Code, d, ms)
			}
		}
	}
	if counts[KindState] != 193 {
		t.Errorf("%d member states, want 193", counts[KindState])
	}
	if counts[KindObserver] != 2 {
		t.Errorf("%d observer states, want 2", counts[KindObserver])
	}
	if counts[KindUnion] != 1 {
		t.Errorf("%d unions, want 1", counts[KindUnion])
	}
	if e, ok := g.ByCode("EU"); !ok || e.Kind != KindUnion {
		t.Errorf("EU = %+v, %v", e, ok)
	}
	for _, c := range []string{"VAT", "PSE"} {
		if e, ok := g.ByCode(c); !ok || e.Kind != KindObserver {
			t.Errorf("%s = %+v, %v; want an observer", c, e, ok)
		}
	}
	if eu != 27 {
		t.Errorf("%d EU members, want 27", eu)
	}
	if gbr, _ := g.ByCode("GBR"); gbr.EUMember {
		t.Error("GBR is marked as an EU member")
	}
	// Group sizes of the UN regional groups for elections (Türkiye in WEOG,
	// the USA counted in WEOG, Kiribati in APG).
	want := map[string]int{"AFR": 54, "APG": 54, "EEG": 23, "GRULAC": 33, "WEOG": 29}
	for grp, n := range want {
		if groups[grp] != n {
			t.Errorf("regional group %s has %d states, want %d", grp, groups[grp], n)
		}
	}
	for code, grp := range map[string]string{"TUR": "WEOG", "USA": "WEOG", "ISR": "WEOG", "KIR": "APG", "CYP": "APG", "RUS": "EEG", "CUB": "GRULAC", "EGY": "AFR"} {
		if e, _ := g.ByCode(code); e.RegionalGroup != grp {
			t.Errorf("%s in %q, want %s", code, e.RegionalGroup, grp)
		}
	}
	// No code of a group or organisation is a state's alpha-2 or alpha-3
	// code.
	iso := map[string]bool{}
	for _, e := range entries {
		if e.Kind == KindState || e.Kind == KindObserver {
			iso[e.Code] = true
			iso[e.ISO2] = true
		}
	}
	for _, e := range entries {
		if (e.Kind == KindGroup || e.Kind == KindOrganisation) && iso[e.Code] {
			t.Errorf("code %s collides with an ISO code", e.Code)
		}
	}
}

// TestNonMentions checks that every phrase of nonmentions.txt can occur in
// text and, on its own, yields no match.
func TestNonMentions(t *testing.T) {
	phrases := nonMentionPhrases()
	if len(phrases) < 10 {
		t.Fatalf("only %d non-mention phrases", len(phrases))
	}
	for _, p := range phrases {
		if _, ok := compilePattern(p, -1, false); !ok {
			t.Errorf("non-mention %q can never match", p)
		}
		if ms := Default().Find(p); len(ms) != 0 {
			t.Errorf("Find(%q) = %+v, want no match", p, ms)
		}
	}
}

// TestNoAliasMapsToTwoCodes checks the embedded data directly (Parse
// rejects such data, which TestParseErrors checks).
func TestNoAliasMapsToTwoCodes(t *testing.T) {
	seen := map[string]string{}
	for _, e := range Default().Entries() {
		for _, n := range e.names() {
			k := lookupKey(n)
			if c, ok := seen[k]; ok && c != e.Code {
				t.Errorf("%q maps to %s and %s", n, c, e.Code)
			}
			seen[k] = e.Code
		}
	}
	for _, e := range Default().Entries() {
		for _, d := range e.Demonyms {
			if c, ok := seen[lookupKey(d)]; ok && c != e.Code {
				t.Errorf("demonym %q of %s is a name of %s", d, e.Code, c)
			}
		}
	}
}

// TestCorpusHeadings resolves every speaker heading of the default corpus:
// short lines of their own that are not the Chair or page boilerplate.
func TestCorpusHeadings(t *testing.T) {
	files, err := filepath.Glob("../corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files in ../corpus: %v", err)
	}
	notHeadings := map[string]bool{
		"Ambassador Gafoor":                true,
		"This is an unofficial transcript": true,
		"Leave a Reply":                    true,
	}
	sentence := regexp.MustCompile(`[.?,:;0-9]|^Thank|^Mr\b|^\(`)
	g := Default()
	found := map[string]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := strings.TrimSpace(strings.ReplaceAll(sc.Text(), "\u00a0", " "))
			if line == "" || notHeadings[line] || sentence.MatchString(line) || len(strings.Fields(line)) > 4 {
				continue
			}
			found[line] = true
			if _, ok := g.Lookup(sc.Text()); !ok {
				t.Errorf("%s: heading %q does not resolve", filepath.Base(f), sc.Text())
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	// The heuristic must have seen the headings named in the design brief.
	for _, h := range []string{"The Netherlands", "Iran", "Republic of Korea", "Russia", "Lao PDR", "Syria", "United Kingdom", "European Union", "Czech Republic", "Dominican Republic", "Costa Rica", "Turkey", "United States"} {
		if !found[h] {
			t.Errorf("heading %q not seen in the corpus", h)
		}
	}
	if len(found) < 40 {
		t.Errorf("only %d headings seen, want at least 40", len(found))
	}
}

func TestParseErrors(t *testing.T) {
	const hdr = "code\tkind\tname\tdisplay_name\tofficial_name\tregional_group\teu_member\taliases\tdemonyms\tiso2\n"
	const fra = "FRA\tstate\tFrance\tFrance\tFrench Republic\tWEOG\ttrue\t\tFrench\tFR\n"
	tests := []struct {
		name, data, want string
	}{
		{"no header", "", "no header"},
		{"bad header", "code\tkind\n", "line 1: bad header"},
		{"column count", hdr + "FRA\tstate\tFrance\n", "line 2: wrong column count: got 3, want 10"},
		{"bad kind", hdr + "FRA\tcountry\tFrance\tFrance\t\tWEOG\tfalse\t\t\tFR\n", "line 2: bad kind \"country\""},
		{"duplicate code", hdr + fra + "\n# comment\n" + fra, "line 5: duplicate code \"FRA\" (first on line 2)"},
		{"alias to two codes", hdr + fra + "DEU\tstate\tGermany\tGermany\t\tWEOG\ttrue\tFrance\t\tDE\n", "line 3: alias \"France\" of DEU is already a name of FRA"},
		{"alias to two codes, folded", hdr + fra + "DEU\tstate\tGermany\tGermany\t\tWEOG\ttrue\tthe FRANCE\t\tDE\n", "line 3: alias \"the FRANCE\""},
		{"demonym to two codes", hdr + fra + "DEU\tstate\tGermany\tGermany\t\tWEOG\ttrue\t\tFrench\tDE\n", "line 3: demonym \"French\" of DEU"},
		{"demonym is another's name", hdr + fra + "DEU\tstate\tGermany\tGermany\t\tWEOG\ttrue\t\tFrance\tDE\n", "is a name of FRA and a demonym of DEU"},
		{"bad eu_member", hdr + "FRA\tstate\tFrance\tFrance\t\tWEOG\tyes\t\t\tFR\n", "line 2: FRA: bad eu_member \"yes\""},
		{"bad group", hdr + "FRA\tstate\tFrance\tFrance\t\tEurope\tfalse\t\t\tFR\n", "bad regional_group"},
		{"state without group", hdr + "FRA\tstate\tFrance\tFrance\t\t\tfalse\t\t\tFR\n", "needs a regional_group"},
		{"state code", hdr + "FR\tstate\tFrance\tFrance\t\tWEOG\tfalse\t\t\tFR\n", "want an ISO 3166-1 alpha-3 code"},
		{"bad code", hdr + "grp-x\tgroup\tX\tX\t\t\tfalse\t\t\t\n", "bad code \"grp-x\""},
		{"empty name", hdr + "GRP-X\tgroup\t\tX\t\t\tfalse\t\t\t\n", "must not be empty"},
		{"alias without letters", hdr + "GRP-X\tgroup\tX\tX\t\t\tfalse\t--\t\t\n", "has no letters"},
		{"eu member not a state", hdr + "GRP-X\tgroup\tX\tX\t\t\ttrue\t\t\t\n", "eu_member is true"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Parse error = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	g, err := Parse(strings.NewReader("\ufeff" + hdr + fra + "GRP-X\tgroup\tX group\tX\t\t\tfalse\t\t\t\n"))
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Lookup("the french republic"); !ok || e.Code != "FRA" || !e.EUMember {
		t.Errorf("Lookup in a parsed gazetteer = %+v, %v", e, ok)
	}
	if len(g.Entries()) != 2 {
		t.Errorf("%d entries, want 2", len(g.Entries()))
	}
}

// TestLookupNear: headings with one typing slip find their delegation;
// short names, first-letter slips and names near two entries do not.
func TestLookupNear(t *testing.T) {
	g := Default()
	for _, c := range []struct{ name, want string }{
		{"Untied Kingdom", "GBR"},
		{"Colonbia", "COL"},
		{"Irelland", "IRL"},
		{"Irland", ""}, // six letters
		{"Philipines", "PHL"},
		{"Phillipines", "PHL"}, // two slips in eleven letters (heldout51)
		{"Netherlnads", "NLD"},
		{"Switzerlnd", "CHE"},
		{"Islamic Republic of Iarn", "IRN"},
		{"Mallta", ""},       // six letters: no slips allowed
		{"Kolombia", ""},     // a slip in the first letter
		{"Thank you", ""},    // not a name
		{"Australia", "AUS"}, // exact
	} {
		e, ok := g.LookupNear(c.name)
		got := ""
		if ok {
			got = e.Code
		}
		if got != c.want {
			t.Errorf("LookupNear(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSlips(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"untied", "united", 2, 1}, {"abc", "abc", 1, 0}, {"abc", "abd", 1, 1}, {"abc", "xyz", 1, 2}, {"ab", "abcd", 2, 2},
	} {
		if got := slips(c.a, c.b, c.limit); got != c.want {
			t.Errorf("slips(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}
