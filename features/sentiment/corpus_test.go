package sentiment

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// corpusDir is the committed default corpus (datasets/corpus).
const corpusDir = "../../datasets/corpus"

// corpusSentences reads the corpus transcripts and splits them into
// sentences: paragraphs are lines; speaker headings (short lines without
// sentence punctuation) and page furniture are dropped; a sentence ends at
// . ! or ? before a space, except after Mr/Ms/Mrs/Dr.
func corpusSentences(tb testing.TB) map[string][]string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("corpus not found in %s", corpusDir)
	}
	out := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(f)] = splitSentences(string(b))
	}
	return out
}

var sentenceEnd = regexp.MustCompile(`[.!?]["'”’\]]?\s+`)

func splitSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\u00a0", " "))
		if line == "" || (len(strings.Fields(line)) <= 4 && !strings.ContainsAny(line, ".!?")) {
			continue // blank line or speaker heading
		}
		if strings.Contains(line, "unofficial transcript") || strings.HasPrefix(line, "Leave a Reply") {
			continue
		}
		start := 0
		for _, m := range sentenceEnd.FindAllStringIndex(line, -1) {
			before := line[start:m[0]]
			if w := lastWord(before); w == "Mr" || w == "Ms" || w == "Mrs" || w == "Dr" {
				continue
			}
			out = append(out, strings.TrimSpace(line[start:m[1]]))
			start = m[1]
		}
		if rest := strings.TrimSpace(line[start:]); rest != "" {
			out = append(out, rest)
		}
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

type scoredSentence struct {
	file string
	text string
	s    Sentence
}

// TestCorpusReport scores both corpus transcripts and checks the figures
// that show the scorer reads diplomatic language sensibly. Run with -v to
// see the report (share of courtesy sentences, mean tones, the most
// negative and most positive substantive sentences with their cues).
func TestCorpusReport(t *testing.T) {
	sc := mustNew(t)
	corpus := corpusSentences(t)
	names := make([]string, 0, len(corpus))
	for n := range corpus {
		names = append(names, n)
	}
	sort.Strings(names)

	var all []scoredSentence
	var report strings.Builder
	totalN, totalC := 0, 0
	var totalSub, totalCour float64
	for _, name := range names {
		n, nc := 0, 0
		var sub, cour float64
		for _, text := range corpus[name] {
			s := sc.Sentence(text)
			all = append(all, scoredSentence{name, text, s})
			n++
			if s.Courtesy {
				nc++
				cour += s.CourtesyCompound
			} else {
				sub += s.Compound
			}
		}
		fmt.Fprintf(&report, "%s: %d sentences, %d courtesy (%.1f%%), mean substantive %.3f, mean courtesy %.3f\n",
			name, n, nc, 100*float64(nc)/float64(n), sub/float64(n-nc), cour/float64(nc))
		totalN += n
		totalC += nc
		totalSub += sub
		totalCour += cour
	}
	share := float64(totalC) / float64(totalN)
	meanSub := totalSub / float64(totalN-totalC)
	meanCour := totalCour / float64(totalC)
	fmt.Fprintf(&report, "corpus: %d sentences, %d courtesy (%.1f%%), mean substantive %.3f, mean courtesy %.3f\n",
		totalN, totalC, 100*share, meanSub, meanCour)

	var subst []scoredSentence
	for _, x := range all {
		if !x.s.Courtesy {
			subst = append(subst, x)
		}
	}
	sort.SliceStable(subst, func(i, j int) bool { return subst[i].s.Compound < subst[j].s.Compound })
	show := func(title string, xs []scoredSentence) {
		fmt.Fprintf(&report, "\n%s\n", title)
		for _, x := range xs {
			fmt.Fprintf(&report, "%+.3f %s\n       cues %q masked %q\n", x.s.Compound, x.text, x.s.Cues, x.s.Masked)
		}
	}
	k := min(10, len(subst))
	show("most negative substantive sentences:", subst[:k])
	top := append([]scoredSentence(nil), subst[len(subst)-k:]...)
	for i, j := 0, len(top)-1; i < j; i, j = i+1, j-1 {
		top[i], top[j] = top[j], top[i]
	}
	show("most positive substantive sentences:", top)
	t.Log("\n" + report.String())

	// The figures that say the scorer is not fooled by diplomacy.
	if share < 0.15 || share > 0.6 {
		t.Errorf("courtesy share %.3f, want between 0.15 and 0.6", share)
	}
	if meanCour < 0.3 {
		t.Errorf("mean courtesy tone %.3f, want clearly positive", meanCour)
	}
	if meanSub >= meanCour {
		t.Errorf("mean substantive tone %.3f is not below the courtesy tone %.3f", meanSub, meanCour)
	}
	// No most-negative sentence is negative because of a topic word: each
	// has an attitude cue.
	for _, x := range subst[:k] {
		if len(x.s.Cues) == 0 {
			t.Errorf("negative sentence without cues: %q", x.text)
		}
	}
}
