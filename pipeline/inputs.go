package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/plenary/plenary/datasets"
	"github.com/plenary/plenary/datasets/ingest"
)

// Input is one transcript to process.
type Input struct {
	Path string // as the user named it, or "embedded:corpus/<name>"
	Name string // base name; unique within a run
	// read returns the file's bytes. It is called by a worker, so that
	// files are read only when they are processed.
	read func() ([]byte, error)
}

// Read returns the transcript's bytes.
func (in Input) Read() ([]byte, error) { return in.read() }

// TranscriptExt is the extension of transcript files in a directory.
const TranscriptExt = ".txt"

// MaxFileBytes is the largest transcript plenary reads (64 MiB). A
// meeting's transcript is a few hundred kilobytes; a file hundreds of times
// larger is a concatenation or not a transcript, and would also overflow
// the tables' 32-bit offsets at 2 GiB.
const MaxFileBytes = 64 << 20

// EmbeddedInputs returns the default corpus embedded in the binary.
func EmbeddedInputs() ([]Input, error) {
	files, err := datasets.Corpus()
	if err != nil {
		return nil, err
	}
	out := make([]Input, len(files))
	for i, f := range files {
		out[i] = Input{Path: "embedded:" + datasets.CorpusDir + "/" + f.Name, Name: f.Name, read: func() ([]byte, error) { return f.Data, nil }}
	}
	return out, nil
}

// FileInput returns an Input for a single file on disk. Reading refuses
// files larger than MaxFileBytes before reading them.
func FileInput(path string) Input {
	return Input{Path: path, Name: filepath.Base(path), read: func() ([]byte, error) {
		if info, err := os.Stat(path); err == nil && info.Size() > MaxFileBytes {
			return nil, &ingest.InputError{File: path, Msg: fmt.Sprintf("the file is %d MiB, larger than plenary's limit of %d MiB for one transcript; split it into meetings", info.Size()>>20, MaxFileBytes>>20)}
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, &ingest.InputError{File: path, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err))}
		}
		return b, nil
	}}
}

// unwrapPath drops the path from an *fs.PathError, which the message
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// DiscoverInputs expands the paths a user named: a file is taken as it is,
// a directory contributes every *.txt regular file below it (recursively;
// symbolic links are not followed, so a link loop cannot hang the walk). Inputs are sorted by base name, so the output does
// not depend on the order of the arguments; two files with the same base
// name are refused, since their turn ids would collide.
func DiscoverInputs(paths []string) ([]Input, error) {
	inputs, _, err := DiscoverInputsSkipped(paths)
	return inputs, err
}

// DiscoverInputsSkipped is DiscoverInputs that also returns the files it
// passed over in directories (other extensions, symbolic links, special
// files), so that they can be reported rather than silently dropped.
func DiscoverInputsSkipped(paths []string) ([]Input, []string, error) {
	var out []Input
	var skipped []string
	for _, p := range paths {
		found, skip, err := discover(p)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, found...)
		skipped = append(skipped, skip...)
	}
	slices.SortFunc(out, func(a, b Input) int { return strings.Compare(a.Name, b.Name) })
	for i := 1; i < len(out); i++ {
		if out[i].Name == out[i-1].Name {
			return nil, nil, &ingest.InputError{File: out[i].Path, Msg: fmt.Sprintf("has the same file name as %s; turn ids are built from file names, so they must be unique", out[i-1].Path)}
		}
	}
	slices.Sort(skipped)
	return out, skipped, nil
}

func discover(p string) ([]Input, []string, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, nil, &ingest.InputError{File: p, Msg: fmt.Sprintf("cannot open: %v", unwrapPath(err))}
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return nil, nil, &ingest.InputError{File: p, Msg: "not a regular file"}
		}
		return []Input{FileInput(p)}, nil, nil
	}
	var out []Input
	var skipped []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return &ingest.InputError{File: path, Msg: fmt.Sprintf("cannot read directory: %v", unwrapPath(err))}
		}
		switch {
		case d.IsDir():
		case d.Type().IsRegular() && strings.EqualFold(filepath.Ext(path), TranscriptExt):
			out = append(out, FileInput(path))
		default:
			skipped = append(skipped, path)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if len(out) == 0 {
		return nil, nil, &ingest.InputError{File: p, Msg: "the directory contains no transcripts (*" + TranscriptExt + " files)"}
	}
	return out, skipped, nil
}
