package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHelperProcess is not a test: TestSIGTERM runs the test binary again
// with PLENARY_HELPER set, to run plenary as a process it can signal.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("PLENARY_HELPER") == "" {
		t.Skip("helper process for TestSIGTERM")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	args := strings.Split(os.Getenv("PLENARY_HELPER"), "\x1f")
	os.Exit(run(ctx, args, os.Stdout, os.Stderr))
}

// TestSIGTERM starts plenary on many transcripts, sends SIGTERM while it
// works, and checks that it exits with 130 promptly and leaves neither the
// output nor a temporary directory behind.
func TestSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	root := t.TempDir()
	in := filepath.Join(root, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../datasets/corpus/oewg2-s1-m9.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("m%02d.txt", i)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outDir := filepath.Join(root, "out")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "PLENARY_HELPER="+strings.Join([]string{"run", "-q", "--out", outDir, in}, "\x1f"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != exitInterrupted {
			t.Fatalf("exit %v, want %d; stderr: %s", err, exitInterrupted, stderr.String())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("plenary did not stop within 30 s of SIGTERM")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
