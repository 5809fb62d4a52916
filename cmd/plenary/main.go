// Command plenary turns UN meeting transcripts into research data: who
// spoke, what they said, under which agenda item, as Parquet tables that
// open in pandas, polars, DuckDB and R.
//
// Usage:
//
//	plenary run [--out DIR] [--workers N] [--config FILE] [--targets FILE] [--force] [PATH ...]
//	plenary eval --gold FILE [PATH ...]
//	plenary eval-entities --gold FILE [--sample FILE] [PATH ...]
//	plenary bench [--copies N] [--cores N,...] [--baseline=false]
//	plenary verify DIR
//	plenary schema [--out FILE]
//	plenary version
//
// With no PATH, `plenary run` processes the corpus embedded in the binary
// (two OEWG meetings of December 2021). Exit status: 0 on success, 1 when
// the run failed (or verify found a mismatch), 2 for a usage error, 3 when
// an input file was refused, 130 when interrupted.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/plenary/plenary/datasets/ingest"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitBadInput    = 3
	exitInterrupted = 130
)

// usageError marks errors in how plenary was called.
type usageError struct{ error }

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// gcPercent is plenary's garbage-collection target when the user sets
// none: the heap may grow to four times the live data between collections
// instead of twice. A run's live data is small and bounded (documents in
// flight, one row group per table, the delegation-level matrices), so this
// costs tens of megabytes and saves about a tenth of the run time spent
// collecting (docs/performance.md).
const gcPercent = 300

// tuneGC sets gcPercent unless GOGC says otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "plenary:", err)
	var ue usageError
	switch {
	case errors.As(err, &ue), strings.HasPrefix(err.Error(), "unknown command"), strings.HasPrefix(err.Error(), "unknown flag"):
		return exitUsage
	case errors.Is(err, ingest.ErrBadInput):
		return exitBadInput
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		return exitInterrupted
	default:
		return exitFailed
	}
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "plenary",
		Short:         "Turn UN meeting transcripts into research data (Parquet tables)",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newRunCmd(stdout, stderr), newEvalCmd(stdout, stderr), newEvalEntitiesCmd(stdout), newBenchCmd(stdout, stderr), newBenchProseCmd(stdout), newTrainStanceCmd(stdout), newVerifyCmd(stdout), newSchemaCmd(stdout), newVersionCmd(stdout))
	return root
}
