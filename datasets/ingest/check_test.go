package ingest

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want string // substring of the error; "" for no error
	}{
		{"empty", "", "f.txt: the file is empty"},
		{"whitespace only", " \n\t\n\u00a0\n", "only whitespace"},
		{"UTF-16 LE", "\xff\xfeS\x00e\x00", "UTF-16"},
		{"UTF-16 BE", "\xfe\xff\x00S\x00e", "UTF-16"},
		{"binary", "Chair\n\x00\x01\x02", "f.txt: line 2: binary data"},
		{"Latin-1", "Chair\n\nCaf\xe9 au lait", "f.txt: line 3: not valid UTF-8 (byte 0xE9"},
		{"control character", "Chair\x1b[0m", "control character 0x1B"},
		{"plain", "Chair\n\nGood morning.", ""},
		{"UTF-8 with BOM", "\ufeffChair\n\nGood morning.", ""},
		{"CRLF", "Chair\r\n\r\nGood morning.\r\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Check("f.txt", []byte(c.src))
			if c.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if !errors.Is(err, ErrBadInput) {
				t.Errorf("error %v does not wrap ErrBadInput", err)
			}
		})
	}
}

func TestParseRefusesTextWithoutSpeakers(t *testing.T) {
	in := newTestIngester(t)
	_, err := in.Parse("notes.txt", []byte("Shopping list\n\nmilk, eggs and bread for the weekend.\n"))
	if err == nil || !strings.Contains(err.Error(), "notes.txt: no recognisable speaker") || !errors.Is(err, ErrBadInput) {
		t.Fatalf("got %v, want a bad-input error naming notes.txt", err)
	}
}
