package notebooks_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/plenary/plenary/pipeline"
)

// The venv lives beside the notebooks (ignored by notebooks/.gitignore) and
// is reused while the stamp file records the SHA-256 of requirements.txt.
const (
	venvDir   = ".venv"
	stampFile = "plenary-requirements.sha256"
	lockDir   = ".venv.lock"
)

// TestNotebooks runs the pipeline on the embedded corpus and executes every
// notebook on its output with run_notebooks.py, in a venv built from
// requirements.txt: this is how `go test ./...` checks the notebooks on a
// fresh machine.
func TestNotebooks(t *testing.T) {
	if testing.Short() {
		t.Skip("executes the notebooks in a Python venv (a few minutes on the first run); skipped with -short")
	}
	python3, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 not found on PATH: the notebooks need Python 3.11 or newer with its venv module "+
			"(Debian: apt-get install python3 python3-venv): %v", err)
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}

	// One test run at a time sets up and uses the shared venv.
	unlock := lock(t, filepath.Join(dir, lockDir))
	defer unlock()

	start := time.Now()
	python := ensureVenv(t, python3, dir)
	t.Logf("venv ready in %.1fs", time.Since(start).Seconds())

	out := filepath.Join(t.TempDir(), "out")
	start = time.Now()
	if _, err := pipeline.Execute(t.Context(), pipeline.Job{OutDir: out, NLP: pipeline.DefaultNLP}); err != nil {
		t.Fatalf("pipeline on the embedded corpus: %v", err)
	}
	t.Logf("pipeline in %.1fs", time.Since(start).Seconds())

	start = time.Now()
	cmd := exec.CommandContext(t.Context(), python, filepath.Join(dir, "run_notebooks.py"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PLENARY_OUT="+out)
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run_notebooks.py failed (%v):\n%s", err, output)
	}
	t.Logf("notebooks in %.1fs:\n%s", time.Since(start).Seconds(), output)
}

// TestNotebooksHaveNoOutputs checks that the committed notebooks carry no
// outputs and no execution counts (figures belong to a run, not the repo).
func TestNotebooksHaveNoOutputs(t *testing.T) {
	paths, err := filepath.Glob("*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no notebooks found")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var nb struct {
			Cells []struct {
				CellType       string            `json:"cell_type"`
				ExecutionCount *int              `json:"execution_count"`
				Outputs        []json.RawMessage `json:"outputs"`
			} `json:"cells"`
			NBFormat int `json:"nbformat"`
		}
		if err := json.Unmarshal(data, &nb); err != nil {
			t.Errorf("%s: not a notebook: %v", p, err)
			continue
		}
		if nb.NBFormat != 4 {
			t.Errorf("%s: nbformat %d, want 4", p, nb.NBFormat)
		}
		for i, c := range nb.Cells {
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				t.Errorf("%s: cell %d has outputs or an execution count; strip them before committing", p, i)
			}
		}
	}
}

// ensureVenv returns the venv's python, creating the venv and installing
// requirements.txt unless the stamp matches the file's SHA-256.
func ensureVenv(t *testing.T, python3, dir string) string {
	t.Helper()
	req, err := os.ReadFile(filepath.Join(dir, "requirements.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(req)
	want := hex.EncodeToString(sum[:]) + "  requirements.txt\n"

	venv := filepath.Join(dir, venvDir)
	python := filepath.Join(venv, "bin", "python")
	if runtime.GOOS == "windows" {
		python = filepath.Join(venv, "Scripts", "python.exe")
	}
	stamp := filepath.Join(venv, stampFile)
	if got, err := os.ReadFile(stamp); err == nil && string(got) == want {
		if err := exec.Command(python, "-c", "import nbclient, pandas").Run(); err == nil {
			t.Logf("reusing %s (requirements.txt unchanged)", venv)
			return python
		}
		t.Logf("%s is broken; recreating it", venv)
	}

	if err := os.RemoveAll(venv); err != nil {
		t.Fatalf("removing the old venv: %v", err)
	}
	run(t, dir, "creating the venv", python3, "-m", "venv", venv)
	run(t, dir, "installing requirements.txt", python, "-m", "pip", "install", "--quiet",
		"--disable-pip-version-check", "--no-input", "-r", filepath.Join(dir, "requirements.txt"))
	if err := os.WriteFile(stamp, []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
	return python
}

func run(t *testing.T, dir, what, name string, args ...string) {
	t.Helper()
	start := time.Now()
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s failed: %s %s: %v\n%s", what, name, strings.Join(args, " "), err, buf.String())
	}
	t.Logf("%s: %.1fs", what, time.Since(start).Seconds())
}

// lock takes a directory lock (os.Mkdir is atomic everywhere), waiting for
// another test run that holds it; a lock older than 30 minutes is stale.
func lock(t *testing.T, path string) (unlock func()) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Minute)
	if d, ok := t.Deadline(); ok && d.Add(-time.Minute).Before(deadline) {
		deadline = d.Add(-time.Minute)
	}
	for {
		err := os.Mkdir(path, 0o755)
		if err == nil {
			return func() { os.Remove(path) }
		}
		if !errors.Is(err, fs.ErrExist) {
			t.Fatalf("taking the venv lock: %v", err)
		}
		if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > 30*time.Minute {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s is held by another test run; remove it if no test is running", path)
		}
		time.Sleep(2 * time.Second)
	}
}
