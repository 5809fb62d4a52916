package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/models/evaluate"
	"github.com/plenary/plenary/nlp"
	"github.com/plenary/plenary/pipeline"
	"github.com/plenary/plenary/pipeline/tables"
	"github.com/spf13/cobra"
)

type entityEvalFlags struct {
	gold, sample string
	errors       bool
}

func newEvalEntitiesCmd(stdout io.Writer) *cobra.Command {
	var f entityEvalFlags
	cmd := &cobra.Command{
		Use:   "eval-entities --gold FILE [--sample FILE] [PATH ...]",
		Short: "Score named entities against a hand-annotated sample, beside prose alone",
		Long: `Score the named entities of entities.parquet against hand-annotated mentions,
and, on the same text, those of prose v3 alone (NewDocument with default
options) and of plenary's gazetteer alone: precision, recall and F1 by exact
byte span, by span and type, and recall per gold type.

The gold file is a TSV with columns source_file, byte_start, byte_end, text,
type; the sample file (default: sample.tsv next to the gold file) lists the
annotated byte ranges (source_file, paragraph, byte_start, byte_end): only
predictions inside them are scored. Types: GPE, ORG, PERSON, NORP; plenary's
demonym matches count as NORP, and prose's ORGANIZATION and LOCATION labels
are read as ORG and LOC for both systems. PATHs name the transcripts;
without them the embedded corpus is used. --errors lists plenary's wrong
and missed mentions.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.gold == "" {
				return usageError{fmt.Errorf("--gold FILE is required")}
			}
			if f.sample == "" {
				f.sample = filepath.Join(filepath.Dir(f.gold), "sample.tsv")
			}
			return runEvalEntities(cmd.Context(), args, f, stdout)
		},
	}
	cmd.Flags().StringVarP(&f.gold, "gold", "g", "", "gold entity mentions TSV")
	cmd.Flags().StringVar(&f.sample, "sample", "", "annotated regions TSV (default: sample.tsv beside the gold file)")
	cmd.Flags().BoolVar(&f.errors, "errors", false, "list plenary's wrong and missed mentions")
	return cmd
}

func runEvalEntities(ctx context.Context, paths []string, f entityEvalFlags, stdout io.Writer) error {
	gold, err := readWith(f.gold, evaluate.ReadEntityGold)
	if err != nil {
		return err
	}
	regions, err := readWith(f.sample, evaluate.ReadRegions)
	if err != nil {
		return err
	}
	texts, err := transcriptTexts(paths)
	if err != nil {
		return err
	}
	systems := []struct {
		name string
		run  func() ([]evaluate.Mention, error)
	}{
		{"plenary (gazetteer + prose)", func() ([]evaluate.Mention, error) { return plenaryMentions(ctx, paths, pipeline.DefaultNLP) }},
		{"plenary gazetteer only", func() ([]evaluate.Mention, error) { return plenaryMentions(ctx, paths, nlp.Options{}) }},
		{"prose v3 alone", func() ([]evaluate.Mention, error) { return proseMentions(texts) }},
	}
	fmt.Fprintf(stdout, "gold %s: %d mentions in %d annotated regions\n", f.gold, len(gold), len(regions))
	fmt.Fprintf(stdout, "%-28s %6s %6s %6s  %6s %6s %6s  %s\n", "system", "P", "R", "F1", "P typ", "R typ", "F1 typ", "recall by gold type")
	for _, s := range systems {
		pred, err := s.run()
		if err != nil {
			return err
		}
		rep := evaluate.ScoreEntities(gold, regions, pred)
		fmt.Fprintf(stdout, "%-28s %6.3f %6.3f %6.3f  %6.3f %6.3f %6.3f  %s\n", s.name, rep.Span.Precision, rep.Span.Recall, rep.Span.F1,
			rep.Typed.Precision, rep.Typed.Recall, rep.Typed.F1, recallByType(rep))
		if f.errors && s.name == systems[0].name {
			defer listEntityErrors(stdout, gold, regions, pred)
		}
	}
	return nil
}

// listEntityErrors prints the predictions in the annotated regions that
// match no gold span, and the gold mentions no prediction matches.
func listEntityErrors(w io.Writer, gold []evaluate.Mention, regions []evaluate.Region, pred []evaluate.Mention) {
	wrong, missed := evaluate.EntityErrors(gold, regions, pred)
	fmt.Fprintf(w, "\nplenary: %d predictions match no gold span\n", len(wrong))
	for _, m := range wrong {
		fmt.Fprintf(w, "  + %s %d-%d %s %q\n", m.File, m.Start, m.End, m.Type, m.Text)
	}
	fmt.Fprintf(w, "plenary: %d gold mentions missed\n", len(missed))
	for _, m := range missed {
		fmt.Fprintf(w, "  - %s %d-%d %s %q\n", m.File, m.Start, m.End, m.Type, m.Text)
	}
}

// readWith opens path and parses it with read, as an input error naming
// the file on failure.
func readWith[T any](path string, read func(string, io.Reader) ([]T, error)) ([]T, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, &ingest.InputError{File: path, Msg: fmt.Sprintf("cannot open: %v", err)}
	}
	defer fh.Close()
	out, err := read(path, fh)
	if err != nil {
		return nil, &ingest.InputError{File: path, Msg: err.Error()}
	}
	return out, nil
}

func recallByType(rep evaluate.EntityReport) string {
	types := make([]string, 0, len(rep.RecallByType))
	for t := range rep.RecallByType {
		types = append(types, t)
	}
	slices.Sort(types)
	var parts []string
	for _, t := range types {
		s := rep.RecallByType[t]
		parts = append(parts, fmt.Sprintf("%s %.3f (%d)", t, s.Recall, s.Gold))
	}
	return strings.Join(parts, ", ")
}

// transcriptTexts returns the raw text of each transcript by file name:
// the files of paths, or the embedded corpus.
func transcriptTexts(paths []string) (map[string]string, error) {
	var inputs []pipeline.Input
	var err error
	if len(paths) == 0 {
		inputs, err = pipeline.EmbeddedInputs()
	} else {
		inputs, _, err = pipeline.DiscoverInputsSkipped(paths)
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, in := range inputs {
		raw, err := in.Read()
		if err != nil {
			return nil, err
		}
		out[in.Name] = string(raw)
	}
	return out, nil
}

// plenaryMentions runs plenary with opt into a temporary directory and
// reads its entities back, with source-file byte offsets.
func plenaryMentions(ctx context.Context, paths []string, opt nlp.Options) ([]evaluate.Mention, error) {
	tmp, err := os.MkdirTemp("", "plenary-entities-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "out")
	if _, err := pipeline.Execute(ctx, pipeline.Job{Paths: paths, OutDir: out, NLP: opt}); err != nil {
		return nil, err
	}
	files := map[string]string{}
	err = tables.Scan(ctx, filepath.Join(out, tables.Interventions.Name+".parquet"), []string{"intervention_id", "source_file"}, func(r tables.Row) error {
		files[r.Str("intervention_id")] = r.Str("source_file")
		return nil
	})
	if err != nil {
		return nil, err
	}
	var ms []evaluate.Mention
	err = tables.Scan(ctx, filepath.Join(out, tables.Entities.Name+".parquet"), []string{"intervention_id", "text", "label", "demonym", "byte_start", "byte_end"}, func(r tables.Row) error {
		typ := r.Str("label")
		if r.Bool("demonym") {
			typ = "NORP"
		}
		ms = append(ms, evaluate.Mention{File: files[r.Str("intervention_id")], Start: r.Int("byte_start"), End: r.Int("byte_end"), Text: r.Str("text"), Type: typ})
		return nil
	})
	return ms, err
}

// proseMentions runs prose v3 alone over each transcript.
func proseMentions(texts map[string]string) ([]evaluate.Mention, error) {
	var ms []evaluate.Mention
	for name, text := range texts {
		ents, _, err := nlp.ProseBaseline(text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, e := range ents {
			ms = append(ms, evaluate.Mention{File: name, Start: e.Start, End: e.End, Text: e.Text, Type: nlp.NormalLabel(e.Label)})
		}
	}
	return ms, nil
}
