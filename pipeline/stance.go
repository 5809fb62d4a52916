package pipeline

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/features/alignment"
	"github.com/plenary/plenary/features/cues"
	"github.com/plenary/plenary/features/sentiment"
	"github.com/plenary/plenary/features/targets"
	"github.com/plenary/plenary/models/stance"
)

// TurnStance is the stance of one turn on one target, located in the
// transcript.
type TurnStance struct {
	Turn   int // index into Transcript.Turns
	Result stance.Result
	// EvidenceStart and EvidenceEnd delimit the evidence sentence in the
	// normalised transcript text.
	EvidenceStart, EvidenceEnd int
	Evidence                   string
}

// EdgeRecord is one alignment edge of a turn.
type EdgeRecord struct {
	Turn int // index into Transcript.Turns
	Edge alignment.Edge
}

// featureStage reads what each turn says: the tone of every sentence, the
// alignment edges and the stance on each target of delegation turns.
type featureStage struct {
	set      *targets.Set
	resolver *targets.Resolver
	model    *stance.Model
	tone     *sentiment.Scorer
	align    *alignment.Extractor
}

func (s *featureStage) run(d *Document, clock *stageClock) error {
	t0 := clock.enter("sentiment")
	d.Tone = make([][]sentiment.Sentence, len(d.Transcript.Turns))
	for i := range d.Transcript.Turns {
		for _, sn := range d.Annotations[i].Sentences {
			d.Tone[i] = append(d.Tone[i], s.tone.Sentence(sn.Text))
		}
	}
	clock.since("sentiment", t0)
	t0 = clock.enter("alignment")
	for i, t := range d.Transcript.Turns {
		if !speaksForItself(t) {
			continue
		}
		for _, e := range s.align.Extract(t.Text, t.Code) {
			d.Edges = append(d.Edges, EdgeRecord{Turn: i, Edge: e})
		}
	}
	clock.since("alignment", t0)
	t0 = clock.enter("stance")
	salient, agenda := "", ""
	edgesOf := map[int][]alignment.Edge{}
	for _, e := range d.Edges {
		edgesOf[e.Turn] = append(edgesOf[e.Turn], e.Edge)
	}
	known := positions{}
	for i, t := range d.Transcript.Turns {
		if a := t.AgendaItem + "/" + t.AgendaTopic; a != agenda {
			// Salience does not cross agenda items or topics; while the
			// agenda is unknown, it carries from turn to turn.
			salient, agenda = "", a
		}
		ann := d.Annotations[i]
		spans := make([]targets.Span, len(ann.Sentences))
		texts := make([]string, len(ann.Sentences))
		own := make([][]cues.Span, len(ann.Sentences))
		for k, sn := range ann.Sentences {
			spans[k] = targets.Span{Start: sn.Start - t.Start, End: sn.End - t.Start}
			texts[k] = sn.Text
		}
		for _, e := range ann.Entities {
			if namesSpeaker(t, e.Code) && e.Sentence >= 1 {
				sn := ann.Sentences[e.Sentence-1]
				own[e.Sentence-1] = append(own[e.Sentence-1], cues.Span{Start: e.Start - sn.Start, End: e.End - sn.Start})
			}
		}
		if len(t.OnBehalfOf) > 0 {
			for k, sn := range ann.Sentences {
				own[k] = append(own[k], groupMembers(sn.Text)...)
			}
		}
		mentions := s.resolver.Resolve(targets.Turn{Text: t.Text, Sentences: spans, AgendaItem: t.AgendaItem, AgendaTopic: t.AgendaTopic,
			Speaker: t.Code, Salient: salient})
		if last, ok := targets.LastExplicit(mentions); ok {
			salient = last
		}
		if !speaksForItself(t) {
			continue
		}
		results := s.model.Classify(texts, own, mentions)
		if id, ok := s.resolver.SoleContext(targets.Turn{AgendaItem: t.AgendaItem, AgendaTopic: t.AgendaTopic}); ok && !mentionsTarget(mentions, id) {
			if r, ok := s.model.Elliptic(id, texts, own, mentions); ok {
				results = append(results, r)
			} else if r, ok := s.model.Restated(id, known[t.Code][id], texts, mentions); ok {
				results = append(results, r)
			}
		}
		for _, r := range results {
			bySponsor(&r, t.Code, s.set.Sponsors(r.Target), mentions)
			known.byReference(&r, spans, mentions, edgesOf[i])
			known.record(t.Code, r)
			ev := ann.Sentences[r.Evidence]
			d.Stances = append(d.Stances, TurnStance{Turn: i, Result: r, EvidenceStart: ev.Start, EvidenceEnd: ev.End, Evidence: ev.Text})
		}
	}
	clock.since("stance", t0)
	return nil
}

// mentionsTarget reports whether one of mentions refers to target id.
func mentionsTarget(mentions []targets.Mention, id string) bool {
	return slices.ContainsFunc(mentions, func(m targets.Mention) bool { return m.Target == id })
}

// bySponsor gives a turn of one of the target's sponsors, which names the
// target but has no cue on it (a neutral one, such as "will reserve its
// comments", keeps it neutral), the label support: a delegation
// presenting its own proposal ("The Programme of Action would be based on
// a political declaration ...", said by Egypt) supports it. The evidence
// is the first sentence that names the target.
func bySponsor(r *stance.Result, code string, sponsors []string, mentions []targets.Mention) {
	if r.Label != stance.Neutral || r.Raw != 0 || len(r.Cues) > 0 || !slices.Contains(sponsors, code) {
		return
	}
	k := slices.IndexFunc(mentions, func(m targets.Mention) bool { return m.Target == r.Target && m.Kind == targets.KindName })
	if k < 0 {
		return
	}
	r.Label, r.Evidence, r.Cues = stance.Support, mentions[k].Sentence, []string{"sponsor of the target"}
	r.Raw = stance.ReferenceRaw
	r.Score = math.Tanh(r.Raw)
}

// speaksForItself reports whether a turn is a delegation's (or an
// observer's) own statement, the unit stance is labelled on: not the
// Chair's, not an unattributed one, not a procedural one ("I pressed the
// button a little early, our intervention is on item three").
func speaksForItself(t ingest.Turn) bool {
	return t.Role != ingest.RoleChair && t.Code != "" && !t.Procedural
}

// membersOf matches the members of the group a statement is made for
// ("Forum members can accept", "our member States support").
var membersOf = regexp.MustCompile(`(?i)\b(member\s+states|member\s+countries|members)\b`)

// groupMembers returns the spans of sentence that name the members of the
// group the speaker speaks for: in a group statement they are the
// speaker, not a third party.
func groupMembers(sentence string) []cues.Span {
	var out []cues.Span
	for _, m := range membersOf.FindAllStringIndex(sentence, -1) {
		out = append(out, cues.Span{Start: m[0], End: m[1]})
	}
	return out
}

// namesSpeaker reports whether an entity code names the speaker of turn t:
// its own code, a group or organisation it speaks for, or that body under
// its other code ("ASEAN member states", GRP-ASEAN, said on behalf of
// ORG-ASEAN). Such names count as first person in cue analysis.
func namesSpeaker(t ingest.Turn, code string) bool {
	if code == t.Code {
		return true
	}
	body := func(c string) string { return strings.TrimPrefix(strings.TrimPrefix(c, "GRP-"), "ORG-") }
	return slices.ContainsFunc(t.OnBehalfOf, func(g string) bool { return g == code || body(g) == body(code) })
}

// positions are the support and oppose labels delegations have taken so
// far in a transcript: delegation code → target → label.
type positions map[string]map[string]string

func (p positions) record(code string, r stance.Result) {
	if r.Label != stance.Support && r.Label != stance.Oppose {
		return
	}
	if p[code] == nil {
		p[code] = map[string]string{}
	}
	p[code][r.Target] = r.Label
}

// byReference gives a turn the position of the delegations it agrees
// with on a target, when the turn itself has no polar cue on it: "We agree
// with the delegations of Mexico and Switzerland on the Programme of
// Action" takes Mexico's and Switzerland's earlier label, if they took the
// same one. The agreement (an aligns, agrees or supports-statement edge of
// the speaker's own) must stand in a sentence that mentions the target;
// the evidence is that sentence and the cue column names the delegations.
func (p positions) byReference(r *stance.Result, spans []targets.Span, mentions []targets.Mention, edges []alignment.Edge) {
	if r.Label != stance.Neutral || r.Raw != 0 {
		return
	}
	label, sentence := "", -1
	var cited []string
	for _, e := range edges {
		if e.Source != "" || (e.Kind != alignment.Aligns && e.Kind != alignment.Agrees && e.Kind != alignment.SupportsStatement) {
			continue
		}
		k := slices.IndexFunc(spans, func(sp targets.Span) bool { return e.Start >= sp.Start && e.Start < sp.End })
		if k < 0 || !slices.ContainsFunc(mentions, func(m targets.Mention) bool { return m.Sentence == k && m.Target == r.Target }) {
			continue
		}
		l := p[e.Target][r.Target]
		if l == "" {
			continue
		}
		if label != "" && l != label {
			return // the delegations referred to disagree
		}
		label, sentence = l, k
		cited = append(cited, string(e.Kind)+" "+e.Target)
	}
	if label == "" {
		return
	}
	r.Label, r.Evidence, r.Cues = label, sentence, cited
	r.Raw = stance.ReferenceRaw
	if label == stance.Oppose {
		r.Raw = -r.Raw
	}
	r.Score = math.Tanh(r.Raw)
}
