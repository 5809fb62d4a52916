package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEvalEntities scores a two-turn transcript whose gold mentions are
// France and the European Union, in one annotated region: plenary's
// gazetteer finds both, exactly.
func TestEvalEntities(t *testing.T) {
	dir := t.TempDir()
	text := "Chair\n\nThank you. France, please.\n\nFrance\n\nWe align ourselves with the European Union.\n"
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tr := write("m1.txt", text)
	fr := strings.Index(text, "France,")
	eu := strings.Index(text, "European Union")
	region := strings.Index(text, "Thank")
	gold := write("gold.tsv", "source_file\tbyte_start\tbyte_end\ttext\ttype\n"+
		"m1.txt\t"+itoa(fr)+"\t"+itoa(fr+6)+"\tFrance\tGPE\n"+
		"m1.txt\t"+itoa(eu)+"\t"+itoa(eu+14)+"\tEuropean Union\tORG\n")
	write("sample.tsv", "source_file\tparagraph\tbyte_start\tbyte_end\nm1.txt\t1\t"+itoa(region)+"\t"+itoa(len(text))+"\n")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"eval-entities", "--gold", gold, tr}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"2 mentions in 1 annotated regions", "plenary gazetteer only        1.000  1.000  1.000", "prose v3 alone"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	bad := write("bad.tsv", "file\tstart\n")
	stderr.Reset()
	if code := run(context.Background(), []string{"eval-entities", "--gold", bad, tr}, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "bad.tsv: line 1: header") {
		t.Errorf("bad gold: exit %d, stderr %q", code, stderr.String())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
