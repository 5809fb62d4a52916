package main

import (
	"fmt"
	"io"
	"os"

	"github.com/plenary/plenary/pipeline"
	"github.com/plenary/plenary/pipeline/tables"
	"github.com/spf13/cobra"
)

func newSchemaCmd(stdout io.Writer) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "schema [--out FILE]",
		Short: "Print the codebook of the output tables (Markdown), generated from the Arrow schemas",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return tables.WriteCodebook(stdout, tables.All())
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := tables.WriteCodebook(f, tables.All()); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "write the codebook to FILE instead of stdout")
	return cmd
}

func newVerifyCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "verify DIR",
		Short: "Recompute the checksums of an output directory against its manifest",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := pipeline.Verify(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: %d files match manifest.json\n", args[0], n)
			return nil
		},
	}
}
