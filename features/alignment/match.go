package alignment

import (
	"strings"

	"github.com/plenary/plenary/datasets/gazetteer"
)

// maxSlot is the longest target slot, in tokens. The longest real one, the
// EU's list of candidate countries, is about 45; the cap keeps matching
// linear on pathological input (a "sentence" of thousands of list words).
const maxSlot = 80

// maxScan bounds the scans for a finite verb (factual pointers).
const maxScan = 40

// sentence is one sentence prepared for matching.
type sentence struct {
	text     string
	toks     []token
	ms       []mention
	covered  []bool // token may be part of a target slot
	runStart []int  // for a covered token, the start of its run of covered tokens
	nValid   []int  // nValid[i]: number of valid mention tokens before token i
	hasValid bool   // some mention could be a target
	valid    []bool // per mention: could be a target (not an organisation, demonym rule)
	hist     int    // historical marker: 0 unknown, 1 absent, 2 present
}

// result is one match of a cue pattern in a sentence, in token indexes.
type result struct {
	start, end   int // the whole match
	tStart, tEnd int // the target slot
	aux          []int
}

// prepare computes which tokens may be part of a target slot and which
// mentions may be targets.
func (lx *lexicon) prepare(gaz *gazetteer.Gazetteer, s *sentence) {
	n := len(s.toks)
	s.covered = make([]bool, n)
	s.valid = make([]bool, len(s.ms))
	for i, t := range s.toks {
		if t.mention >= 0 {
			s.covered[i] = true
			m := s.ms[t.mention]
			if strings.HasPrefix(m.code, "ORG-") && behalfBefore(s.toks, i) {
				// "on behalf of ASEAN": the member states speaking
				// together, when the gazetteer has them as a group.
				if g, ok := gaz.ByCode("GRP-" + m.code[4:]); ok {
					m.code = g.Code
					s.ms[t.mention] = m
				}
			}
			ok := !strings.HasPrefix(m.code, "ORG-")
			if ok && m.demonym {
				// "the South African delegation", not "the French
				// interpretation".
				ok = i+1 < n && s.toks[i+1].mention < 0 && lx.demonymHead.has(s.toks[i+1].lower)
			}
			s.valid[t.mention] = ok
			if ok {
				s.hasValid = true
			}
			continue
		}
		for _, l := range lx.region.matchAt(s.toks, i) {
			for k := i; k < i+l; k++ {
				s.covered[k] = true
			}
		}
	}
	s.runStart = make([]int, n)
	s.nValid = make([]int, n+1)
	for i, t := range s.toks {
		s.runStart[i] = i
		if i > 0 && s.covered[i] && s.covered[i-1] {
			s.runStart[i] = s.runStart[i-1]
		}
		s.nValid[i+1] = s.nValid[i]
		if t.mention >= 0 && s.valid[t.mention] {
			s.nValid[i+1]++
		}
	}
}

// clauseStartAt reports whether a clause can start at token i.
func (lx *lexicon) clauseStartAt(s *sentence, i int) bool {
	if i == 0 {
		return true
	}
	p := s.toks[i-1]
	if p.mention >= 0 {
		return false
	}
	switch p.lower {
	case ",", ";", ":", "(", "-", "\u2013", "\u2014":
		return true
	}
	return lx.clauseStart.has(p.lower)
}

// matchAt tries to match cue c with its first element at token i.
func (lx *lexicon) matchAt(c *cue, s *sentence, i int) (result, bool) {
	r := result{start: i, tStart: -1}
	if end, ok := lx.matchElems(c.elems, 0, s, i, &r); ok {
		r.end = end
		return r, true
	}
	return result{}, false
}

// matchElems matches elems[ei:] at token i, backtracking; it returns the
// end of the match.
func (lx *lexicon) matchElems(elems []elem, ei int, s *sentence, i int, r *result) (int, bool) {
	if ei == len(elems) {
		return i, true
	}
	e := elems[ei]
	n := len(s.toks)
	switch e.op {
	case opStart:
		if !lx.clauseStartAt(s, i) {
			return 0, false
		}
		return lx.matchElems(elems, ei+1, s, i, r)
	case opNot:
		if i < n && s.toks[i].mention < 0 && s.toks[i].lower == e.words[0] {
			return 0, false
		}
		return lx.matchElems(elems, ei+1, s, i, r)
	case opTarget:
		// The slot: a run of covered tokens holding a valid mention.
		// Longest first.
		if i < n && isJoiner(s, i) {
			return 0, false
		}
		j := i
		for j < n && j < i+maxSlot && s.covered[j] {
			j++
		}
		for end := j; end > i; end-- {
			if !hasMention(s, i, end) {
				break
			}
			if isJoiner(s, end-1) {
				continue
			}
			r.tStart, r.tEnd = i, end
			if m, ok := lx.matchElems(elems, ei+1, s, end, r); ok {
				return m, true
			}
		}
		r.tStart, r.tEnd = -1, -1
		return 0, false
	}
	// opWord, repeated between e.min and e.max times, greedily.
	return lx.matchRepeat(elems, ei, s, i, r, 0)
}

func (lx *lexicon) matchRepeat(elems []elem, ei int, s *sentence, i int, r *result, count int) (int, bool) {
	e := elems[ei]
	if count < e.max {
		for _, l := range lx.wordLens(e, s, i) {
			mark := len(r.aux)
			if e.clsName == "aux" {
				for k := i; k < i+l; k++ {
					r.aux = append(r.aux, k)
				}
			}
			if m, ok := lx.matchRepeat(elems, ei, s, i+l, r, count+1); ok {
				return m, true
			}
			r.aux = r.aux[:mark]
		}
	}
	if count >= e.min {
		return lx.matchElems(elems, ei+1, s, i, r)
	}
	return 0, false
}

// wordLens returns the token lengths an opWord element can match at i.
func (lx *lexicon) wordLens(e elem, s *sentence, i int) []int {
	if i >= len(s.toks) || s.toks[i].mention >= 0 {
		return nil
	}
	if e.cls != nil {
		return e.cls.matchAt(s.toks, i)
	}
	w := s.toks[i].lower
	for _, a := range e.words {
		if a == w {
			return []int{1}
		}
	}
	return nil
}

func hasMention(s *sentence, from, to int) bool {
	return s.nValid[to] > s.nValid[from]
}

// isJoiner reports whether token k is a comma or "and", which may not begin
// or end a target slot.
func isJoiner(s *sentence, k int) bool {
	t := s.toks[k]
	return t.mention < 0 && (t.lower == "," || t.lower == "and")
}

// matchBackward matches a cue that starts with its target slot (", which we
// support", "… align themselves with this statement") with the slot ending
// at token p: the slot is the run of covered tokens before p, at most
// maxSlot long.
func (lx *lexicon) matchBackward(c *cue, s *sentence, p int) (result, bool) {
	if p == 0 || !s.covered[p-1] || isJoiner(s, p-1) {
		return result{}, false
	}
	st := s.runStart[p-1]
	if p-st > maxSlot {
		st = p - maxSlot
	}
	for st < p && isJoiner(s, st) {
		st++
	}
	if !hasMention(s, st, p) {
		return result{}, false
	}
	r := result{start: st, tStart: st, tEnd: p}
	end, ok := lx.matchElems(c.elems, 1, s, p, &r)
	if !ok {
		return result{}, false
	}
	r.end = end
	return r, true
}

// behalfBefore reports whether "on behalf of" (and perhaps "the") precedes
// token i.
func behalfBefore(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].lower == "the" {
		k--
	}
	return k >= 2 && toks[k].lower == "of" && toks[k-1].lower == "behalf" && toks[k-2].lower == "on"
}
