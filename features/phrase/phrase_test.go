package phrase

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	cases := []struct{ in, want string }{
		{"We don't support it.", "we|do|n't|support|it"},
		{"The Chair's co-sponsored text, rev. 1", "the|chair's|co-sponsored|text|rev|1"},
		{"Türkiye’s view", "türkiye’s|view"},
		{"  ", ""},
	}
	for _, c := range cases {
		var got []string
		for _, w := range Words(c.in) {
			got = append(got, w.Lower)
			if c.in[w.Start:w.End] != w.Text {
				t.Errorf("%q: word %q at %d:%d", c.in, w.Text, w.Start, w.End)
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("Words(%q) = %s, want %s", c.in, strings.Join(got, "|"), c.want)
		}
	}
}

func TestFind(t *testing.T) {
	cases := []struct {
		pattern   string
		sensitive bool
		text      string
		want      string // matched text, "" for none
	}{
		{"support*", false, "Japan supports it", "supports"},
		{"encourage ** to support", false, "we encourage all member states to support it", "encourage all member states to support"},
		{"encourage ** to support", false, "we encourage them strongly and warmly and openly to support it", ""},
		{"merits * consideration", false, "it merits serious consideration", "merits serious consideration"},
		{"POA", true, "the POA and the poa", "POA"},
		{"POA", true, "the poa", ""},
		{"do n't support", false, "we don't support", "don't support"},
		{"programme of action", false, "the Programme of Action", "Programme of Action"},
	}
	for _, c := range cases {
		p, err := Compile(c.pattern, 1, c.sensitive)
		if err != nil {
			t.Fatal(err)
		}
		hits := NewSet([]Pattern{p}).Find(Words(c.text))
		got := ""
		if len(hits) > 0 {
			got = c.text[hits[0].Start:hits[0].End]
		}
		if got != c.want {
			t.Errorf("%q in %q: got %q, want %q", c.pattern, c.text, got, c.want)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for _, p := range []string{"", "** support", "support **"} {
		if _, err := Compile(p, 1, false); err == nil {
			t.Errorf("Compile(%q) accepted", p)
		}
	}
}

func TestLongest(t *testing.T) {
	set := NewSet([]Pattern{MustCompile("proposal of 15 December", 1, false), MustCompile("revised proposal of 15 December", 1, false)})
	text := "your revised proposal of 15 December"
	hits := Longest(set.Find(Words(text)))
	if len(hits) != 1 || text[hits[0].Start:hits[0].End] != "revised proposal of 15 December" {
		t.Errorf("Longest = %+v", hits)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("We do not support the proposal of 15 December; however, we can't object.")
	f.Add("encourage encourage to to support support")
	set := NewSet([]Pattern{MustCompile("support*", 1, false), MustCompile("encourage ** to support", 1, false), MustCompile("n't *", 1, false)})
	f.Fuzz(func(t *testing.T, s string) {
		words := Words(s)
		for i, w := range words {
			if w.Start < 0 || w.End > len(s) || w.Start >= w.End || s[w.Start:w.End] != w.Text || (i > 0 && w.Start < words[i-1].End) {
				t.Fatalf("bad word %+v in %q", w, s)
			}
		}
		for _, h := range set.Find(words) {
			if h.First < 0 || h.Last >= len(words) || h.First > h.Last || h.Start != words[h.First].Start || h.End != words[h.Last].End {
				t.Fatalf("bad hit %+v", h)
			}
		}
	})
}
