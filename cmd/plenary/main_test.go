package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodesAndMessages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", "Chair\n\nGood morning. Cuba, please.\n\nCuba\n\nThank you, Mr. Chair.\n")
	binary := write("bin.txt", "\x00\x01\x02")
	empty := filepath.Join(dir, "nothing")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"version", []string{"version"}, exitOK, "plenary 0.", ""},
		{"run a file", []string{"run", "-q", "--out", out, good}, exitOK, "1 files, 2 turns, 1 delegations", ""},
		{"binary input", []string{"run", "--out", filepath.Join(dir, "o2"), binary}, exitBadInput, "", "bin.txt: line 1: binary data"},
		{"empty directory", []string{"run", "--out", filepath.Join(dir, "o3"), empty}, exitBadInput, "", "contains no transcripts"},
		{"missing file", []string{"run", "--out", filepath.Join(dir, "o4"), filepath.Join(dir, "nope.txt")}, exitBadInput, "", "nope.txt: cannot open"},
		{"unknown flag", []string{"run", "--frobnicate"}, exitUsage, "", "unknown flag"},
		{"negative workers", []string{"run", "--workers", "-2"}, exitUsage, "", "--workers must be positive"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", "unknown command"},
		{"foreign output dir", []string{"run", "--out", dir, good}, exitFailed, "", "was not written by plenary"},
		{"verify a fresh output", []string{"verify", out}, exitOK, "files match manifest.json", ""},
		{"verify a directory without manifest", []string{"verify", dir}, exitFailed, "", "verification failed"},
		{"schema", []string{"schema"}, exitOK, "## stance.parquet", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), c.args, &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, c.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), c.stdout) {
				t.Errorf("stdout %q lacks %q", stdout.String(), c.stdout)
			}
			if !strings.Contains(stderr.String(), c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), c.stderr)
			}
		})
	}
	for _, o := range []string{"o2", "o3", "o4"} {
		if _, err := os.Stat(filepath.Join(dir, o)); !os.IsNotExist(err) {
			t.Errorf("failed run left %s behind", o)
		}
	}
}

// TestTargetsFile: a user's target file changes the results without
// recompiling; a malformed one is refused with its line number.
func TestTargetsFile(t *testing.T) {
	dir := t.TempDir()
	tr := filepath.Join(dir, "m.txt")
	if err := os.WriteFile(tr, []byte("Chair\n\nCuba, please.\n\nCuba\n\nThank you, Chair. We support a legally binding instrument.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "targets.yaml")
	if err := os.WriteFile(good, []byte("version: 1\ntargets:\n  - id: lbi\n    names: [legally binding instrument]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("version: 1\ntargets:\n  - id: lbi\n    nmes: [x]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"run", "-q", "--out", filepath.Join(dir, "o1"), "--targets", good, tr}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "CUB") || !strings.Contains(stdout.String(), "lbi") || !strings.Contains(stdout.String(), "support (1)") {
		t.Errorf("stance table lacks CUB supporting lbi:\n%s", stdout.String())
	}
	stdout.Reset()
	stderr.Reset()
	code := run(context.Background(), []string{"run", "-q", "--out", filepath.Join(dir, "o2"), "--targets", bad, tr}, &stdout, &stderr)
	if code == exitOK || !strings.Contains(stderr.String(), "bad.yaml: line 4: field nmes not found") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "o2")); !os.IsNotExist(err) {
		t.Error("a refused target file left output behind")
	}
}
