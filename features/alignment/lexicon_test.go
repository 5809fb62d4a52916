package alignment

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/plenary/plenary/datasets/gazetteer"
	lexdata "github.com/plenary/plenary/datasets/lexicons/alignment"
)

// minimalLexicon is the smallest valid lexicon: the required classes and one
// cue. Lines: 1 version, 2-16 classes, 17 cue.
const minimalLexicon = "version\t1\n" +
	"class\tregion\tthe|of|by|and|,|proposal|statement\n" +
	"class\tstatement\tstatement\n" +
	"class\tproposal\tproposal\n" +
	"class\tdemonym_head\tdelegation\n" +
	"class\tnegation\tnot\n" +
	"class\tnegation_exception\tonly\n" +
	"class\tboundary\t,\n" +
	"class\tclause_start\tand\n" +
	"class\tclause_verb\twould\n" +
	"class\tpast\tbacked\n" +
	"class\thistorical\tprevious\n" +
	"class\tfinite\tis\n" +
	"class\tfinite_past\twas\n" +
	"class\tfinite_perfect\thas\n" +
	"class\tparticiple\tbeen\n" +
	"cue\tsupports\tnoun\tback|backs T\n"

// TestParseUserLexicon checks that a user's lexicon replaces the default:
// only its cues are read.
func TestParseUserLexicon(t *testing.T) {
	x, err := Parse(gazetteer.Default(), strings.NewReader(minimalLexicon))
	if err != nil {
		t.Fatal(err)
	}
	got := brief(x.Extract("We back the proposal of Chile. We align ourselves with the statement of the EU.", "PER"))
	want := []string{"CHL:supports_proposal"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestParseErrors checks that every kind of mistake in a lexicon is reported
// with its line, so that a typo never silently changes results.
func TestParseErrors(t *testing.T) {
	replaceLine := func(n int, with string) string {
		lines := strings.Split(minimalLexicon, "\n")
		lines[n-1] = with
		return strings.Join(lines, "\n")
	}
	cases := []struct {
		name, lexicon, want string
	}{
		{"unknown directive", replaceLine(17, "cues\tsupports\tnoun\tback T"), "line 17: unknown directive"},
		{"unknown kind", replaceLine(17, "cue\tbacks\tnoun\tback T"), "line 17: unknown kind"},
		{"unknown flag", replaceLine(17, "cue\tsupports\tnoun,loud\tback T"), "line 17: unknown flag"},
		{"unknown class", replaceLine(17, "cue\tagrees\t-\t@verbs T"), "line 17: unknown class @verbs"},
		{"no target", replaceLine(17, "cue\tagrees\t-\tagree with"), "line 17: pattern \"agree with\" must contain exactly one T"},
		{"two targets", replaceLine(17, "cue\tagrees\t-\tT agree with T"), "line 17: pattern \"T agree with T\" must contain exactly one T"},
		{"caret not first", replaceLine(17, "cue\tagrees\t-\tlike ^ T"), "line 17: ^ must be the first element"},
		{"no required word", replaceLine(17, "cue\tagrees\t-\tlike? T"), "line 17: pattern \"like? T\" has no required word"},
		{"supports without noun", replaceLine(17, "cue\tsupports\t-\tback T"), "line 17: kind supports needs the noun flag"},
		{"source not first", replaceLine(17, "cue\taligns\tsource\talign with T"), "line 17: a source cue must start with T"},
		{"field count", replaceLine(17, "cue\tsupports\tback T"), "line 17: cue line needs 4 tab-separated fields"},
		{"bad negative element", replaceLine(17, "cue\tagrees\t-\tagree ! T"), "line 17: bad negative element"},
		{"empty item", replaceLine(3, "class\tstatement\tstatement||remarks"), "line 3: class \"statement\" has an empty item"},
		{"bad class name", replaceLine(3, "class\tStatement\tstatement"), "line 3: bad class name"},
		{"duplicate class", replaceLine(4, "class\tstatement\tremarks"), "line 4: class \"statement\" defined twice (first on line 3)"},
		{"wrong version", replaceLine(1, "version\t2"), "line 1: unsupported version \"2\""},
		{"second version", replaceLine(17, "version\t1"), "line 17: second version line (first on line 1)"},
		{"no version", replaceLine(1, "# no version"), "no version line"},
		{"missing required class", replaceLine(16, ""), "required class \"participle\" is not defined"},
		{"no cues", replaceLine(17, ""), "no cue lines"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(gazetteer.Default(), strings.NewReader(c.lexicon))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "alignment lexicon: ") {
				t.Errorf("error %q, want it to contain %q", err, c.want)
			}
		})
	}
	if _, err := Parse(nil, strings.NewReader(minimalLexicon)); err == nil {
		t.Error("Parse(nil gazetteer) did not fail")
	}
	if _, err := New(nil); err == nil {
		t.Error("New(nil) did not fail")
	}
}

// TestDefaultLexicon checks the embedded lexicon: it parses, has the
// version this package reads, and every kind of cue is present.
func TestDefaultLexicon(t *testing.T) {
	lx, err := parseLexicon(strings.NewReader(lexdata.Cues()))
	if err != nil {
		t.Fatal(err)
	}
	if lx.version != LexiconVersion {
		t.Errorf("version %d, want %d", lx.version, LexiconVersion)
	}
	kinds := map[Kind]int{}
	for _, c := range lx.cues {
		kinds[c.kind]++
	}
	for _, k := range []Kind{Aligns, Agrees, kindSupports, Disagrees} {
		if kinds[k] == 0 {
			t.Errorf("no %s cue in the default lexicon", k)
		}
	}
	// The README's summary line must describe this file.
	readme, err := os.ReadFile("../../datasets/lexicons/alignment/README.md")
	if err != nil {
		t.Fatal(err)
	}
	source := 0
	for _, c := range lx.cues {
		if c.source {
			source++
		}
	}
	summary := fmt.Sprintf("%d patterns: %d `aligns` (%d of them `source`), %d `agrees`, %d `supports`, %d `disagrees`",
		len(lx.cues), kinds[Aligns], source, kinds[Agrees], kinds[kindSupports], kinds[Disagrees])
	if !strings.Contains(string(readme), summary) {
		t.Errorf("README.md does not say %q", summary)
	}
	if lexdata.Name != "cues.tsv" {
		t.Errorf("lexicon name %q", lexdata.Name)
	}
}
