package tables

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/codebook.md")

// TestCodebookInSync keeps docs/codebook.md equal to what the schemas
// generate; run `go test ./pipeline/tables -update` (or `plenary schema
// --out docs/codebook.md`) after changing a table.
func TestCodebookInSync(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCodebook(&buf, All()); err != nil {
		t.Fatal(err)
	}
	const path = "../../docs/codebook.md"
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("docs/codebook.md is out of date: run go test ./pipeline/tables -update")
	}
	for _, info := range All() {
		if !strings.Contains(buf.String(), "## "+info.Name+".parquet") {
			t.Errorf("codebook lacks %s", info.Name)
		}
	}
}
