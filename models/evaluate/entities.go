package evaluate

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Mention is one named-entity mention: a byte span of a source file and
// its type (GPE, ORG, PERSON, NORP, ...).
type Mention struct {
	File       string
	Start, End int // byte offsets in the source file, end exclusive
	Text, Type string
}

// Region is a byte range of a source file that the annotator read: only
// predictions inside a region are scored.
type Region struct {
	File       string
	Start, End int
}

// ReadEntityGold reads a gold mention file with the header
// source_file, byte_start, byte_end, text, type (tab-separated). name is
// used in error messages.
func ReadEntityGold(name string, r io.Reader) ([]Mention, error) {
	var out []Mention
	err := readTSV(name, r, []string{"source_file", "byte_start", "byte_end", "text", "type"}, func(line int, f []string) error {
		start, end, err := span(f[1], f[2])
		if err != nil {
			return err
		}
		out = append(out, Mention{File: f[0], Start: start, End: end, Text: f[3], Type: f[4]})
		return nil
	})
	return out, err
}

// ReadRegions reads the annotated regions of an entity sample, with the
// header source_file, paragraph, byte_start, byte_end.
func ReadRegions(name string, r io.Reader) ([]Region, error) {
	var out []Region
	err := readTSV(name, r, []string{"source_file", "paragraph", "byte_start", "byte_end"}, func(line int, f []string) error {
		start, end, err := span(f[2], f[3])
		if err != nil {
			return err
		}
		out = append(out, Region{File: f[0], Start: start, End: end})
		return nil
	})
	return out, err
}

func span(a, b string) (int, int, error) {
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || end <= start {
		return 0, 0, fmt.Errorf("bad byte span %q-%q", a, b)
	}
	return start, end, nil
}

// readTSV reads a tab-separated file whose header must be want, calling
// row with the 1-based line number and the fields of every data line.
func readTSV(name string, r io.Reader, want []string, row func(line int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if line == 1 {
			if !slices.Equal(f, want) {
				return fmt.Errorf("%s: line 1: header %q, want %q", name, f, want)
			}
			continue
		}
		if len(f) == 1 && f[0] == "" {
			continue
		}
		if len(f) != len(want) {
			return fmt.Errorf("%s: line %d: %d fields, want %d", name, line, len(f), len(want))
		}
		if err := row(line, f); err != nil {
			return fmt.Errorf("%s: line %d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if line == 0 {
		return fmt.Errorf("%s: empty file", name)
	}
	return nil
}

// EntityScore is precision, recall and F1 of predicted mentions against
// gold mentions.
type EntityScore struct {
	Gold, Predicted, Correct int
	Precision, Recall, F1    float64
}

// EntityReport scores one system's mentions: by exact span alone, by exact
// span and type, and the recall of each gold type by exact span.
type EntityReport struct {
	Span, Typed EntityScore
	// RecallByType has, for each gold type, its gold mentions (Gold), how
	// many of them were predicted with the exact span, whatever the
	// predicted type (Correct), and that Recall.
	RecallByType map[string]EntityScore
}

// ScoreEntities compares predicted mentions with gold ones. Predictions
// outside every region are ignored (the annotator did not read there);
// a prediction is correct when its file and byte span equal a gold
// mention's, and correct by type when its type is equal too. Duplicate
// predictions of one span count once.
func ScoreEntities(gold []Mention, regions []Region, pred []Mention) EntityReport {
	type key struct {
		file       string
		start, end int
	}
	goldType := map[key]string{}
	for _, g := range gold {
		goldType[key{g.File, g.Start, g.End}] = g.Type
	}
	inRegion := func(m Mention) bool {
		return slices.ContainsFunc(regions, func(r Region) bool { return r.File == m.File && m.Start >= r.Start && m.End <= r.End })
	}
	rep := EntityReport{RecallByType: map[string]EntityScore{}}
	rep.Span.Gold, rep.Typed.Gold = len(goldType), len(goldType)
	seen := map[key]bool{}
	for _, p := range pred {
		k := key{p.File, p.Start, p.End}
		if seen[k] || !inRegion(p) {
			continue
		}
		seen[k] = true
		rep.Span.Predicted++
		rep.Typed.Predicted++
		if gt, ok := goldType[k]; ok {
			rep.Span.Correct++
			if gt == p.Type {
				rep.Typed.Correct++
			}
		}
	}
	for k, t := range goldType {
		s := rep.RecallByType[t]
		s.Gold++
		if seen[k] {
			s.Correct++
		}
		rep.RecallByType[t] = s
	}
	rep.Span.finish()
	rep.Typed.finish()
	for t, s := range rep.RecallByType {
		s.Recall = ratio(s.Correct, s.Gold)
		rep.RecallByType[t] = s
	}
	return rep
}

func (s *EntityScore) finish() {
	s.Precision = ratio(s.Correct, s.Predicted)
	s.Recall = ratio(s.Correct, s.Gold)
	s.F1 = ratio(2*s.Correct, s.Predicted+s.Gold)
}

// EntityErrors returns, in file and offset order, the predictions inside
// the regions whose span matches no gold mention (wrong), and the gold
// mentions whose span no prediction matches (missed).
func EntityErrors(gold []Mention, regions []Region, pred []Mention) (wrong, missed []Mention) {
	type key struct {
		file       string
		start, end int
	}
	isGold, isPred := map[key]bool{}, map[key]bool{}
	for _, g := range gold {
		isGold[key{g.File, g.Start, g.End}] = true
	}
	for _, p := range pred {
		k := key{p.File, p.Start, p.End}
		inside := slices.ContainsFunc(regions, func(r Region) bool { return r.File == p.File && p.Start >= r.Start && p.End <= r.End })
		if inside && !isPred[k] {
			isPred[k] = true
			if !isGold[k] {
				wrong = append(wrong, p)
			}
		}
	}
	for _, g := range gold {
		if !isPred[key{g.File, g.Start, g.End}] {
			missed = append(missed, g)
		}
	}
	order := func(a, b Mention) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Start - b.Start
	}
	slices.SortFunc(wrong, order)
	slices.SortFunc(missed, order)
	return wrong, missed
}
