package ingest

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldTurn is one row of an annotations turns-gold.tsv file.
type goldTurn struct {
	file, code, behalf string
	seq                int
	inferred, proc     bool
}

func readGold(t *testing.T, path string) []goldTurn {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldTurn
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 6 {
			t.Fatalf("%s:%d: %d columns", path, n, len(c))
		}
		seq, err := strconv.Atoi(c[1])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, goldTurn{file: c[0], seq: seq, code: c[2], inferred: c[3] == "true", proc: c[4] == "true",
			behalf: strings.ReplaceAll(c[5], "|", ";")})
	}
	return out
}

// TestAgainstAnnotatedTurns compares every turn of the default corpus and
// of the synthetic hard-case transcripts with the hand-annotated turn list
// in datasets/annotations, and of the unseen-style transcripts in
// testdata/segmentation: speaker, inferred speaker, procedural flag and
// group statements.
func TestAgainstAnnotatedTurns(t *testing.T) {
	sets := []struct{ gold, dir string }{
		{"../annotations/turns-gold.tsv", "../corpus"},
		{"../annotations/synthetic/turns-gold.tsv", "../annotations/synthetic"},
		{"../../testdata/segmentation/turns-gold.tsv", "../../testdata/segmentation"},
	}
	in := newTestIngester(t)
	for _, set := range sets {
		gold := readGold(t, set.gold)
		byFile := map[string]*Transcript{}
		for _, g := range gold {
			tr, ok := byFile[g.file]
			if !ok {
				tr = parseFile(t, in, filepath.Join(set.dir, g.file))
				byFile[g.file] = tr
			}
			if g.seq > len(tr.Turns) {
				t.Errorf("%s: gold has turn %d, got only %d turns", g.file, g.seq, len(tr.Turns))
				continue
			}
			tu := tr.Turns[g.seq-1]
			code := tu.Code
			if tu.Role == RoleChair {
				code = "CHAIR"
			}
			got := goldTurn{file: g.file, seq: tu.Seq, code: code, inferred: tu.Inferred, proc: tu.Procedural, behalf: strings.Join(tu.OnBehalfOf, ";")}
			if code == "CHAIR" {
				got.proc = g.proc // the gold leaves Chair turns unmarked; see the annotations README
			}
			if got != g {
				t.Errorf("%s turn %d:\n got %+v\nwant %+v", g.file, g.seq, got, g)
			}
		}
		counts := map[string]int{}
		for _, g := range gold {
			counts[g.file]++
		}
		for file, tr := range byFile {
			if len(tr.Turns) != counts[file] {
				t.Errorf("%s: %d turns, gold has %d", file, len(tr.Turns), counts[file])
			}
		}
	}
}

func parseFile(t *testing.T, in *Ingester, path string) *Transcript {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := in.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestGoldenTurnLists pins the full turn list of both default transcripts
// (speaker, agenda, offsets, first words). Run with -update after an
// intended change and review the diff.
func TestGoldenTurnLists(t *testing.T) {
	in := newTestIngester(t)
	for _, name := range []string{"oewg2-s1-m8", "oewg2-s1-m9"} {
		t.Run(name, func(t *testing.T) {
			tr := parseFile(t, in, filepath.Join("../corpus", name+".txt"))
			got := turnList(tr)
			golden := filepath.Join("testdata", name+".turns.tsv")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("turn list differs from %s; run go test ./datasets/ingest -update and review the diff", golden)
			}
		})
	}
}

func turnList(tr *Transcript) string {
	var b strings.Builder
	b.WriteString("id\trole\tcode\tspeaker_raw\tinferred\tprocedural\ton_behalf_of\tfloor_to\tagenda_item\tagenda_topic\tline\tchar_start\tchar_end\twords\tfirst_words\n")
	for _, t := range tr.Turns {
		words := strings.Fields(t.Text)
		first := strings.Join(words[:min(8, len(words))], " ")
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%t\t%t\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\n", t.ID, t.Role, t.Code, t.SpeakerRaw, t.Inferred, t.Procedural,
			strings.Join(t.OnBehalfOf, ";"), t.FloorTo, t.AgendaItem, t.AgendaTopic, t.Line,
			tr.Text.SourceChar(t.Start), tr.Text.SourceChar(t.End), t.Words, first)
	}
	return b.String()
}
