package main

import (
	"fmt"
	"io"
	"os"

	"github.com/plenary/plenary/models/stance"
	"github.com/spf13/cobra"
)

func newTrainStanceCmd(stdout io.Writer) *cobra.Command {
	var annotations, out string
	cmd := &cobra.Command{
		Use:   "train-stance [--annotations DIR] [--out FILE]",
		Short: "Train the stance sentence model on the gold evidence sentences",
		Long: `Train the sentence classifier that backs off the stance rules (see
docs/stance.md) on every evidence sentence labelled support, oppose or
neutral in DIR/stance-gold.tsv and DIR/*/stance-gold.tsv, and write it to
FILE. Training is deterministic: the same gold files give the same bytes.
The default FILE is the model embedded in plenary (models/stance/sentences.json,
relative to the repository root); rebuild plenary to use a new one.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := stance.GoldFiles(annotations)
			if err != nil {
				return err
			}
			data, desc, err := stance.TrainingSentences(files, func(p string) (io.ReadCloser, error) { return os.Open(p) })
			if err != nil {
				return err
			}
			m, err := stance.TrainSentenceModel(data, stance.SentenceLambda, desc)
			if err != nil {
				return err
			}
			raw, err := m.Marshal()
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, raw, 0o644); err != nil {
				return fmt.Errorf("train-stance: %w", err)
			}
			fmt.Fprintf(stdout, "wrote %s: %d features, trained on %s\n", out, len(m.Vocab), desc)
			return nil
		},
	}
	cmd.Flags().StringVar(&annotations, "annotations", "datasets/annotations", "directory of gold sets")
	cmd.Flags().StringVar(&out, "out", "models/stance/sentences.json", "model file to write")
	return cmd
}
