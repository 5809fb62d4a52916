package sentiment

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestMinimalPairs checks single sentences: each case says what the scorer
// must make of it, and most come in pairs that differ by one courtesy
// formula, topic word, negation or connective.
func TestMinimalPairs(t *testing.T) {
	sc := mustNew(t)
	type want struct {
		sign     int // -1 negative, 0 neutral (|compound| < 0.05), +1 positive
		courtesy bool
		cues     []string // must all be among the cues, in this order
		masked   []string // must all be among the masked spans
	}
	cases := []struct {
		name, text string
		want       want
	}{
		// courtesy
		{"thanks for tireless efforts", "We thank you, Mr. Chair, for your tireless efforts.",
			want{sign: 0, courtesy: true, masked: []string{"We thank you, Mr. Chair, for your tireless efforts"}}},
		{"bare thanks", "Thank you, Chair.", want{sign: 0, courtesy: true}},
		{"address only", "Mr. Chair.", want{sign: 0, courtesy: true}},
		{"greeting", "Good afternoon, distinguished delegates.", want{sign: 0, courtesy: true}},
		{"welcome a person", "Welcome to the working group.", want{sign: 0, courtesy: true}},
		{"welcome a proposal", "We welcome the proposal.", want{sign: +1, cues: []string{"welcome"}}},
		{"congratulations", "My delegation congratulates you on your election as Chair.", want{sign: 0, courtesy: true}},
		{"honour to speak", "I have the honour to speak on behalf of the European Union.", want{sign: 0, courtesy: true}},
		{"gratitude", "We wish to express our sincere gratitude for your able leadership.", want{sign: 0, courtesy: true}},
		{"thanks then support", "Thank you, Chair, we support the proposal.",
			want{sign: +1, courtesy: false, cues: []string{"support"}, masked: []string{"Thank you, Chair"}}},
		{"thanks and support", "We thank you for your efforts and support your proposal.",
			want{sign: +1, courtesy: false, cues: []string{"support"}}},
		{"thanks then regret", "Thank you, Mr. Chair. We regret that the proposal ignores our concerns.",
			want{sign: -1, courtesy: false, cues: []string{"regret", "concerns"}}},
		{"thanks to = because of", "Thanks to our discussions, the report was adopted.", want{sign: 0}},
		// topic words
		{"topic words", "Malicious actors attack critical infrastructure.",
			want{sign: 0, masked: []string{"attack", "critical infrastructure"}}},
		{"topic threats", "Ransomware threatens hospitals and causes serious harm.", want{sign: 0, masked: []string{"threatens", "harm"}}},
		{"goal vocabulary", "We need an open, secure, stable and peaceful ICT environment.", want{sign: 0}},
		{"confidence-building", "Confidence building measures build trust and confidence among states.", want{sign: 0}},
		{"confidence as attitude", "We have full confidence in your proposal.", want{sign: +1, cues: []string{"confidence"}}},
		{"United Nations", "The United Nations is the forum.", want{sign: 0, masked: []string{"United"}}},
		{"concern about threats", "We are deeply concerned about the growing threats.",
			want{sign: -1, cues: []string{"concerned"}, masked: []string{"threats"}}},
		// attitude
		{"regret", "We regret that the proposal ignores our concerns.", want{sign: -1, cues: []string{"regret", "concerns"}}},
		{"support", "We support this.", want{sign: +1, cues: []string{"support"}}},
		{"not support", "We do not support this.", want{sign: -1, cues: []string{"not support"}}},
		{"cannot support", "We cannot support this proposal.", want{sign: -1, cues: []string{"cannot support"}}},
		{"oppose", "We oppose this proposal.", want{sign: -1, cues: []string{"oppose"}}},
		{"unhelpful", "This approach is unhelpful.", want{sign: -1, cues: []string{"unhelpful"}}},
		{"not unhelpful", "This approach is not unhelpful.", want{sign: +1, cues: []string{"not unhelpful"}}},
		{"objection", "We have an objection to the proposal.", want{sign: -1, cues: []string{"objection"}}},
		{"no objection", "We have no objection to the proposal.", want{sign: +1, cues: []string{"no objection"}}},
		{"negation across determiners", "We have not heard any formal objection.", want{sign: +1, cues: []string{"not objection"}}},
		{"negation stops at a comma", "No, we support it.", want{sign: +1, cues: []string{"support"}}},
		{"not only", "The proposal is not only useful but also timely.", want{sign: +1, cues: []string{"useful"}}},
		{"constructive", "The discussion was constructive.", want{sign: +1, cues: []string{"constructive"}}},
		{"deplore", "We deplore the politicization of this process.", want{sign: -1, cues: []string{"deplore", "politicization"}}},
		{"premature", "It is premature to take a position.", want{sign: -1, cues: []string{"premature"}}},
		{"disappointed", "We are disappointed by the outcome.", want{sign: -1, cues: []string{"disappointed"}}},
		{"unacceptable", "This is unacceptable.", want{sign: -1, cues: []string{"unacceptable"}}},
		// contrast and concession
		{"not perfect but support", "The proposal is not perfect, but we fully support it.", want{sign: +1, cues: []string{"not perfect", "support"}}},
		{"good but reject", "The text has good elements, however we reject it.", want{sign: -1, cues: []string{"good", "reject"}}},
		{"although", "Although the text is not perfect, we believe it is a reasonable compromise.", want{sign: +1}},
		// register
		{"would like to", "I would like to make three points.", want{sign: 0}},
		{"as well as", "States as well as stakeholders took part.", want{sign: 0}},
		{"postpositive concerned", "The countries concerned will report.", want{sign: 0}},
		{"floor-giving", "Thailand, please.", want{sign: 0, courtesy: true}},
		{"transcriber's note", "The impact is [unclear] for all.", want{sign: 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sc.Sentence(c.text)
			sign := 0
			switch {
			case got.Compound >= 0.05:
				sign = 1
			case got.Compound <= -0.05:
				sign = -1
			}
			if sign != c.want.sign {
				t.Errorf("%q: compound %.3f, want sign %d (cues %q, masked %q)", c.text, got.Compound, c.want.sign, got.Cues, got.Masked)
			}
			if got.Courtesy != c.want.courtesy {
				t.Errorf("%q: courtesy %v, want %v (masked %q)", c.text, got.Courtesy, c.want.courtesy, got.Masked)
			}
			if !subsequence(got.Cues, c.want.cues) {
				t.Errorf("%q: cues %q, want %q among them", c.text, got.Cues, c.want.cues)
			}
			if !subsequence(got.Masked, c.want.masked) {
				t.Errorf("%q: masked %q, want %q among them", c.text, got.Masked, c.want.masked)
			}
		})
	}
}

// subsequence reports whether want appears in got in order.
func subsequence(got, want []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

// TestCourtesyDoesNotChangeSubstance: adding a courtesy formula to a
// sentence leaves its substantive score exactly as it was.
func TestCourtesyDoesNotChangeSubstance(t *testing.T) {
	sc := mustNew(t)
	for _, pair := range [][2]string{
		{"We support the proposal.", "Thank you, Mr. Chair, we support the proposal."},
		{"We regret that the proposal ignores our concerns.", "Mr. Chair, we regret that the proposal ignores our concerns."},
		{"We cannot accept this text.", "We thank you for your tireless efforts, but we cannot accept this text."},
	} {
		plain, polite := sc.Sentence(pair[0]), sc.Sentence(pair[1])
		if strings.Contains(pair[1], "but") {
			// "but" weighs the clause after it: same sign, stronger.
			if math.Signbit(plain.Compound) != math.Signbit(polite.Compound) || math.Abs(polite.Compound) < math.Abs(plain.Compound) {
				t.Errorf("%q %.3f vs %q %.3f", pair[0], plain.Compound, pair[1], polite.Compound)
			}
		} else if plain.Compound != polite.Compound {
			t.Errorf("%q %.3f vs %q %.3f: the formula changed the substance", pair[0], plain.Compound, pair[1], polite.Compound)
		}
		if len(polite.Masked) == 0 {
			t.Errorf("%q: nothing masked", pair[1])
		}
		if plain.CourtesyCompound != 0 {
			t.Errorf("%q: courtesy tone %.3f without a formula", pair[0], plain.CourtesyCompound)
		}
	}
}

// TestTopicListMatters scores the same sentence with and without the topic
// list: the general lexicon reads the subject matter as hostility.
func TestTopicListMatters(t *testing.T) {
	text := "Malicious cyber activities threaten critical infrastructure and cause harm."
	with := mustNew(t).Sentence(text)
	general, err := Parse(lexiconReader(), courtesyReader(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	without := general.Sentence(text)
	if with.Compound != 0 {
		t.Errorf("with topic list: %.3f, want 0 (cues %q)", with.Compound, with.Cues)
	}
	if without.Compound > -0.5 {
		t.Errorf("general lexicon: %.3f, want clearly negative", without.Compound)
	}
}

// TestIntensity checks the VADER emphasis rules: boosters, capitals and
// exclamation marks make a sentence stronger, dampeners weaker.
func TestIntensity(t *testing.T) {
	sc := mustNew(t)
	stronger := [][2]string{
		{"We support this proposal.", "We strongly support this proposal."},
		{"We support this proposal.", "We SUPPORT this proposal."},
		{"We support this proposal.", "We support this proposal!"},
		{"We are concerned.", "We are deeply concerned."},
		{"We broadly support this proposal.", "We support this proposal."},
	}
	for _, p := range stronger {
		a, b := sc.Sentence(p[0]).Compound, sc.Sentence(p[1]).Compound
		if math.Abs(b) <= math.Abs(a) {
			t.Errorf("%q (%.3f) should be stronger than %q (%.3f)", p[1], b, p[0], a)
		}
	}
}

// TestInvariants: range, determinism, empty input, proportions.
func TestInvariants(t *testing.T) {
	sc := mustNew(t)
	if got := sc.Sentence(""); !reflect.DeepEqual(got, Sentence{}) {
		t.Errorf("empty string: %+v, want zero Sentence", got)
	}
	if got := sc.Sentence("  ... !? -- "); !reflect.DeepEqual(got, Sentence{}) {
		t.Errorf("punctuation only: %+v, want zero Sentence", got)
	}
	var texts []string
	for _, ss := range corpusSentences(t) {
		texts = append(texts, ss...)
	}
	texts = append(texts, "NOT GOOD!!!!", "no no no no no", "very very very very good", "but but but")
	for _, text := range texts {
		a, b := sc.Sentence(text), sc.Sentence(text)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%q: not deterministic", text)
		}
		checkSentence(t, text, a)
	}
}

func checkSentence(t *testing.T, text string, s Sentence) {
	t.Helper()
	for _, v := range []float64{s.Compound, s.CourtesyCompound} {
		if math.IsNaN(v) || v < -1 || v > 1 {
			t.Fatalf("%q: compound %v out of [-1, 1]", text, v)
		}
	}
	for _, v := range []float64{s.Pos, s.Neg, s.Neu} {
		if math.IsNaN(v) || v < 0 || v > 1 {
			t.Fatalf("%q: proportion %v out of [0, 1]", text, v)
		}
	}
	if sum := s.Pos + s.Neg + s.Neu; sum != 0 && math.Abs(sum-1) > 1e-9 {
		t.Fatalf("%q: pos+neg+neu = %v", text, sum)
	}
	if s.Courtesy && s.Compound != 0 {
		t.Fatalf("%q: courtesy sentence with substantive tone %v", text, s.Compound)
	}
	if (s.Compound == 0) != (len(s.Cues) == 0) && s.Compound == 0 {
		// cues that cancel out exactly are possible but must be rare
		t.Logf("%q: cues %q cancel out", text, s.Cues)
	}
	if len(s.Cues) == 0 && s.Compound != 0 {
		t.Fatalf("%q: tone %v without cues", text, s.Compound)
	}
}

// TestTurn checks that a turn keeps courtesy and substance apart.
func TestTurn(t *testing.T) {
	sc := mustNew(t)
	turn := sc.Turn([]string{
		"Thank you, Mr. Chair.",
		"We thank you for your tireless efforts this week.",
		"We regret that the revised proposal does not address our concerns.",
		"We cannot support it.",
		"",
		"I thank you.",
	})
	if turn.NCourtesy != 3 || turn.NSubstantive != 2 {
		t.Fatalf("counts %+v, want 3 courtesy and 2 substantive", turn)
	}
	if turn.Courtesy <= 0 || turn.Substantive >= 0 {
		t.Errorf("warm courtesy and negative substance expected, got %+v", turn)
	}
	if got := sc.Turn(nil); got != (Turn{}) {
		t.Errorf("empty turn: %+v", got)
	}
}

// TestConcurrentUse scores from many goroutines at once (run with -race).
func TestConcurrentUse(t *testing.T) {
	sc := mustNew(t)
	texts := []string{
		"Thank you, Mr. Chair, we support the proposal.",
		"We regret that the proposal ignores our concerns.",
		"Malicious actors attack critical infrastructure.",
	}
	want := make([]Sentence, len(texts))
	for i, s := range texts {
		want[i] = sc.Sentence(s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				k := i % len(texts)
				if got := sc.Sentence(texts[k]); !reflect.DeepEqual(got, want[k]) {
					t.Errorf("%q: concurrent result differs", texts[k])
					return
				}
			}
		}()
	}
	wg.Wait()
	s2, _ := New()
	if s2 != sc {
		t.Error("New should return the shared default scorer")
	}
}

// TestParseErrors checks that every input names the bad line.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		name                                  string
		lexicon, courtesy, topics, adjustment string
		file                                  string
		line                                  int
	}{
		{"lexicon valence", "good\t1.9\nbad\tx\n", "", "", "", "lexicon", 2},
		{"lexicon range", "good\t9\n", "", "", "", "lexicon", 1},
		{"lexicon columns", "good\t1.9\nbad\n", "", "", "", "lexicon", 2},
		{"courtesy class", "", "# c\nthank @nosuch\n", "", "", "courtesy", 2},
		{"courtesy bracket", "", "(thank you\n", "", "", "courtesy", 1},
		{"courtesy empty", "", "[thank]\n", "", "", "courtesy", 1},
		{"courtesy dup class", "", "@a = x\n@a = y\n", "", "", "courtesy", 2},
		{"topics columns", "", "", "threat\n", "", "topics", 1},
		{"topics dup", "", "", "threat\tthreat\nthreat\tthreat\n", "", "topics", 2},
		{"topics rule word", "", "", "not\tthreat\n", "", "topics", 1},
		{"adjustments reason", "", "", "", "valence\toppose\t-1.7\t\n", "adjustments", 1},
		{"adjustments kind", "", "", "", "# x\nvalance\toppose\t-1.7\twhy\n", "adjustments", 2},
		{"adjustments value", "", "", "", "negator\tnot\tyes\twhy\n", "adjustments", 1},
		{"adjustments topic", "", "", "threat\tthreat\n", "valence\tthreat\t-1\twhy\n", "adjustments", 1},
		{"adjustments dup", "", "", "", "valence\ta\t1\twhy\nvalence\ta\t2\twhy\n", "adjustments", 2},
		{"adjustments term", "", "", "", "valence\t:-)\t1\twhy\n", "adjustments", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.lexicon), strings.NewReader(c.courtesy),
				strings.NewReader(c.topics), strings.NewReader(c.adjustment))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v, want a *ParseError", err)
			}
			if pe.File != c.file || pe.Line != c.line {
				t.Errorf("error %q names %s line %d, want %s line %d", err, pe.File, pe.Line, c.file, c.line)
			}
			if !strings.Contains(err.Error(), c.file) {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
}

// TestParseUserLists builds a scorer from small user lists.
func TestParseUserLists(t *testing.T) {
	sc, err := Parse(
		strings.NewReader("great\t3.1\nthreat\t-2.4\nhappy\t2.7\n"),
		strings.NewReader("@who = we | i\n@who thank you ...\n"),
		strings.NewReader("threat\tthreat\n"),
		strings.NewReader("valence\tpivotal\t2.0\tuser word\nvalence\thappy\t0\tuser says neutral\n"),
	)
	if err != nil {
		t.Fatal(err)
	}
	s := sc.Sentence("We thank you for the great work, the threat is pivotal.")
	if !slices.Equal(s.Cues, []string{"pivotal"}) {
		t.Errorf("cues %q, want [pivotal]", s.Cues)
	}
	if !slices.Equal(s.Masked, []string{"We thank you for the great work", "threat"}) {
		t.Errorf("masked %q", s.Masked)
	}
	if got := sc.Sentence("We are happy.").Compound; got != 0 {
		t.Errorf("adjusted word still scores %.3f", got)
	}
	if s := sc.Sentence("We are not great."); !slices.Equal(s.Cues, []string{"not great"}) || s.Compound >= 0 {
		t.Errorf("embedded rules not applied: %+v", s)
	}
	if _, err := Parse(nil, nil, nil, nil); err != nil {
		t.Errorf("all-nil Parse: %v", err)
	}
}
