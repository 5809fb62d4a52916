package datasets

import (
	"bytes"
	"testing"
)

func TestCorpusMatchesProvenance(t *testing.T) {
	files, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"oewg2-s1-m8.txt": "2021-12-16", "oewg2-s1-m9.txt": "2021-12-17"}
	if len(files) != len(want) {
		t.Fatalf("%d embedded transcripts, want %d", len(files), len(want))
	}
	for _, f := range files {
		if f.Provenance.Date != want[f.Name] || f.Provenance.URL == "" || f.Provenance.Bytes != len(f.Data) {
			t.Errorf("%s: provenance %+v", f.Name, f.Provenance)
		}
		if !bytes.HasPrefix(f.Data, []byte("Session 1-")) {
			t.Errorf("%s does not start with its session header", f.Name)
		}
	}
}

func TestDefaultConfigIsACopy(t *testing.T) {
	a := DefaultConfig()
	a[0] = '!'
	if DefaultConfig()[0] == '!' {
		t.Error("DefaultConfig returns the embedded bytes themselves")
	}
}
