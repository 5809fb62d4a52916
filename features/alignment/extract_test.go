package alignment

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/plenary/plenary/datasets/gazetteer"
)

var (
	testX    *Extractor
	testXErr error
	testOnce sync.Once
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	testOnce.Do(func() { testX, testXErr = New(gazetteer.Default()) })
	if testXErr != nil {
		t.Fatal(testXErr)
	}
	return testX
}

// brief renders edges as "TARGET:kind", or "SOURCE>TARGET:kind" when the
// source is not the speaker, in Extract's order.
func brief(es []Edge) []string {
	var out []string
	for _, e := range es {
		s := e.Target + ":" + string(e.Kind)
		if e.Source != "" {
			s = e.Source + ">" + s
		}
		out = append(out, s)
	}
	return out
}

// TestExtract is a table of minimal pairs: each rule of the package
// documentation with a case that must give an edge and a close one that must
// not (or must give a different one).
func TestExtract(t *testing.T) {
	x := extractor(t)
	cases := []struct {
		name, speaker, text string
		want                []string
	}{
		// Formal alignment.
		{"align EU", "CZE", "We align ourselves with the EU statement.", []string{"EU:aligns"}},
		{"aligns itself", "EST", "Estonia aligns itself with the comments made by the European Union.", []string{"EU:aligns"}},
		{"subscribe", "LVA", "We fully subscribe to the statement delivered by the European Union.", []string{"EU:aligns"}},
		{"to which we subscribe", "LVA", "In addition to the statement made by the European Union to which we fully subscribe, let us make some points.", []string{"EU:aligns"}},
		{"associate lower-case group", "GHA", "We also associate ourselves with the statements delivered by the non-aligned movement.", []string{"GRP-NAM:aligns"}},
		{"fully aligned, curly possessive", "DEU", "Germany\u2019s fully aligned with the statement of the European Union.", []string{"EU:aligns"}},

		// The target must be governed by the cue.
		{"governed", "FRA", "We align with the EU statement and would like to add comments on Russia's proposal.", []string{"EU:aligns"}},
		{"governed list", "FRA", "We align with the statements of the EU and Russia.", []string{"EU:aligns", "RUS:aligns"}},
		{"coordinated with-phrases", "AUT", "Austria associates itself with the statement of the European Union and with the remarks just made by Portugal.", []string{"EU:aligns", "PRT:aligns"}},
		{"same sentence, not governed", "FRA", "We align with the statement we heard this morning, and Russia's proposal is interesting.", nil},
		{"new clause after the slot", "FRA", "We support the statement by the EU, and Germany would like to add a few points.", []string{"EU:supports_statement"}},
		{"as regards ends the slot", "AUS", "Australia aligns with the statements of France and Egypt, the European Union and many others as regards their points on Japan.", []string{"EGY:aligns", "EU:aligns", "FRA:aligns"}},

		// Demonyms resolve when they name a delegation.
		{"demonym delegation", "KOR", "I'd like to begin with echoing what the South African delegation aptly pointed out.", []string{"ZAF:agrees"}},
		{"demonym colleague", "GBR", "In that context, we align with much of what has been said by our Indian colleague.", []string{"IND:aligns"}},
		{"demonym statement", "GRC", "We support the French statement.", []string{"FRA:supports_statement"}},
		{"demonym not a delegation", "GRC", "We support the French interpretation of the norms.", nil},
		{"demonym as-cue", "CZE", "The modalities could be more ambitious, as articulated by my Estonian colleague.", []string{"EST:agrees"}},

		// Groups and statements on behalf of a group.
		{"on behalf of a group", "VEN", "We support the statement delivered on behalf of the Non-Aligned Movement.", []string{"GRP-NAM:supports_statement"}},
		{"deliverer of a group statement", "VEN", "We align with the statement delivered by Azerbaijan on behalf of the Non-Aligned Movement.", []string{"GRP-NAM:aligns"}},
		{"G77", "BOL", "We align ourselves with the statement of the Group of 77 and China.", []string{"GRP-G77:aligns"}},
		{"organisation is not a delegation", "FRA", "We align ourselves with the OSCE statement.", nil},

		// Agreement and citation.
		{"as X said", "SGP", "As my colleague from Thailand just mentioned, there is value in a demand driven approach.", []string{"THA:agrees"}},
		{"as said by X", "DEU", "As highlighted by the EU, we can support the compromise solution.", []string{"EU:agrees"}},
		{"as X said, list", "IDN", "As Thailand and Singapore said this morning, regional cooperation must continue.", []string{"SGP:agrees", "THA:agrees"}},
		{"share the view", "RUS", "We share the view expressed by South Africa.", []string{"ZAF:agrees"}},
		{"share, not a view", "DOM", "The centre will be a hub for sharing the EU's collective expertise.", nil},
		{"like X", "FRA", "Like the EU delegation, I would like to express France's support for your proposal.", []string{"EU:agrees"}},
		{"like others (generic)", "CHL", "Finally, like other delegations, we wish to reaffirm the importance of the programme of action.", nil},
		{"such as is not like", "SGP", "Regional organizations like ASEAN and countries like Mexico have played a proactive role.", nil},
		{"agree with", "EST", "We agree with the speaker from the Russian Federation on one thing.", []string{"RUS:agrees"}},
		{"reiterate a point", "DEU", "I would like to reiterate a point made by Indonesia and Latvia that we heard no objection.", []string{"IDN:agrees", "LVA:agrees"}},
		{"also noted by", "EST", "Something also noted by some colleagues this morning, such as Australia.", []string{"AUS:agrees"}},
		{"following what was stated", "ARG", "Following what has been stated by Egypt, France and others, we wish to emphasize the Programme of Action.", []string{"EGY:agrees", "FRA:agrees"}},
		{"in line with", "FRA", "Our statement is in line with the statement of the European Union.", []string{"EU:agrees"}},
		{"generic as many said", "CHL", "As many have said, capacity building is essential.", nil},

		// Support for statements and proposals.
		{"supports statements", "GRC", "Greece supports the statements made by the EU delegation, and the interventions of France, Egypt and others regarding the Programme of Action.", []string{"EGY:supports_statement", "EU:supports_statement", "FRA:supports_statement"}},
		{"support proposal", "MYS", "We support the proposal by Singapore.", []string{"SGP:supports_proposal"}},
		{"welcome initiative", "ARG", "We welcome the initiative of France and Egypt.", []string{"EGY:supports_proposal", "FRA:supports_proposal"}},
		{"possessive proposal", "MYS", "We support Singapore's proposal on points of contact.", []string{"SGP:supports_proposal"}},
		{"supportive of the idea", "AUS", "I was particularly interested in and supportive of the idea from Indonesia.", []string{"IDN:supports_proposal"}},
		{"which we support", "FRA", "This is in addition to the statement of the European Union, which we support.", []string{"EU:supports_statement"}},
		{"support as a noun", "DOM", "The centre was set up with the support of the governments of Estonia, Germany and Luxembourg.", nil},
		{"passive support", "ARG", "We emphasize the Fellowship Programme, which is supported by Australia, Canada and the UK.", nil},
		{"support without a noun", "THA", "Thailand supports Japan in its efforts.", nil},
		{"joins in", "ECU", "My delegation joins in the statements made by Egypt and France this morning.", []string{"EGY:supports_statement", "FRA:supports_statement"}},
		{"join others in thanking", "CZE", "The Czech Republic wishes to join other delegations and the EU in thanking you.", nil},
		{"no objection", "IRQ", "We have no objection to the proposal of Singapore.", []string{"SGP:supports_proposal"}},

		// Negation.
		{"negated alignment", "HUN", "We do not align with the statement of the European Union.", []string{"EU:disagrees"}},
		{"negated support", "IRN", "We cannot support the proposal of France.", []string{"FRA:disagrees"}},
		{"not in a position", "RUS", "Russia is not in a position to support the proposal by Canada.", []string{"CAN:disagrees"}},
		{"negated agreement", "CHN", "We cannot agree with the delegation of the United States.", []string{"USA:disagrees"}},
		{"negated share", "CUB", "We do not share the view of the United Kingdom.", []string{"GBR:disagrees"}},
		{"negated inside the cue", "FRA", "The proposal of Russia, which we cannot support, would divide us.", []string{"RUS:disagrees"}},
		{"not only", "MEX", "We not only support the proposal of Chile but also want to co-sponsor it.", []string{"CHL:supports_proposal"}},
		{"cannot but", "JPN", "Japan cannot but agree with Brazil.", []string{"BRA:agrees"}},
		{"negation in another clause", "CHE", "We do not want to delay, and we support the proposal of Egypt.", []string{"EGY:supports_proposal"}},
		{"disagree", "CAN", "We disagree with the delegation of Iran.", []string{"IRN:disagrees"}},
		{"double negation", "CAN", "We do not disagree with Brazil.", []string{"BRA:agrees"}},
		{"contrary to", "USA", "Contrary to what the Russian Federation said, the proposal enjoys broad support.", []string{"RUS:disagrees"}},
		{"oppose a proposal", "CUB", "We oppose the proposal of France and Egypt.", []string{"EGY:disagrees", "FRA:disagrees"}},

		// The speaker itself and the Chair.
		{"self", "AUS", "As Australia said on Monday, capacity building must be demand driven.", nil},
		{"self, other speaker", "NZL", "As Australia said on Monday, capacity building must be demand driven.", []string{"AUS:agrees"}},
		{"self in list", "EGY", "We align with the statements of France and Egypt.", []string{"FRA:aligns"}},
		{"chair as-cue", "FRA", "As you said, Mr. Chair, capacity building must be demand driven.", nil},
		{"chair agree", "IDN", "We agree with you, Mr. Chair, that the OEWG itself is an important CBM.", nil},
		{"chair like", "IDN", "Like the Chair, we believe the OEWG is a CBM.", nil},

		// Reported positions are not the speaker's.
		{"reported alignment", "FRA", "Germany aligns itself with the statement of the European Union.", nil},
		{"reported support", "USA", "Russia cannot support the proposal by Canada.", nil},
		{"own subject", "MYS", "Malaysia supported a proposal by Singapore on points of contact.", []string{"SGP:supports_proposal"}},

		// History and factual pointers.
		{"history", "FRA", "In the context of the previous Open-ended Working Group, France supported the proposal presented by Australia and Mexico.", nil},
		{"present support", "FRA", "France supports the proposal presented by Australia and Mexico.", []string{"AUS:supports_proposal", "MEX:supports_proposal"}},
		{"factual pointer", "GBR", "As my colleague from the EU said, last time around non-ECOSOC participants were excluded.", nil},
		{"factual pointer, perfect", "IDN", "As the delegation of Thailand mentioned earlier, ASEAN has also taken fruitful steps.", nil},
		{"pointer adopted", "GBR", "As my colleague from the EU said, the process must be transparent.", []string{"EU:agrees"}},
		{"mentioned is not agreement", "THA", "ACID was hosted and mentioned earlier by the delegation of Singapore.", nil},

		// Courtesies are not alignment.
		{"thanks", "KEN", "Thank you, Chair, and thank you to our sister delegation of Ghana for its courtesy.", nil},
		{"thanks for a proposal", "LAO", "We thank Australia for its proposal.", nil},
		{"listened", "TUR", "T\u00fcrkiye listened carefully to the presentations by Egypt and France.", nil},

		// Variants of the register beyond the seed corpus.
		{"group statement delivered by a state", "SAU", "We associate ourselves with the statement delivered by the representative of Egypt on behalf of the Arab Group.", []string{"GRP-ARAB:aligns"}},
		{"on behalf of an organisation's members", "THA", "We associate ourselves with the statement made by Indonesia on behalf of ASEAN.", []string{"GRP-ASEAN:aligns"}},
		{"to be delivered", "SWE", "My delegation aligns itself with the statement to be delivered by the EU.", []string{"EU:aligns"}},
		{"lower-case EU", "HRV", "we align ourselves with the statement of the european union.", []string{"EU:aligns"}},
		{"echo remarks of a representative", "PER", "We echo the remarks of the distinguished representative of Brazil.", []string{"BRA:agrees"}},
		{"ambassador", "PER", "We agree with the distinguished Ambassador of Egypt.", []string{"EGY:agrees"}},
		{"concur", "UGA", "I fully concur with my colleague from Kenya.", []string{"KEN:agrees"}},
		{"similar to what", "AUT", "Similar to what Germany said, we see merit in a survey.", []string{"DEU:agrees"}},
		{"same vein", "AUT", "In the same vein as Japan, we call for implementation.", []string{"JPN:agrees"}},
		{"as indicated in", "JOR", "As indicated in the statement by Egypt, the Arab region needs capacity.", []string{"EGY:agrees"}},
		{"as pointed out by a demonym", "JOR", "As pointed out by the Egyptian delegation, capacity is needed.", []string{"EGY:agrees"}},
		{"agree with many points", "NZL", "We agree with many of the points raised by Japan.", []string{"JPN:agrees"}},
		{"endorse group proposal", "NGA", "We endorse the proposal of the African Group.", []string{"GRP-AFR:supports_proposal"}},
		{"demonym proposal", "AUT", "We fully support the Swiss proposal.", []string{"CHE:supports_proposal"}},
		{"possessive before which we support", "BLR", "The Russian Federation's proposal, which we support, deserves attention.", []string{"RUS:supports_proposal"}},
		{"join previous speakers", "OMN", "Let me join the previous speakers in supporting the proposal of Egypt.", []string{"EGY:supports_proposal"}},
		{"reject claims", "CHN", "We reject the allegations made by the United States.", []string{"USA:disagrees"}},
		{"take note is not support", "IND", "We take note of the proposal of Russia.", nil},
		{"consider is not support", "IND", "We are ready to consider the proposal of India and Brazil.", nil},
		{"listened is not support", "CHN", "We listened with great interest to the statement of Pakistan.", nil},
		{"second is an ordinal", "SGP", "Second, the proposal by Malaysia deserves attention.", nil},

		{"statement and proposal in one slot", "MEX", "We support the EU statement and Russia's proposal.", []string{"EU:supports_statement", "RUS:supports_proposal"}},
		{"like X said", "PAN", "Like Mexico said, consensus is an aspiration.", []string{"MEX:agrees"}},
		{"as we heard from", "PAN", "As we heard from Brazil this morning, consensus is within reach.", []string{"BRA:agrees"}},
		{"which X mentioned (pointer)", "NLD", "We value the GFCE, which Switzerland just mentioned.", nil},
		{"proposed by (pointer)", "CZE", "States could use a template proposed by Australia and Mexico.", nil},
		{"former colleague quoted", "AUS", "You reminded me of an intervention made in the first OEWG by our esteemed former colleague from South Africa, who said that consensus is rarely found.", nil},

		// Candidate countries aligning with an EU statement.
		{"candidates", "EU", "The candidate countries North Macedonia, Montenegro and Albania, as well as Ukraine and the Republic of Moldova, align themselves with this statement.",
			[]string{"ALB>EU:aligns", "MDA>EU:aligns", "MKD>EU:aligns", "MNE>EU:aligns", "UKR>EU:aligns"}},
		{"candidates, unknown speaker", "", "Montenegro and Albania align themselves with this statement.", nil},
		{"not a candidate formula", "FRA", "Montenegro aligns itself with the statement made by the European Union.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := brief(x.Extract(c.text, c.speaker))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Extract(%q, %q)\n got %q\nwant %q", c.text, c.speaker, got, c.want)
			}
		})
	}
}

// TestEdgeFields checks offsets, the evidence sentence, the cue text and the
// order of edges across sentences.
func TestEdgeFields(t *testing.T) {
	x := extractor(t)
	text := "Thank you, Mr. Chair. We align ourselves with the statement of the EU.\n\n" +
		"As Mexico said, consensus is an aspiration. We support the proposal by Singapore and the proposal by Singapore."
	es := x.Extract(text, "CRI")
	want := []struct {
		target string
		kind   Kind
		cue    string
		sent   string
	}{
		{"EU", Aligns, "align ourselves with", "We align ourselves with the statement of the EU."},
		{"MEX", Agrees, "As … said", "As Mexico said, consensus is an aspiration."},
		{"SGP", SupportsProposal, "support", "We support the proposal by Singapore and the proposal by Singapore."},
	}
	if len(es) != len(want) {
		t.Fatalf("got %d edges %q, want %d", len(es), brief(es), len(want))
	}
	for i, w := range want {
		e := es[i]
		if e.Target != w.target || e.Kind != w.kind || e.Cue != w.cue || e.Sentence != w.sent || e.Source != "" {
			t.Errorf("edge %d = %+v, want %+v", i, e, w)
		}
		if text[e.Start:e.End] != e.Sentence {
			t.Errorf("edge %d: text[%d:%d] = %q, not the sentence", i, e.Start, e.End, text[e.Start:e.End])
		}
	}
}

// TestSortedAndUnique checks Extract's order and its one-edge-per-(source,
// target, kind, sentence) rule on the corpus.
func TestSortedAndUnique(t *testing.T) {
	x := extractor(t)
	for _, f := range []string{"oewg2-s1-m8.txt", "oewg2-s1-m9.txt"} {
		for _, tu := range turnsOf(t, "../../datasets/corpus/"+f) {
			es := x.Extract(tu.Text, tu.Code)
			for i := 1; i < len(es); i++ {
				a, b := es[i-1], es[i]
				if a.Start > b.Start || a.Start == b.Start && (a.Target > b.Target || a.Target == b.Target && (a.Kind > b.Kind || a.Kind == b.Kind && a.Source >= b.Source)) {
					t.Errorf("%s seq %d: edges out of order or duplicated: %+v, %+v", f, tu.Seq, a, b)
				}
			}
			for _, e := range es {
				if e.Target == tu.Code && e.Source == "" || e.Source == tu.Code && e.Source != "" {
					t.Errorf("%s seq %d: edge to or from the speaker itself: %+v", f, tu.Seq, e)
				}
				if tu.Text[e.Start:e.End] != e.Sentence || strings.TrimSpace(e.Sentence) != e.Sentence || e.Sentence == "" {
					t.Errorf("%s seq %d: bad evidence offsets %+v", f, tu.Seq, e)
				}
			}
		}
	}
}

// TestSentences checks the sentence splitter on the corpus's abbreviations
// and line structure.
func TestSentences(t *testing.T) {
	text := "Thank you, Mr. Chair. The U.S. delegation agrees.\nNew line here! Really? Yes. merci.Thank you. See para. 7 of the report."
	var got []string
	for _, sp := range sentences(text) {
		got = append(got, text[sp.start:sp.end])
	}
	want := []string{"Thank you, Mr. Chair.", "The U.S. delegation agrees.", "New line here!", "Really?", "Yes. merci.Thank you.", "See para. 7 of the report."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

// TestConcurrent runs Extract from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	x := extractor(t)
	text := "We align ourselves with the statement of the EU. As Mexico said, consensus is an aspiration."
	want := brief(x.Extract(text, "CRI"))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if got := brief(x.Extract(text, "CRI")); !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent Extract = %q, want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
