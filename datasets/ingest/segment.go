package ingest

import (
	"strings"
	"unicode/utf8"
)

// block is a speaker heading or a paragraph of speech.
type block struct {
	heading    bool
	known      bool    // heading: resolved to the Chair or a gazetteer entry
	spk        speaker // heading: whom it names
	raw        string  // heading: as written
	start, end int     // paragraph: span in the normalised text
	line       int
}

// blocks groups lines into headings and paragraphs. A paragraph is a run of
// non-blank lines that are not headings. A line is a heading only where a
// heading can stand: after a blank line, a heading, or a line that ends a
// sentence — so a name that happens to open a wrapped line stays text.
func (in *Ingester) blocks(tr *Transcript, lines []line) []block {
	var out []block
	prevBlank, prevEnds := true, true
	for i, l := range lines {
		if l.blank() {
			prevBlank = true
			continue
		}
		canHead := prevBlank || prevEnds
		if h, ok := in.heading(lines, i, canHead); ok {
			out = append(out, h)
			prevBlank, prevEnds = false, true
			continue
		}
		if n := len(out); n > 0 && !out[n-1].heading && !prevBlank {
			out[n-1].end = l.end
		} else {
			out = append(out, block{start: l.start, end: l.end, line: l.num})
		}
		last, _ := utf8.DecodeLastRuneInString(l.text)
		prevBlank, prevEnds = false, strings.ContainsRune(".?!:\"')]", last)
	}
	return out
}

// heading reports whether lines[i] is a speaker heading. Unknown names are
// accepted only when speech follows, since a short capitalised line with
// nothing after it is more likely stray text than a speaker.
func (in *Ingester) heading(lines []line, i int, canHead bool) (block, bool) {
	l := lines[i]
	if !canHead {
		return block{}, false
	}
	if spk, ok := in.speakers.known(l.text); ok {
		return block{heading: true, known: true, spk: spk, raw: l.text, start: l.end, end: l.end, line: l.num}, true
	}
	if !unknownHeading(l.text) {
		return block{}, false
	}
	next := nextNonBlank(lines, i+1)
	if next < 0 {
		return block{}, false
	}
	if _, ok := in.speakers.known(lines[next].text); ok || unknownHeading(lines[next].text) {
		return block{}, false
	}
	return block{heading: true, spk: speaker{role: RoleOther}, raw: l.text, start: l.end, end: l.end, line: l.num}, true
}

func nextNonBlank(lines []line, from int) int {
	for j := from; j < len(lines); j++ {
		if !lines[j].blank() {
			return j
		}
	}
	return -1
}

// segment is a turn under construction.
type segment struct {
	spk      speaker
	raw      string
	inferred bool
	line     int
	at       int // offset where the speech starts when it has no paragraph
	paras    []block
}

// buildTurns assembles turns from blocks: each heading opens a turn, and
// paragraphs whose heading is missing are split off into turns of their
// own (see splitMissing). Nothing is dropped: text before the first heading
// and text whose speaker cannot be inferred become turns of role "other".
func (in *Ingester) buildTurns(tr *Transcript, blocks []block) {
	var segs []segment
	for _, b := range blocks {
		if b.heading {
			if b.known {
				segs = append(segs, segment{spk: b.spk, raw: b.raw, line: b.line, at: b.end})
				continue
			}
			tr.warn(b.line, "unknown speaker %q: kept with speaker_role=other and no delegation code", clip(b.raw, 60))
			segs = append(segs, segment{spk: b.spk, raw: b.raw, line: b.line, at: b.end})
			continue
		}
		if len(segs) == 0 {
			tr.warn(b.line, "text before the first speaker heading: kept as a turn with speaker_role=other")
			segs = append(segs, segment{spk: speaker{role: RoleOther}, line: b.line, at: b.start})
		}
		cur := &segs[len(segs)-1]
		if len(cur.paras) == 0 {
			cur.paras = append(cur.paras, b)
			continue
		}
		if next, ok := in.missingHeading(tr, *cur, b); ok {
			segs = append(segs, next)
			continue
		}
		cur.paras = append(cur.paras, b)
	}
	for _, s := range segs {
		tr.Turns = append(tr.Turns, in.turnOf(tr, s))
	}
}

// missingHeading decides whether paragraph p, which follows the paragraphs
// of cur with no heading in between, is in fact another speaker's turn:
//
//   - after a Chair paragraph that ends by giving the floor to X, a
//     paragraph that does not itself read like the Chair is X's speech;
//   - after a Chair paragraph that gives the floor to no one by name, a
//     paragraph that opens like a speech ("Thank you, Mr. Chair") is a
//     speech by an unknown speaker (role other, reported);
//   - after a delegation's paragraph, a paragraph that thanks a delegation
//     and gives the floor is the Chair's.
func (in *Ingester) missingHeading(tr *Transcript, cur segment, p block) (segment, bool) {
	text := tr.Text.Norm[p.start:p.end]
	last := cur.paras[len(cur.paras)-1]
	prev := tr.Text.Norm[last.start:last.end]
	chairLike := in.chairLike(text, cur.spk)
	if cur.spk.role == RoleChair && !chairLike {
		if to, named, gives := in.floorGiven(prev); gives && named {
			tr.warn(p.line, "no heading: speaker inferred as %s from the Chair's floor-giving", to.code)
			return segment{spk: to, inferred: true, line: p.line, paras: []block{p}}, true
		}
		if speechOpener.MatchString(text) {
			tr.warn(p.line, "no heading and the Chair named no one: speech kept with speaker_role=other")
			return segment{spk: speaker{role: RoleOther}, inferred: true, line: p.line, paras: []block{p}}, true
		}
		return segment{}, false
	}
	if cur.spk.role != RoleChair && chairLike {
		tr.warn(p.line, "no heading: paragraph attributed to the Chair (it thanks the speaker and gives the floor)")
		return segment{spk: speaker{role: RoleChair}, inferred: true, line: p.line, paras: []block{p}}, true
	}
	return segment{}, false
}

// turnOf finishes a segment into a Turn (without seq and annotations).
func (in *Ingester) turnOf(tr *Transcript, s segment) Turn {
	t := Turn{Role: s.spk.role, Code: s.spk.code, SpeakerRaw: s.raw, Inferred: s.inferred, Line: s.line, Start: s.at, End: s.at}
	if len(s.paras) > 0 {
		t.Start, t.End = s.paras[0].start, s.paras[len(s.paras)-1].end
	} else {
		tr.warn(s.line, "heading %q has no speech: kept as an empty turn", clip(s.raw, 60))
	}
	t.Text = tr.Text.Norm[t.Start:t.End]
	return t
}
