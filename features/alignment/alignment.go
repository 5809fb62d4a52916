// Package alignment extracts the alignment network of a meeting: which
// delegation aligns with, agrees with, supports or disagrees with the
// statement or proposal of which other delegation or group, with the sentence
// and cue words that show it.
//
// Edges are read from one turn (one speaker's uninterrupted speech) at a
// time, so the extractor is a map over turns and files, as the design asks.
// A cue ("we align ourselves with", "as … said", "we support the proposal
// of") must govern the delegation it links to: the delegation has to sit in
// the cue's target slot, a run of words such as "the statement delivered by
// the delegation of", lists ("France and Egypt, the European Union and many
// others") and courtesy epithets. A delegation named elsewhere in the same
// sentence is not a target ("We align with the EU statement and would like to
// add comments on Russia's proposal" links to the EU only).
//
// Delegations are resolved with the project gazetteer: names, aliases and
// demonyms followed by a word such as "delegation", "colleague" or
// "statement" ("the South African delegation", "our Indian colleague", "the
// French statement"). Group names are also found in lower case ("the
// non-aligned movement"). Organisations (ORG-… codes: UNIDIR, the OSCE, the
// GGE) are never targets: they are not delegations taking positions in the
// meeting.
//
// Decisions a user should know:
//
//   - Negation: a negated cue ("we do not align with", "we cannot support the
//     proposal of X", "we do not share the view of X") yields a Disagrees
//     edge, never an Aligns, Agrees or Supports edge; a negated disagreement
//     ("we do not disagree with X") yields Agrees. The negator must be in the
//     five words before the cue, in the same clause ("not only" and "cannot
//     but" do not negate).
//   - Self-reference: the speaker is never a target ("as Australia said on
//     Monday" said by Australia gives nothing).
//   - The Chair is not a delegation: "as you said, Mr. Chair" gives nothing.
//   - Reported positions are not the speaker's: a cue whose subject is
//     another delegation ("Germany aligns itself with the statement of the
//     EU" said by France) gives no edge.
//   - Candidate countries that "align themselves with this statement" in a
//     statement made on behalf of the EU give edges from each of them to the
//     speaker, with Source set; the speaker itself gets no edge from them.
//   - History: a past-tense cue in a sentence about an earlier process ("In
//     the previous Open-ended Working Group, France supported the proposal
//     presented by Australia and Mexico") reports history, not a position.
//   - Factual pointers: "as X said, <clause>" is agreement only when the
//     clause is the speaker's own view; if its first finite verb is past or
//     present perfect ("As my colleague from the EU said, last time around
//     non-ECOSOC participants were excluded") it reports a fact, and no edge
//     is made.
//   - Generic references ("like other delegations", "as many have said")
//     name no delegation and give no edge.
//
// The cue phrases, the words a target slot may contain and the scope words
// are data: the versioned lexicon in datasets/lexicons/alignment (embedded;
// see New), replaceable with Parse.
package alignment

import (
	"io"
	"sort"
	"strings"

	"github.com/plenary/plenary/datasets/gazetteer"
	lexdata "github.com/plenary/plenary/datasets/lexicons/alignment"
)

// Kind is the relation an edge records. The values are meant for the edges
// output table, so they are stable and never renamed.
type Kind string

// The kinds of edge. All but Disagrees are positive links; analyses of
// coalitions usually take their union.
const (
	// Aligns is formal alignment with another delegation's statement: "we
	// align ourselves with the statement of the EU", "Estonia aligns
	// itself with…", "fully subscribe to the statement delivered by…".
	Aligns Kind = "aligns"
	// Agrees is agreement with, or adoption of, what another delegation
	// said: "as Mexico said", "we share the view of South Africa",
	// "echoing what the South African delegation pointed out", "like the EU
	// delegation".
	Agrees Kind = "agrees"
	// SupportsStatement is declared support for another delegation's
	// statement or remarks: "Greece supports the statements made by the EU
	// delegation".
	SupportsStatement Kind = "supports_statement"
	// SupportsProposal is declared support for another delegation's
	// proposal, idea or initiative: "we support the proposal by
	// Singapore", "welcome the initiative of France and Egypt".
	SupportsProposal Kind = "supports_proposal"
	// Disagrees is explicit disagreement, including negated alignment or
	// support: "we cannot agree with the delegation of X", "contrary to
	// what X said", "we cannot support the proposal of X".
	Disagrees Kind = "disagrees"
)

// Edge is one link from a delegation to another, with its evidence.
type Edge struct {
	// Source is the code of the delegation that aligns, when it is not
	// the speaker: the candidate countries that "align themselves with
	// this statement" in a statement delivered by the EU (then Target is
	// the speaker). Empty when the source is the speaker, which is the
	// usual case.
	Source string
	// Target is the gazetteer code of the delegation or group aligned
	// with: ISO 3166-1 alpha-3, "EU", or a "GRP-…" code ("GRP-NAM").
	Target string
	// Kind is the relation.
	Kind Kind
	// Cue is the cue phrase as written in the sentence, without the
	// target; "…" marks where the target sits inside it ("As … said").
	Cue string
	// Start and End are the byte offsets of the evidence sentence in the
	// text passed to Extract: text[Start:End] == Sentence.
	Start, End int
	// Sentence is the evidence sentence, so that a reader can check the
	// machine's reading.
	Sentence string
}

// Extractor finds alignment edges in turns. It is immutable and safe for
// concurrent use. The zero value is not usable: create one with New or
// Parse.
type Extractor struct {
	gaz *gazetteer.Gazetteer
	lex *lexicon
}

// New returns an Extractor with the embedded default cue lexicon
// (datasets/lexicons/alignment/cues.tsv), resolving delegations with gaz.
// It fails only for a nil gazetteer, or if the embedded lexicon is broken,
// which the package's tests rule out.
func New(gaz *gazetteer.Gazetteer) (*Extractor, error) {
	return Parse(gaz, strings.NewReader(lexdata.Cues()))
}

// Parse returns an Extractor with a user's cue lexicon, in the format of
// datasets/lexicons/alignment/cues.tsv (see the README there). Errors name
// the line and the problem: an unknown directive, kind, flag or class, a
// pattern without exactly one target slot, a wrong version.
func Parse(gaz *gazetteer.Gazetteer, lexicon io.Reader) (*Extractor, error) {
	if gaz == nil {
		return nil, errNoGazetteer
	}
	lx, err := parseLexicon(lexicon)
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: gaz, lex: lx}, nil
}

// Extract returns the edges that one turn's speech expresses. text is the
// speech (as ingest.Turn.Text), speaker the turn's own delegation code (empty
// if unknown; the Chair's turns should not be passed, as the Chair is not a
// delegation). The speaker is never a target.
//
// Edges are sorted by Start, then Target, then Kind, then Source; there is at
// most one edge per (source, target, kind, sentence).
func (x *Extractor) Extract(text, speaker string) []Edge {
	var edges []Edge
	masks := make([]uint64, len(x.lex.cues))
	var cues []*cue
	for _, sp := range sentences(text) {
		st := text[sp.start:sp.end]
		// Cheap test first: which cues have all their required words in
		// the sentence?
		ws := words(st)
		clear(masks)
		for _, w := range ws {
			for _, ref := range x.lex.reqIndex[w.lower] {
				masks[ref.cue] |= 1 << ref.bit
			}
		}
		cues = cues[:0]
		for i, c := range x.lex.cues {
			if masks[i] == c.reqMask {
				cues = append(cues, c)
			}
		}
		if len(cues) == 0 {
			continue
		}
		ms := findMentions(x.gaz, st)
		if len(ms) == 0 {
			continue
		}
		s := &sentence{text: st, ms: ms, toks: merge(ws, ms)}
		x.lex.prepare(x.gaz, s)
		if !s.hasValid {
			continue
		}
		for _, c := range cues {
			if c.elems[0].op == opTarget {
				for p := 1; p <= len(s.toks); p++ {
					if r, ok := x.lex.matchBackward(c, s, p); ok {
						edges = x.lex.edges(edges, c, s, r, speaker, sp.start)
					}
				}
				continue
			}
			for i := 0; i < len(s.toks); i++ {
				if c.first != nil && (s.toks[i].mention >= 0 || !c.first[s.toks[i].lower]) {
					continue
				}
				if r, ok := x.lex.matchAt(c, s, i); ok {
					edges = x.lex.edges(edges, c, s, r, speaker, sp.start)
				}
			}
		}
	}
	sort.Slice(edges, func(a, b int) bool {
		ea, eb := edges[a], edges[b]
		if ea.Start != eb.Start {
			return ea.Start < eb.Start
		}
		if ea.Target != eb.Target {
			return ea.Target < eb.Target
		}
		if ea.Kind != eb.Kind {
			return ea.Kind < eb.Kind
		}
		if ea.Source != eb.Source {
			return ea.Source < eb.Source
		}
		return ea.Cue < eb.Cue
	})
	out := edges[:0]
	for i, e := range edges {
		if i > 0 {
			p := out[len(out)-1]
			if p.Start == e.Start && p.Target == e.Target && p.Kind == e.Kind && p.Source == e.Source {
				continue
			}
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// edges appends the edges of one cue match.
func (lx *lexicon) edges(out []Edge, c *cue, s *sentence, r result, speaker string, base int) []Edge {
	if c.source && speaker == "" {
		return out // the target would be the unknown speaker
	}
	if !c.attrib && lx.historicalCue(s, r) {
		return out
	}
	if c.attrib && lx.factual(s, r) {
		return out
	}
	if !c.source && !c.attrib && c.elems[0].op == opWord && lx.reportedSubject(s, r, speaker) {
		return out
	}
	negated, neg := false, -1
	if !c.source {
		neg = lx.negator(s, r, c.elems[0].op == opTarget)
		negated = neg >= 0
	}
	from := r.start
	if negated && neg < from {
		from = neg // "cannot support", "do not align with"
	}
	cueText := cueWords(s, r, from)
	for _, k := range lx.targets(s, r) {
		code := s.ms[s.toks[k].mention].code
		if code == speaker {
			continue
		}
		kind := c.kind
		noun := ""
		if c.noun {
			if noun = lx.headNoun(s, r, k); noun == "" {
				continue
			}
		}
		if kind == kindSupports {
			kind = supportsKind(noun)
		}
		if negated {
			switch kind {
			case Disagrees:
				kind = Agrees
				if c.noun {
					kind = supportsKind(noun)
				}
			default:
				kind = Disagrees
			}
		}
		e := Edge{Target: code, Kind: kind, Cue: cueText, Start: base, End: base + len(s.text), Sentence: s.text}
		if c.source {
			e.Source, e.Target = code, speaker
		}
		out = append(out, e)
	}
	return out
}

func supportsKind(noun string) Kind {
	if noun == "proposal" {
		return SupportsProposal
	}
	return SupportsStatement
}

// targets returns the token indexes of the mentions in the target slot that
// the cue governs.
func (lx *lexicon) targets(s *sentence, r result) []int {
	var ks []int
	for k := r.tStart; k < r.tEnd; k++ {
		if m := s.toks[k].mention; m >= 0 && s.valid[m] {
			ks = append(ks, k)
		}
	}
	// "the statement delivered by Azerbaijan on behalf of the Non-Aligned
	// Movement": the alignment is with the group, not with its speaker.
	var kept []int
	for i, k := range ks {
		if i+1 < len(ks) && k+3 < r.tEnd && s.toks[k+1].lower == "on" && s.toks[k+2].lower == "behalf" && s.toks[k+3].lower == "of" {
			continue
		}
		kept = append(kept, k)
	}
	ks = kept
	// "we support the statement by the EU, and Germany would like to add":
	// a delegation that ends the slot after "and" or a comma and is
	// followed by a verb is the subject of a new clause.
	if n := len(ks); n > 0 {
		last := ks[n-1]
		if last == r.tEnd-1 && last >= 1 && r.tEnd < len(s.toks) {
			prev, next := s.toks[last-1], s.toks[r.tEnd]
			if prev.mention < 0 && (prev.lower == "and" || prev.lower == ",") && next.mention < 0 && lx.clauseVerb.has(next.lower) {
				ks = ks[:n-1]
			}
		}
	}
	return ks
}

// reportedSubject reports whether the cue's subject is another delegation
// ("Germany aligns itself with the statement of the EU" said by France):
// the speaker reports someone else's position, which is not its own edge.
func (lx *lexicon) reportedSubject(s *sentence, r result, speaker string) bool {
	adv, aux := lx.classes["adv"], lx.classes["aux"]
	for k := r.start - 1; k >= 0 && k >= r.start-5; k-- {
		t := s.toks[k]
		if t.mention >= 0 {
			return s.ms[t.mention].code != speaker
		}
		switch t.lower {
		case "'s", "is", "are", "has", "have", "delegation", "government", "also", "too":
			continue
		}
		if (adv != nil && adv.has(t.lower)) || (aux != nil && aux.has(t.lower)) || lx.negation.has(t.lower) {
			continue
		}
		return false
	}
	return false
}

// headNoun returns "statement" or "proposal" for the noun that heads the
// target at token k ("the EU statement", "Russia's proposal", "the proposal
// by Singapore"), or "" when the slot has none.
func (lx *lexicon) headNoun(s *sentence, r result, k int) string {
	nounAt := func(i int) string {
		if len(lx.statement.matchAt(s.toks, i)) > 0 {
			return "statement"
		}
		if len(lx.proposal.matchAt(s.toks, i)) > 0 {
			return "proposal"
		}
		return ""
	}
	// Right after the name: "the EU statement", "the EU delegation's
	// proposal".
	for i := k + 1; i < r.tEnd && i <= k+3; i++ {
		t := s.toks[i]
		if t.mention >= 0 {
			break
		}
		if n := nounAt(i); n != "" {
			return n
		}
		if t.lower != "'s" && t.lower != "delegation" && t.lower != "government" && t.lower != "joint" && t.lower != "national" {
			break
		}
	}
	// Before it: "the proposal by Singapore", "the statements of France and
	// Egypt".
	for i := k - 1; i >= r.tStart; i-- {
		if n := nounAt(i); n != "" {
			return n
		}
	}
	return ""
}

// negator returns the token index of a negator that governs the cue, or -1:
// one in the five tokens before it (same clause), or among the auxiliaries
// inside it (", which we cannot support"). Cues that start with their target
// have no window before them.
func (lx *lexicon) negator(s *sentence, r result, targetFirst bool) int {
	isNeg := func(k int) bool {
		t := s.toks[k]
		if t.mention >= 0 || !lx.negation.has(t.lower) {
			return false
		}
		if k+1 < len(s.toks) && s.toks[k+1].mention < 0 && lx.negExc.has(s.toks[k+1].lower) {
			return false
		}
		return true
	}
	for _, k := range r.aux {
		if isNeg(k) {
			return k
		}
	}
	if targetFirst {
		return -1
	}
	for k := r.start - 1; k >= 0 && k >= r.start-5; k-- {
		t := s.toks[k]
		if t.mention < 0 && lx.boundary.has(t.lower) {
			break
		}
		if isNeg(k) {
			return k
		}
	}
	return -1
}

// historicalCue reports whether the cue is in the past tense in a sentence
// about an earlier process.
func (lx *lexicon) historicalCue(s *sentence, r result) bool {
	past := false
	for k := r.start; k < r.end; k++ {
		if k >= r.tStart && k < r.tEnd {
			continue
		}
		if t := s.toks[k]; t.mention < 0 && lx.past.has(t.lower) {
			past = true
			break
		}
	}
	if !past {
		return false
	}
	if s.hist == 0 {
		s.hist = 1
		for i := range s.toks {
			if len(lx.historical.matchAt(s.toks, i)) > 0 {
				s.hist = 2
				break
			}
		}
	}
	return s.hist == 2
}

// factual reports whether the clause that an "as X said" cue attaches to
// reports a past fact: its first finite verb is past tense or a present
// perfect. The clause after the cue is read first (up to a semicolon), then,
// if it has no finite verb, the clause before.
func (lx *lexicon) factual(s *sentence, r result) bool {
	if f, ok := lx.firstFinite(s, r.end, min(len(s.toks), r.end+maxScan)); ok {
		return f
	}
	f, _ := lx.firstFinite(s, max(0, r.start-maxScan), r.start)
	return f
}

func (lx *lexicon) firstFinite(s *sentence, from, to int) (factual, found bool) {
	for k := from; k < to; k++ {
		t := s.toks[k]
		if t.mention >= 0 {
			continue
		}
		if t.lower == ";" {
			break
		}
		switch {
		case lx.finitePast.has(t.lower):
			return true, true
		case lx.finitePerfect.has(t.lower):
			// "has also taken", "have been"
			for j := k + 1; j < to && j <= k+3; j++ {
				w := s.toks[j]
				if w.mention >= 0 {
					break
				}
				if lx.participle.has(w.lower) {
					return true, true
				}
				if len(w.lower) > 4 && strings.HasSuffix(w.lower, "ed") && !isAdverb(lx, w.lower) {
					return true, true
				}
				if !isAdverb(lx, w.lower) && !lx.negation.has(w.lower) {
					break
				}
			}
			return false, true
		case lx.finite.has(t.lower):
			return false, true
		}
	}
	return false, false
}

func isAdverb(lx *lexicon, w string) bool {
	if c := lx.classes["adv"]; c != nil && c.has(w) {
		return true
	}
	return strings.HasSuffix(w, "ly")
}

// cueWords returns the cue as written: the matched words without the target
// slot, with "…" where the slot sits inside the cue. from is where the cue
// starts (before r.start when it includes a negator).
func cueWords(s *sentence, r result, from int) string {
	var left, right string
	if r.tStart > from {
		left = s.text[s.toks[from].start:s.toks[r.tStart-1].end]
	}
	if r.end > r.tEnd {
		right = s.text[s.toks[r.tEnd].start:s.toks[r.end-1].end]
	}
	trim := func(x string) string { return strings.Trim(x, " ,;:") }
	left, right = trim(left), trim(right)
	switch {
	case left != "" && right != "":
		return left + " … " + right
	case left != "":
		return left
	default:
		return right
	}
}
