package alignment

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
)

// The gold standard is the aligns_with column of the annotated turn lists in
// datasets/annotations (see the README there). It mixes alignment, agreement
// and support, so it is compared with the union of every edge kind except
// Disagrees, and only with edges whose source is the speaker (the annotators
// did not record the candidate countries' alignment with the EU).

const annotations = "../../datasets/annotations"

// goldCode maps the annotation codes to gazetteer codes: the annotations
// write the Non-Aligned Movement as "NAM", which in the gazetteer is
// Namibia's alpha-3 code; the group is GRP-NAM.
func goldCode(c string) string {
	if c == "NAM" {
		return "GRP-NAM"
	}
	return c
}

// lenient lists the README's "borderline inclusions, to be scored
// leniently": a prediction of one of these pairs is not a false positive and
// a miss is not a false negative. Estonia m8 seq 16 is listed there for the
// sentence "encouraged by … the joint statement by Switzerland, Serbia and
// Germany"; Germany and Singapore are cited elsewhere in the turn with clear
// cues ("we support the remarks made by Germany", "As our Singaporean
// colleague … elaborated"), so only Switzerland and Serbia are lenient.
var lenient = map[pairKey]bool{
	{"oewg2-s1-m8.txt", 16, "CHE"}:  true,
	{"oewg2-s1-m8.txt", 16, "SRB"}:  true,
	{"oewg2-s1-m8.txt", 68, "FJI"}:  true,
	{"oewg2-s1-m9.txt", 2, "THA"}:   true,
	{"oewg2-s1-m9.txt", 32, "EU"}:   true,
	{"oewg2-s1-m9.txt", 100, "DOM"}: true,
	// testdata/segmentation/README.md: "unseen-3 seq 24 Canada
	// aligns_with=JPN|PER ("we find ourselves close to the views expressed
	// by Japan and by Peru") is a borderline alignment."
	{"unseen-3.txt", 24, "JPN"}: true,
	{"unseen-3.txt", 24, "PER"}: true,
}

type pairKey struct {
	file   string
	seq    int
	target string
}

type goldTurnRow struct {
	file, code string
	seq        int
	aligns     []string
}

func readTurnsGold(t testing.TB, path string) []goldTurnRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var rows []goldTurnRow
	col := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		c := strings.Split(sc.Text(), "\t")
		if n == 1 {
			for i, h := range c {
				col[h] = i
			}
			for _, h := range []string{"source_file", "seq", "speaker_code", "aligns_with"} {
				if _, ok := col[h]; !ok {
					t.Fatalf("%s: no column %q", path, h)
				}
			}
			continue
		}
		seq, err := strconv.Atoi(c[col["seq"]])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		r := goldTurnRow{file: c[col["source_file"]], seq: seq, code: c[col["speaker_code"]]}
		if a := c[col["aligns_with"]]; a != "" {
			for _, code := range strings.Split(a, "|") {
				r.aligns = append(r.aligns, goldCode(code))
			}
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// turnsOf segments a transcript with the project's ingest package, whose seq
// numbering is the one the gold uses.
func turnsOf(t testing.TB, path string) []ingest.Turn {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	tr, err := ingest.New(cfg, gazetteer.Default()).Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return tr.Turns
}

// score is precision/recall/F1 over (turn, target) pairs.
type score struct {
	tp, fp, fn int
	fps, fns   []string
}

func (s score) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (s score) String() string {
	p, r, f := s.prf()
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", p, r, f, s.tp, s.fp, s.fn)
}

// evaluate scores the extractor on the given transcripts against a gold
// file. With lenientPairs, the README's borderline pairs count neither way.
func evaluate(t testing.TB, x *Extractor, goldPath, dir string, files []string, lenientPairs bool) score {
	t.Helper()
	want := map[pairKey]bool{}
	speaker := map[[2]any]string{}
	inFiles := map[string]bool{}
	for _, f := range files {
		inFiles[f] = true
	}
	for _, r := range readTurnsGold(t, goldPath) {
		if !inFiles[r.file] {
			continue
		}
		speaker[[2]any{r.file, r.seq}] = r.code
		for _, c := range r.aligns {
			want[pairKey{r.file, r.seq, c}] = true
		}
	}
	got := map[pairKey]string{} // pair -> evidence
	for _, f := range files {
		for _, tu := range turnsOf(t, filepath.Join(dir, f)) {
			g, ok := speaker[[2]any{f, tu.Seq}]
			if !ok {
				t.Errorf("%s seq %d: not in the gold", f, tu.Seq)
				continue
			}
			if g == "CHAIR" || tu.Role == ingest.RoleChair {
				if (g == "CHAIR") != (tu.Role == ingest.RoleChair) {
					t.Logf("%s seq %d: ingest role %s, gold speaker %s", f, tu.Seq, tu.Role, g)
				}
				continue
			}
			if tu.Code != g {
				t.Logf("%s seq %d: ingest speaker %s, gold %s (gold speaker used)", f, tu.Seq, tu.Code, g)
			}
			for _, e := range x.Extract(tu.Text, g) {
				if e.Kind == Disagrees || e.Source != "" {
					continue
				}
				k := pairKey{f, tu.Seq, e.Target}
				if _, dup := got[k]; !dup {
					got[k] = fmt.Sprintf("%s [%s %q] %s", e.Kind, e.Target, e.Cue, e.Sentence)
				}
			}
		}
	}
	var s score
	for k, ev := range got {
		switch {
		case want[k]:
			s.tp++
		case lenientPairs && lenient[k]:
		default:
			s.fp++
			s.fps = append(s.fps, fmt.Sprintf("FP %s #%d %s: %s", k.file, k.seq, k.target, ev))
		}
	}
	for k := range want {
		if _, ok := got[k]; ok {
			continue
		}
		if lenientPairs && lenient[k] {
			continue
		}
		s.fn++
		s.fns = append(s.fns, fmt.Sprintf("FN %s #%d %s", k.file, k.seq, k.target))
	}
	sort.Strings(s.fps)
	sort.Strings(s.fns)
	return s
}

// TestGold reports precision, recall and F1 of the (turn, target) pairs
// against the annotated aligns_with column and fails below a floor per set.
//
// How independent each set is, which the figures must be read with:
//
//   - corpus (oewg2-s1-m8/m9): the lexicon was written while reading these
//     two transcripts, so their figures are in-sample.
//   - synthetic-dev (s2-m1, s2-m4): read while writing the lexicon; in-sample.
//   - synthetic-test (s3-m2, s3-m6): the held-out split of the annotations
//     README. Scored once with the lexicon frozen: P=1.000 R=0.833 F1=0.909
//     (5 of 6 pairs; the miss was Austria "associates itself with the
//     statement of the European Union and with the remarks just made by
//     Portugal"). The target slot was then extended to coordinated
//     "and with" phrases, a general construction, and the split now scores
//     1.000; that later figure is no longer a held-out estimate.
//   - unseen (testdata/segmentation/unseen-1…5): transcripts written for the
//     segmentation tests, never read while writing the lexicon; scored after
//     the "and with" change and not tuned on: P=1.000 R=0.846 F1=0.917 (the
//     miss is the README's borderline "close to the views expressed by Japan
//     and by Peru").
//
// The floors sit a little below those figures: they catch regressions, they
// do not certify accuracy on new meetings.
func TestGold(t *testing.T) {
	x, err := New(gazetteer.Default())
	if err != nil {
		t.Fatal(err)
	}
	sets := []struct {
		name, gold, dir string
		files           []string
		floorF1         float64
	}{
		{"corpus", annotations + "/turns-gold.tsv", "../../datasets/corpus", []string{"oewg2-s1-m8.txt", "oewg2-s1-m9.txt"}, 0.93},
		{"synthetic-dev", annotations + "/synthetic/turns-gold.tsv", annotations + "/synthetic", []string{"synthetic-s2-m1.txt", "synthetic-s2-m4.txt"}, 0.90},
		{"unseen", "../../testdata/segmentation/turns-gold.tsv", "../../testdata/segmentation", []string{"unseen-1.txt", "unseen-2.txt", "unseen-3.txt", "unseen-4.txt", "unseen-5.txt"}, 0.85},
		{"synthetic-test", annotations + "/synthetic/turns-gold.tsv", annotations + "/synthetic", []string{"synthetic-s3-m2.txt", "synthetic-s3-m6.txt"}, 0.90},
	}
	for _, set := range sets {
		strict := evaluate(t, x, set.gold, set.dir, set.files, false)
		lenS := evaluate(t, x, set.gold, set.dir, set.files, true)
		t.Logf("%-15s strict  %s", set.name, strict)
		t.Logf("%-15s lenient %s", set.name, lenS)
		for _, l := range append(strict.fps, strict.fns...) {
			t.Logf("  %s", l)
		}
		if _, _, f := strict.prf(); f < set.floorF1 {
			t.Errorf("%s: strict F1 %.3f below the floor %.2f", set.name, f, set.floorF1)
		}
	}
}
