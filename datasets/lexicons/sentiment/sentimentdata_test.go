package sentimentdata

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// vaderSHA256 is the checksum of vader_lexicon.txt as distributed in
// vaderSentiment 3.3.2 (CRLF line ends included): the lexicon is shipped
// unmodified, and every change is in adjustments.tsv.
const vaderSHA256 = "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5"

func TestLexiconUnmodified(t *testing.T) {
	sum := sha256.Sum256(Bytes(Lexicon))
	if got := hex.EncodeToString(sum[:]); got != vaderSHA256 {
		t.Errorf("%s sha256 %s, want %s: the VADER lexicon must stay as published (put changes in %s)",
			Lexicon, got, vaderSHA256, Adjustments)
	}
	if n := strings.Count(string(Bytes(Lexicon)), "\n"); n != 7519 {
		t.Errorf("%s has %d lines, want 7519", Lexicon, n)
	}
}

// TestTopicKinds: every topic term has one of the kinds that topics.tsv
// documents.
func TestTopicKinds(t *testing.T) {
	kinds := map[string]bool{"threat": true, "harm": true, "goal": true, "term": true}
	for i, line := range dataLines(Topics) {
		if line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 || !kinds[cols[1]] {
			t.Errorf("%s line %d: %q: want TERM<TAB>threat|harm|goal|term", Topics, i+1, line)
		}
	}
}

// TestReasons: every rule and adjustment says why it is there.
func TestReasons(t *testing.T) {
	for _, name := range []string{Rules, Adjustments} {
		for i, line := range dataLines(name) {
			if line == "" {
				continue
			}
			cols := strings.Split(line, "\t")
			if len(cols) != 4 || strings.TrimSpace(cols[3]) == "" {
				t.Errorf("%s line %d: %q: want kind, term, value and a reason", name, i+1, line)
			}
		}
	}
}

func TestBytesPanicsOnUnknownName(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for an unknown file")
		}
	}()
	Bytes("no-such-file")
}

// dataLines returns the lines of an embedded file with comment lines
// blanked, so that indexes stay line numbers.
func dataLines(name string) []string {
	lines := strings.Split(strings.TrimSuffix(string(Bytes(name)), "\n"), "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			lines[i] = ""
		}
	}
	return lines
}
