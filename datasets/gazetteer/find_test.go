package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// found is a match as the tests write it: surface form, code, and "d" for
// a demonym.
func found(text string, ms []Match) []string {
	out := []string{}
	for _, m := range ms {
		s := text[m.Start:m.End] + "=" + m.Code
		if m.Demonym {
			s += "/d"
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Longest match wins.
		{"dominican", "Dominica and the Dominican Republic", []string{"Dominica=DMA", "Dominican Republic=DOM"}},
		{"guinea", "Guinea-Bissau, Guinea, Equatorial Guinea and Papua New Guinea", []string{"Guinea-Bissau=GNB", "Guinea=GIN", "Equatorial Guinea=GNQ", "Papua New Guinea=PNG"}},
		{"guinea spaced", "Guinea Bissau", []string{"Guinea Bissau=GNB"}},
		{"korea", "the Republic of Korea and Korea", []string{"Republic of Korea=KOR", "Korea=KOR"}},
		{"dprk", "the Democratic People's Republic of Korea", []string{"Democratic People's Republic of Korea=PRK"}},
		{"dprk curly", "the Democratic People’s Republic of Korea", []string{"Democratic People’s Republic of Korea=PRK"}},
		{"north korea", "North Korea and South Korea", []string{"North Korea=PRK", "South Korea=KOR"}},
		{"congo", "the Democratic Republic of the Congo and the Congo", []string{"Democratic Republic of the Congo=COD", "Congo=COG"}},
		{"sudan", "South Sudan and Sudan", []string{"South Sudan=SSD", "Sudan=SDN"}},
		{"niger", "Niger, Nigeria and the Niger", []string{"Niger=NER", "Nigeria=NGA", "Niger=NER"}},
		{"uk long", "the United Kingdom of Great Britain and Northern Ireland", []string{"United Kingdom of Great Britain and Northern Ireland=GBR"}},
		{"russia", "Russia and the Russian Federation", []string{"Russia=RUS", "Russian Federation=RUS"}},
		{"czech", "the Czech Republic", []string{"Czech Republic=CZE"}},
		{"netherlands", "The Netherlands and the Kingdom of the Netherlands", []string{"Netherlands=NLD", "Kingdom of the Netherlands=NLD"}},
		{"eu long", "on behalf of the EU and its member states", []string{"EU and its member states=EU"}},
		{"enisa", "the European Union Agency for Cybersecurity", []string{"European Union Agency for Cybersecurity=ORG-ENISA"}},
		{"arf", "the ASEAN Regional Forum and ASEAN", []string{"ASEAN Regional Forum=ORG-ARF", "ASEAN=ORG-ASEAN"}},
		{"asean group", "ASEAN member states", []string{"ASEAN member states=GRP-ASEAN"}},
		{"g77", "the G77 and China, the Group of 77, G-77", []string{"G77 and China=GRP-G77", "Group of 77=GRP-G77", "G-77=GRP-G77"}},
		{"iran un name", "Iran (Islamic Republic of) and Iran", []string{"Iran (Islamic Republic of)=IRN", "Iran=IRN"}},
		{"lao", "Lao PDR, Laos and the Lao People's Democratic Republic", []string{"Lao PDR=LAO", "Laos=LAO", "Lao People's Democratic Republic=LAO"}},
		{"st lucia", "St Lucia, St. Lucia and Saint Lucia", []string{"St Lucia=LCA", "St. Lucia=LCA", "Saint Lucia=LCA"}},
		{"us dotted", "U.S. policy and the U.S.A.", []string{"U.S.=USA", "U.S.A.=USA"}},
		{"us of a", "the United States of America and the United States", []string{"United States of America=USA", "United States=USA"}},
		{"line break", "the Republic of\nKorea", []string{"Republic of\nKorea=KOR"}},
		{"paragraph break", "the Republic of\n\nKorea", []string{"Korea=KOR"}},
		{"nbsp", "Costa\u00a0Rica", []string{"Costa\u00a0Rica=CRI"}},
		{"organisations", "the OSCE, the OAS, the AU, UNIDIR, UNODA, the GFCE and the World Bank", []string{"OSCE=ORG-OSCE", "OAS=ORG-OAS", "AU=ORG-AU", "UNIDIR=ORG-UNIDIR", "UNODA=ORG-UNODA", "GFCE=ORG-GFCE", "World Bank=ORG-WBG"}},
		{"organisations long", "Organization of American States and Organization for Security and Cooperation in Europe", []string{"Organization of American States=ORG-OAS", "Organization for Security and Cooperation in Europe=ORG-OSCE"}},

		// Case rules.
		{"us lower", "let us see what the US and the UK say", []string{"US=USA", "UK=GBR"}},
		{"acronym mixed", "Us, Uk, Eu, Au and Oas", []string{}},
		{"acronym exact", "EU, ROK, AU, OAS, DPRK, NAM", []string{"EU=EU", "ROK=KOR", "AU=ORG-AU", "OAS=ORG-OAS", "DPRK=PRK", "NAM=GRP-NAM"}},
		{"first letter", "chile Chile CHILE", []string{"Chile=CHL", "CHILE=CHL"}},
		{"common nouns", "a jordan, a chad, georgia, a turkey, the niger, first", []string{}},
		{"capitalised", "Jordan, Chad, Georgia, Turkey", []string{"Jordan=JOR", "Chad=TCD", "Georgia=GEO", "Turkey=TUR"}},
		{"first word only", "Republic of korea", []string{"Republic of korea=KOR"}},
		{"heading caps", "REPUBLIC OF KOREA", []string{"REPUBLIC OF KOREA=KOR"}},
		{"first", "FIRST and First", []string{"FIRST=ORG-FIRST"}},

		// Word boundaries.
		{"woman", "a woman from Oman", []string{"Oman=OMN"}},
		{"iranian", "Iranian", []string{"Iranian=IRN/d"}},
		{"prefix", "Chilean Chileans Omanis Indiana", []string{"Chilean=CHL/d"}},
		{"inside", "Germanyx xGermany Germany2", []string{}},
		{"hyphen", "Franco-German and non-EU states", []string{"German=DEU/d", "EU=EU"}},

		// Demonyms.
		{"demonyms", "the French statement, the South African and the Korean delegations", []string{"French=FRA/d", "South African=ZAF/d", "Korean=KOR/d"}},
		{"north korean", "North Korean and South Korean", []string{"North Korean=PRK/d", "South Korean=KOR/d"}},
		{"dutch british", "Dutch, British, Chinese, Mexican, Russian", []string{"Dutch=NLD/d", "British=GBR/d", "Chinese=CHN/d", "Mexican=MEX/d", "Russian=RUS/d"}},
		{"ambiguous demonyms", "American, Latin American, Organization of American", []string{}},
		{"dominican congolese", "Dominican and Congolese", []string{}},
		{"lowercase demonym", "french fries", []string{}},

		// Diacritics and apostrophes.
		{"turkiye", "Türkiye, Turkiye, TÜRKIYE", []string{"Türkiye=TUR", "Turkiye=TUR", "TÜRKIYE=TUR"}},
		{"decomposed", "Tu\u0308rkiye", []string{"Tu\u0308rkiye=TUR"}},
		{"cote", "Côte d’Ivoire, Cote d'Ivoire", []string{"Côte d’Ivoire=CIV", "Cote d'Ivoire=CIV"}},
		{"possessive", "Russia's view, Korea’s proposal, the EU's plan", []string{"Russia=RUS", "Korea=KOR", "EU=EU"}},
		{"possessive long", "the United Kingdom’s view", []string{"United Kingdom=GBR"}},

		// Non-mentions.
		{"non-mentions", "the Indian Ocean, the Korean Peninsula, the South China Sea, the Gulf of Guinea", []string{}},
		{"non-mention then mention", "the Indian Ocean and India", []string{"India=IND"}},
		{"northern ireland", "Northern Ireland and Ireland", []string{"Ireland=IRL"}},
		{"new mexico", "New Mexico and Mexico", []string{"Mexico=MEX"}},

		// Gaps.
		{"colon", "Republic of: Korea", []string{"Korea=KOR"}},
		{"sentence", "Republic. Of Korea", []string{"Korea=KOR"}},
		{"empty", "", []string{}},
		{"punctuation", "—,.;'’", []string{}},
	}
	for _, tt := range tests {
		ms := g.Find(tt.text)
		got := found(tt.text, ms)
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s: Find(%q)\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
		checkMatches(t, tt.text, ms)
	}
}

// checkMatches checks the invariants of Find's result: offsets inside the
// text and on rune boundaries, sorted, non-overlapping, known codes.
func checkMatches(t testing.TB, text string, ms []Match) {
	t.Helper()
	g := Default()
	// Where decoding starts a rune (an invalid byte counts as one rune, as
	// in a range loop).
	starts := map[int]bool{len(text): true}
	for i := range text {
		starts[i] = true
	}
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("Find(%q): bad or overlapping offsets in %+v", text, ms)
		}
		if !starts[m.Start] || !starts[m.End] {
			t.Fatalf("Find(%q): %+v not on rune boundaries", text, m)
		}
		if _, ok := g.ByCode(m.Code); !ok {
			t.Fatalf("Find(%q): unknown code in %+v", text, m)
		}
		prev = m.End
	}
}

// TestFindOffsets checks that offsets are bytes into the text, with
// multi-byte runes before the match.
func TestFindOffsets(t *testing.T) {
	text := "« Délégation » — Côte d’Ivoire’s “Türkiye”\u00a0and Viet Nam."
	ms := Default().Find(text)
	want := []string{"Côte d’Ivoire", "Türkiye", "Viet Nam"}
	if len(ms) != len(want) {
		t.Fatalf("Find = %q, want %q", found(text, ms), want)
	}
	for i, m := range ms {
		if text[m.Start:m.End] != want[i] {
			t.Errorf("match %d = %q, want %q", i, text[m.Start:m.End], want[i])
		}
		if m.Start != strings.Index(text, want[i]) {
			t.Errorf("match %d starts at %d, want %d", i, m.Start, strings.Index(text, want[i]))
		}
	}
}

// TestFindCorpus runs Find over the default corpus: every match is valid,
// and the delegations that speak are found.
func TestFindCorpus(t *testing.T) {
	files, err := filepath.Glob("../corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files in ../corpus: %v", err)
	}
	codes := map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ms := Default().Find(string(b))
		checkMatches(t, string(b), ms)
		for _, m := range ms {
			codes[m.Code]++
		}
	}
	for _, c := range []string{"NLD", "IRN", "KOR", "RUS", "LAO", "SYR", "GBR", "EU", "CZE", "DOM", "CRI", "TUR", "USA", "ORG-ASEAN", "ORG-OSCE", "ORG-UNIDIR", "ORG-ARF", "ORG-GFCE", "ORG-OAS", "ORG-AU", "ORG-ECOWAS", "GRP-CARICOM", "GRP-BRICS"} {
		if codes[c] == 0 {
			t.Errorf("%s not found in the corpus", c)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"Russia",
		"the Republic of Korea and the Democratic People’s Republic of Korea",
		"Guinea-Bissau, Guinea Bissau; Guinea.",
		"U.S.A. U.S. US us",
		"Côte d’Ivoire’s Türkiye Tu\u0308rkiye",
		"Iran (Islamic Republic of) (",
		"St. Kitts and Nevis\n\nSt.",
		"Korea's' '’s EU’s ’",
		"Indian Ocean India",
		"\xff\xfeRussia\xc3",
		"Republic of\u2028Korea",
	} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		ms := g.Find(text)
		checkMatches(t, text, ms)
		for _, m := range ms {
			if m.End-m.Start > 200 {
				t.Fatalf("implausibly long match %+v", m)
			}
		}
	})
}

// BenchmarkFind runs Find over the default corpus and reports words per
// second.
func BenchmarkFind(b *testing.B) {
	files, err := filepath.Glob("../corpus/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus files in ../corpus: %v", err)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	words := len(strings.Fields(text))
	g := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n += len(g.Find(text))
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(n)/float64(b.N), "matches/op")
}

// BenchmarkLookup resolves a speaker heading.
func BenchmarkLookup(b *testing.B) {
	g := Default()
	for b.Loop() {
		if _, ok := g.Lookup("The Netherlands\u00a0"); !ok {
			b.Fatal("not found")
		}
	}
}

// TestFindConcurrent runs Find from several goroutines on the shared
// default gazetteer (run with -race).
func TestFindConcurrent(t *testing.T) {
	text := "Russia, the EU, Côte d’Ivoire and the Republic of Korea."
	want := found(text, Default().Find(text))
	done := make(chan []string)
	for range 8 {
		go func() { done <- found(text, Default().Find(text)) }()
	}
	for range 8 {
		if got := <-done; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("concurrent Find = %q, want %q", got, want)
		}
	}
}
