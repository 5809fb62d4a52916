package ingest

import (
	"regexp"
	"strings"

	"github.com/plenary/plenary/datasets/config"
)

// line is one line of the normalised text, trimmed of surrounding spaces.
type line struct {
	num        int    // 1-based line number
	start, end int    // byte offsets of the trimmed content in Text.Norm
	text       string // the trimmed content
}

func (l line) blank() bool { return l.text == "" }

// splitLines cuts normalised text (LF line breaks only) into trimmed lines.
func splitLines(s string) []line {
	var out []line
	num := 1
	for pos := 0; pos <= len(s); num++ {
		end := strings.IndexByte(s[pos:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += pos
		}
		raw := s[pos:end]
		lead := len(raw) - len(strings.TrimLeft(raw, " "))
		text := strings.TrimSpace(raw)
		out = append(out, line{num: num, start: pos + lead, end: pos + lead + len(text), text: text})
		pos = end + 1
	}
	return out
}

// boilerplate recognises page furniture.
type boilerplate struct {
	lines    map[string]bool
	prefixes []string
	footers  map[string]bool
}

func newBoilerplate(c config.Boilerplate) boilerplate {
	b := boilerplate{lines: map[string]bool{}, footers: map[string]bool{}}
	for _, l := range c.Lines {
		b.lines[strings.ToLower(strings.TrimSpace(l))] = true
	}
	for _, p := range c.Prefixes {
		b.prefixes = append(b.prefixes, strings.ToLower(strings.TrimSpace(p)))
	}
	for _, f := range c.Footers {
		b.footers[strings.ToLower(strings.TrimSpace(f))] = true
	}
	return b
}

func (b boilerplate) isLine(s string) bool {
	low := strings.ToLower(s)
	if b.lines[low] {
		return true
	}
	for _, p := range b.prefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

func (b boilerplate) isFooter(s string) bool { return b.footers[strings.ToLower(s)] }

// sessionHeader matches "Session 1-9 Transcript" and close variants
// ("Session 1 - 9", "Session 2-10 transcript").
var sessionHeader = regexp.MustCompile(`(?i)^session\s+(\d+)\s*[-–]\s*(\d+)(\s+transcript)?\s*$`)

// stripFurniture reads the session header, removes boilerplate lines, and
// cuts the page footer. Removed lines are blanked so that line numbers and
// paragraph breaks stay as they were. Text found after the footer that is
// not boilerplate is reported, since it is dropped.
func (in *Ingester) stripFurniture(tr *Transcript, lines []line) []line {
	footer := false
	for i, l := range lines {
		if l.blank() {
			continue
		}
		switch {
		case footer:
			if !in.bp.isLine(l.text) {
				tr.warn(l.num, "text after the page footer was dropped as part of the web page: %q", clip(l.text, 60))
			}
		case in.bp.isFooter(l.text):
			footer = true
		case tr.Session == "" && sessionHeader.MatchString(l.text):
			m := sessionHeader.FindStringSubmatch(l.text)
			tr.Session = m[1] + "-" + m[2]
		case in.bp.isLine(l.text):
		default:
			continue
		}
		lines[i].text = ""
		tr.Dropped++
	}
	return lines
}

// clip shortens s to at most n runes for messages.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
