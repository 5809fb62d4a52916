package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/pipeline/tables"
)

const hostile = "../testdata/hostile"

// speakersOf reads interventions.parquet and renders each turn's speaker:
// CHAIR, the code, or "?" (role other); "*" marks an inferred speaker.
func speakersOf(t *testing.T, out string) string {
	t.Helper()
	var s []string
	err := tables.Scan(context.Background(), filepath.Join(out, "interventions.parquet"), []string{"speaker_role", "delegation_code"}, func(r tables.Row) error {
		switch code := r.Str("delegation_code"); {
		case r.Str("speaker_role") == "chair":
			s = append(s, "CHAIR")
		case code == "":
			s = append(s, "?")
		default:
			s = append(s, code)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(s, " ")
}

// TestHostileInputs asserts the documented outcome for every file of the
// hostile corpus: processed (with the warnings named) or refused with a
// clear error naming the file; never a panic, never a partial output.
func TestHostileInputs(t *testing.T) {
	cases := []struct {
		file     string
		refused  string // substring of the error; "" if processed
		speakers string // when processed
		warning  string // substring of a warning, if one is expected
	}{
		{"binary.txt", "binary.txt: line 3: binary data", "", ""},
		{"latin1.txt", "latin1.txt: line 9: not valid UTF-8", "", ""},
		{"invalid-utf8.txt", "invalid-utf8.txt: line 14: not valid UTF-8", "", ""},
		{"utf16.txt", "utf16.txt: the file is UTF-16", "", ""},
		{"page.html.txt", "page.html.txt: line 1: this is an HTML page", "", ""},
		{"empty.txt", "empty.txt: the file is empty", "", ""},
		{"whitespace.txt", "whitespace.txt: the file contains only whitespace", "", ""},
		{"no-speaker.txt", "no-speaker.txt: no recognisable speaker", "", ""},
		{"bom.txt", "", "CHAIR KEN", ""},
		{"crlf.txt", "", "CHAIR KEN", ""},
		{"cr.txt", "", "CHAIR KEN", ""},
		{"heading-no-speech.txt", "", "CHAIR KEN CAN", `heading "Canada" has no speech`},
		{"speech-no-heading.txt", "", "? CHAIR KEN", "text before the first speaker heading"},
		{"cut-mid-word.txt", "", "CHAIR KEN CHAIR", ""},
		{"unknown-speaker.txt", "", "CHAIR KEN ?", `unknown speaker "International Chamber of Commerce"`},
		{"other-scripts.txt", "", "CHAIR KEN ?", `unknown speaker "Российская Федерация"`},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "out")
			rep, err := Execute(context.Background(), Job{Paths: []string{filepath.Join(hostile, c.file)}, OutDir: out, Workers: 1})
			if c.refused != "" {
				if err == nil || !errors.Is(err, ingest.ErrBadInput) || !strings.Contains(err.Error(), c.refused) {
					t.Fatalf("error %v, want a bad-input error with %q", err, c.refused)
				}
				if entries, _ := os.ReadDir(root); len(entries) != 0 {
					t.Errorf("refused input left %v", entries)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := speakersOf(t, out); got != c.speakers {
				t.Errorf("speakers %q, want %q", got, c.speakers)
			}
			warnings := strings.Join(rep.Manifest.Inputs[0].Warnings, "\n")
			if !strings.Contains(warnings, c.warning) {
				t.Errorf("warnings %q lack %q", warnings, c.warning)
			}
		})
	}
}

// TestHostileDirectories covers what cannot be committed as a file: a
// directory mixing transcripts and other files (reported as skipped), a
// symbolic-link loop, an unreadable file, a 200 MB transcript and very long
// lines.
func TestHostileDirectories(t *testing.T) {
	t.Run("mixed directory", func(t *testing.T) {
		rep, err := Execute(context.Background(), Job{Paths: []string{filepath.Join(hostile, "mixed")}, OutDir: filepath.Join(t.TempDir(), "out")})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Manifest.Inputs) != 2 || len(rep.Manifest.Skipped) != 2 || !strings.HasSuffix(rep.Manifest.Skipped[0], "README.md") {
			t.Errorf("inputs %d, skipped %v", len(rep.Manifest.Inputs), rep.Manifest.Skipped)
		}
	})
	t.Run("symlink loop", func(t *testing.T) {
		dir := t.TempDir()
		copyFile(t, filepath.Join(hostile, "crlf.txt"), filepath.Join(dir, "ok.txt"))
		if err := os.Symlink("loop.txt", filepath.Join(dir, "loop.txt")); err != nil {
			t.Skip("no symlinks here:", err)
		}
		if err := os.Symlink(".", filepath.Join(dir, "self")); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		var rep *Report
		go func() {
			var err error
			rep, err = Execute(context.Background(), Job{Paths: []string{dir}, OutDir: filepath.Join(t.TempDir(), "out")})
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil || len(rep.Manifest.Inputs) != 1 || len(rep.Manifest.Skipped) != 2 {
				t.Fatalf("err %v, skipped %v", err, rep.Manifest.Skipped)
			}
		case <-time.After(time.Minute):
			t.Fatal("hung on a symlink loop")
		}
		_, err := Execute(context.Background(), Job{Paths: []string{filepath.Join(dir, "loop.txt")}, OutDir: filepath.Join(t.TempDir(), "out")})
		if !errors.Is(err, ingest.ErrBadInput) || !strings.Contains(err.Error(), "loop.txt: cannot open") {
			t.Errorf("naming the loop itself: %v", err)
		}
	})
	t.Run("unreadable file", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads any file")
		}
		p := filepath.Join(t.TempDir(), "secret.txt")
		copyFile(t, filepath.Join(hostile, "crlf.txt"), p)
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		_, err := Execute(context.Background(), Job{Paths: []string{p}, OutDir: filepath.Join(t.TempDir(), "out")})
		if !errors.Is(err, ingest.ErrBadInput) || !strings.Contains(err.Error(), "secret.txt: cannot read: permission denied") {
			t.Errorf("error %v", err)
		}
	})
	t.Run("200 MB transcript", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "huge.txt")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
			t.Fatal(err)
		}
		f.Close()
		root := t.TempDir()
		_, err = Execute(context.Background(), Job{Paths: []string{p}, OutDir: filepath.Join(root, "out")})
		if !errors.Is(err, ingest.ErrBadInput) || !strings.Contains(err.Error(), "huge.txt: the file is 200 MiB, larger than plenary's limit of 64 MiB") {
			t.Errorf("error %v", err)
		}
		if entries, _ := os.ReadDir(root); len(entries) != 0 {
			t.Errorf("left %v", entries)
		}
	})
	t.Run("very long lines", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "long.txt")
		long := strings.Repeat("We support the Programme of Action and recall that capacity matters. ", 8000) // ~560 KB in one line
		body := "Chair\n\nKenya, please.\n\nKenya\n\n" + long + "\n"
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "out")
		if _, err := Execute(context.Background(), Job{Paths: []string{p}, OutDir: out}); err != nil {
			t.Fatal(err)
		}
		if got := speakersOf(t, out); got != "CHAIR KEN" {
			t.Errorf("speakers %q", got)
		}
	})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
