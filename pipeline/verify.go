package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// ErrVerify is wrapped by every verification failure.
var ErrVerify = errors.New("verification failed")

// Verify recomputes the checksum and size of every output file recorded in
// dir's manifest and reports every mismatch, missing file, and output file
// (Parquet or JSON) that the manifest does not list. It returns the number
// of files verified.
func Verify(dir string) (int, error) {
	raw, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return 0, fmt.Errorf("%s: %w: cannot read %s: %v", dir, ErrVerify, ManifestName, err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Generator != "plenary" {
		return 0, fmt.Errorf("%s: %w: %s is not a plenary manifest", dir, ErrVerify, ManifestName)
	}
	var problems []string
	listed := map[string]bool{ManifestName: true}
	for _, o := range m.Outputs {
		listed[o.File] = true
		got, err := describeOutput(filepath.Join(dir, o.File), -1)
		switch {
		case errors.Is(err, os.ErrNotExist):
			problems = append(problems, o.File+": missing")
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: %v", o.File, err))
		case got.Bytes != o.Bytes:
			problems = append(problems, fmt.Sprintf("%s: %d bytes, manifest says %d", o.File, got.Bytes, o.Bytes))
		case got.SHA256 != o.SHA256:
			problems = append(problems, fmt.Sprintf("%s: sha256 %s, manifest says %s", o.File, got.SHA256, o.SHA256))
		}
	}
	for _, pattern := range []string{"*.parquet", "*.json"} {
		extra, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, p := range extra {
			if !listed[filepath.Base(p)] {
				problems = append(problems, filepath.Base(p)+": not in the manifest")
			}
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return 0, fmt.Errorf("%s: %w:\n  %s", dir, ErrVerify, joinLines(problems))
	}
	return len(m.Outputs), nil
}

func joinLines(lines []string) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n  "
		}
		out += l
	}
	return out
}
