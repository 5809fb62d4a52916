package config

import (
	"strings"
	"testing"
)

func TestDefaultParses(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Agenda.Topics) == 0 || len(c.Chair.Headings) == 0 || c.SHA256 == "" || c.Source != "embedded:plenary.yaml" {
		t.Errorf("default config incomplete: %+v", c)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"empty", "", "the file is empty"},
		{"syntax", "version: 1\nchair:\n  headings: [Chair\n", "yaml: line 2"},
		{"unknown key", "version: 1\nchiar:\n  headings: [Chair]\n", "line 2: field chiar not found"},
		{"wrong version", "version: 9\nchair:\n  headings: [Chair]\nagenda:\n  transition_cues: [move to]\n", "line 1: version is 9"},
		{"missing headings", "version: 1\nchair:\n  headings: []\nagenda:\n  transition_cues: [move to]\n", "line 3: chair.headings must list"},
		{"duplicate topic", "version: 1\nchair:\n  headings: [Chair]\nagenda:\n  transition_cues: [move to]\n  topics:\n    - id: a\n      aliases: [x]\n    - id: a\n      aliases: [y]\n", `line 9: agenda topic id "a" is defined twice`},
		{"topic without aliases", "version: 1\nchair:\n  headings: [Chair]\nagenda:\n  transition_cues: [move to]\n  topics:\n    - id: a\n", `line 7: agenda topic "a" has no aliases`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("my.yaml", []byte(c.text))
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "config my.yaml: ") {
				t.Fatalf("error %v, want one naming my.yaml and containing %q", err, c.want)
			}
		})
	}
}
