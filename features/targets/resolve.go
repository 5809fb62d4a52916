package targets

import (
	"slices"
	"strings"

	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/features/phrase"
)

// Mention kinds.
const (
	KindName     = "name"     // one of the target's names
	KindSponsor  = "sponsor"  // "the proposal of France and Egypt"
	KindAnaphor  = "anaphor"  // "the proposal", resolved by salience or context
	KindImplicit = "implicit" // an implicit cue in the target's context
	KindTopic    = "topic"    // the target's subject matter, in its context
	// KindOther marks another delegation's proposal ("the proposal of
	// Iran to hold consultations"), with no Target: a verdict on it is
	// not one on any target.
	KindOther = "other"
)

// Mention is one reference to a target in a turn.
type Mention struct {
	Target   string
	Kind     string
	Sentence int // index into Turn.Sentences
	// Start and End are byte offsets in Turn.Text; InSentence is Start
	// relative to the start of the mention's sentence.
	Start, End int
	InSentence int
	Text       string
	Polarity   string // implicit mentions only
}

// Span is a sentence's byte range in the turn text.
type Span struct{ Start, End int }

// Turn is what resolution needs to know about a turn.
type Turn struct {
	Text        string
	Sentences   []Span
	AgendaItem  string
	AgendaTopic string
	Speaker     string // the speaking delegation's code
	// Salient is the target named most recently in earlier turns of the
	// same agenda topic (the Chair's included), if any: the last fallback
	// for an anaphor ("the revised proposal") of a Chair-owned target when
	// neither the turn nor the agenda decides.
	Salient string
}

type compiledTarget struct {
	names, anaphors, exclude, implicit, topics *phrase.Set
}

func (s *Set) compile() error {
	s.compiled = make([]compiledTarget, len(s.Targets))
	for i, t := range s.Targets {
		names, err := compileList(t.Names)
		if err != nil {
			return err
		}
		anaphors, err := compileList(t.Anaphors)
		if err != nil {
			return err
		}
		exclude, err := compileList(t.Exclude)
		if err != nil {
			return err
		}
		topics, err := compileList(t.Topics)
		if err != nil {
			return err
		}
		var implicit []phrase.Pattern
		for _, im := range t.Implicit {
			p, err := phrase.Compile(im.Phrase, 1, false)
			if err != nil {
				return err
			}
			implicit = append(implicit, p)
		}
		c := compiledTarget{names: phrase.NewSet(names), anaphors: phrase.NewSet(anaphors), exclude: phrase.NewSet(exclude),
			implicit: phrase.NewSet(implicit), topics: phrase.NewSet(topics)}
		s.compiled[i] = c
	}
	return nil
}

func normPhrase(p string) string {
	var ws []string
	for _, w := range phrase.Words(p) {
		ws = append(ws, w.Lower)
	}
	return strings.Join(ws, " ")
}

// Resolver finds target mentions; it is safe for concurrent use.
type Resolver struct {
	set *Set
	gaz *gazetteer.Gazetteer
}

// NewResolver returns a Resolver for the targets, using the gazetteer to
// recognise whose proposal a phrase names.
func NewResolver(set *Set, gaz *gazetteer.Gazetteer) *Resolver { return &Resolver{set: set, gaz: gaz} }

// sentenceWords are the words of one sentence, offsets in the turn text.
type sentenceWords struct {
	text  string
	words []phrase.Word
}

// Resolve returns the turn's target mentions in text order.
//
// Names and sponsor phrases are explicit. An anaphor is resolved to the
// target named most recently in the same turn within the set's window of
// sentences, if that target lists the anaphor; failing that, to the single
// target whose context is the turn's agenda item or topic; failing that,
// to Turn.Salient if it is the Chair's own proposal. An anaphor that
// names its owner ("the proposal by Singapore", "our proposal") refers to
// another delegation's proposal, unless the owners are the target's
// sponsors; "your proposal" refers only to a target owned by the Chair.
func (r *Resolver) Resolve(t Turn) []Mention {
	sents := make([]sentenceWords, len(t.Sentences))
	for i, sp := range t.Sentences {
		words := phrase.Words(t.Text[sp.Start:sp.End])
		for k := range words {
			words[k].Start += sp.Start
			words[k].End += sp.Start
		}
		sents[i] = sentenceWords{text: t.Text[sp.Start:sp.End], words: words}
	}
	var out []Mention
	for i, s := range sents {
		out = append(out, r.explicit(t, i, s)...)
	}
	local := r.localAgenda(t, sents, out)
	// Salience needs the explicit mentions in text order.
	slices.SortStableFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	topics := r.anyContextTopics(sents)
	others := r.otherProposals(t, sents, out)
	for i, s := range sents {
		found, chained := r.anaphors(local[i], i, s, out, topics, others)
		out = append(out, found...)
		others = append(others, chained...)
		out = append(out, r.implicit(local[i], i, s, out)...)
	}
	for _, o := range others {
		if !namesTargetAfter(t, o, out) {
			o.Kind = KindOther
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b Mention) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return strings.Compare(a.Target, b.Target)
	})
	return out
}

// explicit finds names and sponsor phrases in sentence i.
func (r *Resolver) explicit(t Turn, i int, s sentenceWords) []Mention {
	var out []Mention
	for ti, ct := range r.set.compiled {
		id := r.set.Targets[ti].ID
		for _, h := range phrase.Longest(ct.names.Find(s.words)) {
			if excluded(ct, s.words, h) {
				continue
			}
			kind := KindName
			if generic(s.words, h) {
				kind = KindTopic
			}
			out = append(out, mention(t, id, kind, i, h))
		}
	}
	for ti, ct := range r.set.compiled {
		tg := r.set.Targets[ti]
		if len(tg.Sponsors) == 0 {
			continue
		}
		for _, h := range ct.anaphors.Find(s.words) {
			if owners := r.owners(t, h); len(owners) > 0 && subset(owners, tg.Sponsors) && !overlapsAny(out, h) {
				out = append(out, mention(t, tg.ID, KindSponsor, i, h))
			}
		}
	}
	return out
}

// generic reports whether a name stands after a quantifier that makes it
// any instance of its kind ("any modalities for their participation
// should be agreed by consensus"): the target's subject matter, not the
// target.
func generic(words []phrase.Word, h phrase.Hit) bool {
	return h.First > 0 && quantifiers[words[h.First-1].Lower]
}

var quantifiers = map[string]bool{"any": true, "whatever": true, "every": true, "all": true}

// anaphors resolves the anaphors of sentence i against the mentions found
// so far. Overlapping anaphors ("the compromise", "the compromise
// solution") count once, as the longest. The demonstrative anaphors that
// refer to another proposal are returned apart (chained): they keep that
// proposal salient for the sentences after them ("a proposal that we circulated
// ... We believe this proposal responds ... We invite all to support the
// proposal").
func (r *Resolver) anaphors(t Turn, i int, s sentenceWords, found, topics, others []Mention) (out, chained []Mention) {
	var hits []phrase.Hit
	listedBy := map[[2]int]map[int]bool{} // span → targets whose anaphors match it
	for ti, ct := range r.set.compiled {
		for _, h := range ct.anaphors.Find(s.words) {
			if !excluded(ct, s.words, h) {
				hits = append(hits, h)
				span := [2]int{h.Start, h.End}
				if listedBy[span] == nil {
					listedBy[span] = map[int]bool{}
				}
				listedBy[span][ti] = true
			}
		}
	}
	for _, h := range phrase.Longest(hits) {
		if overlapsAny(found, h) || namedRightAfter(t, h, found) || proposalToAct(t, h) || overlapsAny(others, h) {
			continue
		}
		id, ok := r.resolveAnaphor(t, i, h, found, topics, others, listedBy[[2]int{h.Start, h.End}])
		switch {
		case ok:
			out = append(out, mention(t, id, KindAnaphor, i, h))
		case id == otherProposal && demonstrative(s.words[h.First].Lower):
			chained = append(chained, mention(t, "", KindAnaphor, i, h))
		}
	}
	return out, chained
}

// demonstrative reports whether an anaphor's first word points back at
// what was just said ("this proposal"), which "the" does less surely ("the
// revised proposal" after "some delegations consider ..." is still the
// Chair's).
func demonstrative(w string) bool { return w == "this" || w == "that" || w == "these" }

// otherProposal is what resolveAnaphor returns, with false, for an
// anaphor that refers to another proposal named just before it.
const otherProposal = "(other)"

// resolveAnaphor decides which target, if any, anaphor h of sentence i
// refers to; listed holds the indexes of the targets whose anaphors
// match h, topics the turn's topic phrases in any agenda context, others
// the turn's mentions of other delegations' proposals.
func (r *Resolver) resolveAnaphor(t Turn, i int, h phrase.Hit, found, topics, others []Mention, listed map[int]bool) (string, bool) {
	norm := normPhrase(t.Text[h.Start:h.End])
	if len(r.owners(t, h)) > 0 || r.ownedByOther(t, h) {
		return "", false // another delegation's proposal (a sponsor's was taken as explicit)
	}
	your := strings.HasPrefix(norm, "your ")
	authored := authorsBefore(t.Text[:h.Start])
	fits := func(ti int) bool {
		tg := r.set.Targets[ti:]
		return ti >= 0 && listed[ti] && (!your || tg[0].Owner == "chair") && (!authored || len(tg[0].Sponsors) > 0)
	}
	before := func(m Mention) bool {
		return m.Sentence <= i && m.Sentence >= i-r.set.Window && (m.Sentence < i || m.Start < h.Start)
	}
	// Another delegation's proposal named more recently than any target,
	// within the window, is what the anaphor refers to ("the proposal made
	// by Kenya ... The proposal is modest"): no target.
	lastOther := -1
	for _, m := range others {
		if before(m) {
			lastOther = max(lastOther, m.Start)
		}
	}
	// Salience: the most recent explicit mention within the window.
	for k := len(found) - 1; k >= 0; k-- {
		m := found[k]
		if m.Kind != KindName && m.Kind != KindSponsor || !before(m) {
			continue
		}
		if m.Start < lastOther {
			break
		}
		if fits(r.index(m.Target)) {
			return m.Target, true
		}
	}
	if lastOther >= 0 {
		return otherProposal, false
	}
	// Context: the single target under discussion that lists the anaphor.
	var cands []string
	for ti, tg := range r.set.Targets {
		if tg.Context.Matches(t.AgendaItem, t.AgendaTopic) && fits(ti) {
			cands = append(cands, tg.ID)
		}
	}
	if len(cands) == 1 {
		return cands[0], true
	}
	// Subject matter: the target whose topic the turn has just named, in
	// whatever agenda context ("As regards the stakeholder question, we
	// have taken note of the revised proposal").
	for k := len(topics) - 1; k >= 0; k-- {
		m := topics[k]
		if m.Sentence > i || m.Sentence < i-r.set.Window || (m.Sentence == i && m.Start > h.Start) {
			continue
		}
		if fits(r.index(m.Target)) {
			return m.Target, true
		}
	}
	// Discourse: the Chair's own proposal, when the meeting was last
	// talking about it, stays the referent of its anaphors across turns
	// (other proposals need a mention in the turn: "the initiative" in a
	// capacity-building debate is rarely the one named two turns before).
	if ti := r.index(t.Salient); ti >= 0 && r.set.Targets[ti].Owner == "chair" && fits(ti) {
		return t.Salient, true
	}
	return "", false
}

// authorNouns name the authors of a proposal: "the co-authors of the
// proposal" is a proposal with sponsors, not the Chair's.
var authorNouns = map[string]bool{"authors": true, "co-authors": true, "coauthors": true, "sponsors": true,
	"co-sponsors": true, "cosponsors": true, "proponents": true, "author": true, "sponsor": true}

// authorsBefore reports whether text ends with "<author noun> of".
func authorsBefore(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) >= 2 && f[len(f)-1] == "of" && authorNouns[strings.Trim(f[len(f)-2], ",;:")]
}

// LastExplicit returns the target of the last name or sponsor mention in
// mentions, for carrying salience to the next turn.
func LastExplicit(mentions []Mention) (string, bool) {
	for k := len(mentions) - 1; k >= 0; k-- {
		if m := mentions[k]; m.Kind == KindName || m.Kind == KindSponsor {
			return m.Target, true
		}
	}
	return "", false
}

func (r *Resolver) index(id string) int {
	for i, t := range r.set.Targets {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// implicit finds the implicit cues and topic phrases of the targets whose
// context is the turn's agenda.
// implicit finds the implicit cues and topic phrases of sentence i: in the
// target's agenda context, and — implicit cues only — in a sentence that
// names the target or its subject matter in any context ("On the modalities of the
// stakeholders, we insist that the practice of the first OEWG continue").
func (r *Resolver) implicit(t Turn, i int, s sentenceWords, found []Mention) []Mention {
	var out []Mention
	for ti, ct := range r.set.compiled {
		tg := r.set.Targets[ti]
		inContext := tg.Context.Matches(t.AgendaItem, t.AgendaTopic)
		named := slices.ContainsFunc(found, func(m Mention) bool {
			return m.Sentence == i && m.Target == tg.ID && (m.Kind == KindName || m.Kind == KindSponsor)
		}) || len(ct.topics.Find(s.words)) > 0 // the subject matter named: "As for the participation of NGOs, we maintain the precedent of the first OEWG"
		if !inContext && !named {
			continue
		}
		for _, h := range phrase.Longest(ct.implicit.Find(s.words)) {
			m := mention(t, tg.ID, KindImplicit, i, h)
			m.Polarity = tg.Implicit[h.Pattern].Polarity
			out = append(out, m)
		}
		if !inContext {
			continue
		}
		for _, h := range phrase.Longest(ct.topics.Find(s.words)) {
			if !excluded(ct, s.words, h) {
				out = append(out, mention(t, tg.ID, KindTopic, i, h))
			}
		}
	}
	return out
}

// namedRightAfter reports whether a target's name follows the anaphor
// inside its own phrase ("the proposal of a Programme of Action", "this
// initiative, the Programme of Action"): the name is the mention, the
// anaphor no separate one.
func namedRightAfter(t Turn, h phrase.Hit, found []Mention) bool {
	for _, m := range found {
		if m.Kind != KindName || m.Start < h.End || m.Start > h.End+24 {
			continue
		}
		gap := strings.Trim(strings.ToLower(t.Text[h.End:m.Start]), " ,")
		switch gap {
		case "", "of", "of a", "of the", "for", "for a", "for the", "on", "on the", "i.e. the", "namely the":
			return true
		}
	}
	return false
}

// proposalToAct reports whether the anaphor is a proposal to do something
// ("your proposal, Mr. Chair, to request the Secretariat to …", "the
// proposal to develop a repository"): "to" and a word that is not a
// determiner follow it, past forms of address: a proposal of an action,
// not a text under discussion.
func proposalToAct(t Turn, h phrase.Hit) bool {
	words := phrase.Words(t.Text[h.End:min(len(t.Text), h.End+80)])
	k := 0
	for k < len(words) && addressWords[words[k].Lower] {
		k++
	}
	if k+1 >= len(words) || words[k].Lower != "to" {
		return false
	}
	return !determiners[words[k+1].Lower]
}

var (
	addressWords = map[string]bool{"mr": true, "madam": true, "chair": true, "chairman": true, "chairperson": true, "ambassador": true, "president": true}
	// determiners and the nouns that follow "to" as a preposition ("the
	// revised proposal to capital", "to delegations"): not a proposal to act.
	determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "all": true,
		"our": true, "your": true, "its": true, "their": true, "my": true, "his": true, "her": true, "member": true, "us": true, "me": true, "them": true,
		"capital": true, "capitals": true, "delegations": true, "states": true, "everyone": true, "colleagues": true, "consensus": true,
		"silence": true, "date": true, "light": true}
)

// otherProposals returns the anaphors of the turn that name another
// delegation's proposal ("the proposal made by Kenya", "Singapore's
// initiative", "our proposal" from a non-sponsor), as mentions without a
// target.
func (r *Resolver) otherProposals(t Turn, sents []sentenceWords, found []Mention) []Mention {
	var out []Mention
	for i, s := range sents {
		var hits []phrase.Hit
		for _, ct := range r.set.compiled {
			hits = append(hits, ct.anaphors.Find(s.words)...)
		}
		for _, h := range phrase.Longest(hits) {
			if !overlapsAny(found, h) && (len(r.owners(t, h)) > 0 || r.ownedByOther(t, h) || proposalToAct(t, h)) {
				out = append(out, mention(t, "", KindAnaphor, i, h))
			}
		}
		// "Singapore's proposal to open its fellowship programme": a
		// delegation's proposal named by its possessive alone.
		for k := 0; k+1 < len(s.words); k++ {
			if h, ok := r.possessedProposal(t, s.words, k); ok && !overlapsAny(found, h) && !overlapsAny(out, h) {
				out = append(out, mention(t, "", KindAnaphor, i, h))
			}
			if h, ok := r.agentProposal(t, s.words, k); ok && !overlapsAny(found, h) && !overlapsAny(out, h) {
				out = append(out, mention(t, "", KindAnaphor, i, h))
			}
		}
		// "a proposal that we circulated last week": the speaker's own
		// proposal, introduced with an indefinite article.
		for k, w := range s.words {
			if k > 0 && proposalNouns[w.Lower] && indefinite[s.words[k-1].Lower] {
				h := phrase.Hit{First: k - 1, Last: k, Start: s.words[k-1].Start, End: w.End}
				if (r.ownedByOther(t, h) || madeBefore(s.words, k-1) && !r.speakerSponsors(t.Speaker)) && !overlapsAny(out, h) {
					out = append(out, mention(t, "", KindAnaphor, i, h))
				}
			}
		}
		// "your idea of an informal dialogue … we support that proposal":
		// an idea of something named is another proposal.
		for _, w := range s.words {
			if w.Lower == "idea" && strings.HasPrefix(strings.ToLower(t.Text[w.End:min(len(t.Text), w.End+4)]), " of") {
				out = append(out, mention(t, "", KindAnaphor, i, phrase.Hit{Start: w.Start, End: w.End}))
			}
		}
	}
	return out
}

// madeBefore reports whether the speaker's verb of making stands in the
// four words before word k: "we circulated a proposal", "we have put
// forward an initiative".
func madeBefore(words []phrase.Word, k int) bool {
	for j := max(0, k-4); j < k; j++ {
		if (words[j].Lower == "we" || words[j].Lower == "i") && slices.ContainsFunc(words[j+1:k], func(w phrase.Word) bool { return madeVerbs[w.Lower] }) {
			return true
		}
	}
	return false
}

// indefinite articles introduce a proposal not named before.
var indefinite = map[string]bool{"a": true, "an": true}

// namesTargetAfter reports whether a target's name follows proposal o in
// the same phrase ("the proposal to establish a Programme of Action"): the
// proposal is then that target, not another delegation's.
func namesTargetAfter(t Turn, o Mention, found []Mention) bool {
	for _, m := range found {
		if m.Sentence != o.Sentence || m.Start < o.End || m.Kind != KindName && m.Kind != KindSponsor {
			continue
		}
		gap := t.Text[o.End:m.Start]
		if !strings.ContainsAny(gap, ".;:,") && len(strings.Fields(gap)) <= 4 {
			return true
		}
	}
	return false
}

// proposalNouns are the nouns a delegation's proposal goes by.
var proposalNouns = map[string]bool{"proposal": true, "proposals": true, "initiative": true, "idea": true, "paper": true,
	"amendment": true, "amendments": true, "suggestion": true, "draft": true, "text": true}

// agentProposal reports whether words k and k+1 are "the" and a proposal
// noun followed by its author, a delegation that sponsors no target: "the
// suggestion made by the Russian Federation", "the idea put forward by
// Kenya", "the amendment of Mexico".
func (r *Resolver) agentProposal(t Turn, words []phrase.Word, k int) (phrase.Hit, bool) {
	if words[k].Lower != "the" || !proposalNouns[words[k+1].Lower] {
		return phrase.Hit{}, false
	}
	h := phrase.Hit{First: k, Last: k + 1, Start: words[k].Start, End: words[k+1].End}
	codes := r.owners(t, h)
	if len(codes) == 0 || slices.ContainsFunc(codes, r.speakerSponsors) {
		return phrase.Hit{}, false
	}
	return h, true
}

// possessedProposal reports whether words k and k+1 are a delegation's
// possessive and a proposal noun ("Singapore's proposal"), as a hit over
// both; a target's sponsors' proposals ("France's proposal") are the
// explicit mentions' business, not this.
func (r *Resolver) possessedProposal(t Turn, words []phrase.Word, k int) (phrase.Hit, bool) {
	w := words[k].Lower
	if !proposalNouns[words[k+1].Lower] || !(strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
		return phrase.Hit{}, false
	}
	ms := r.gaz.Find(t.Text[words[k].Start:words[k].End])
	if len(ms) == 0 || ms[0].Demonym {
		return phrase.Hit{}, false
	}
	if r.speakerSponsors(ms[0].Code) {
		return phrase.Hit{}, false
	}
	return phrase.Hit{First: k, Last: k + 1, Start: words[k].Start, End: words[k+1].End}, true
}

// anyContextTopics returns the topic phrases of every sentence, for every
// target, whatever the agenda context: they can decide an anaphor, but are
// not mentions by themselves outside the target's context.
func (r *Resolver) anyContextTopics(sents []sentenceWords) []Mention {
	var out []Mention
	for i, s := range sents {
		for ti, ct := range r.set.compiled {
			for _, h := range phrase.Longest(ct.topics.Find(s.words)) {
				if !excluded(ct, s.words, h) {
					out = append(out, Mention{Target: r.set.Targets[ti].ID, Kind: KindTopic, Sentence: i, Start: h.Start, End: h.End})
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	return out
}

func mention(t Turn, id, kind string, i int, h phrase.Hit) Mention {
	return Mention{Target: id, Kind: kind, Sentence: i, Start: h.Start, End: h.End, InSentence: h.Start - t.Sentences[i].Start,
		Text: t.Text[h.Start:h.End]}
}

func excluded(ct compiledTarget, words []phrase.Word, h phrase.Hit) bool {
	for _, x := range ct.exclude.Find(words) {
		if x.First <= h.Last && h.First <= x.Last {
			return true
		}
	}
	return false
}

func overlapsAny(ms []Mention, h phrase.Hit) bool {
	for _, m := range ms {
		if m.Start < h.End && h.Start < m.End {
			return true
		}
	}
	return false
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// ownerLink are the words that join a proposal to its owner: "the proposal
// of/by/from France", "put forward by", "submitted by".
var ownerLink = map[string]bool{"of": true, "by": true, "from": true, "made": true, "put": true, "forward": true,
	"submitted": true, "presented": true, "tabled": true, "led": true, "advanced": true, "circulated": true,
	// time and manner words between the verb and its agent ("made yesterday by Kenya")
	"yesterday": true, "earlier": true, "today": true, "this": true, "morning": true, "afternoon": true, "last": true,
	"week": true, "recently": true, "also": true, "originally": true, "initially": true, "jointly": true}

// titleLink are the words of a courtesy title between a link word and the
// author ("made by the distinguished delegation of Iran"); they never
// start the link ("the text the United Kingdom would have written" has no
// author).
var titleLink = map[string]bool{"the": true, "distinguished": true, "delegation": true, "delegations": true, "representative": true, "esteemed": true}

// owners returns the codes of the delegations named right after the hit
// as its owners: "the proposal of France and Egypt", "the initiative put
// forward by Singapore".
func (r *Resolver) owners(t Turn, h phrase.Hit) []string {
	rest := t.Text[h.End:min(len(t.Text), h.End+120)]
	words := phrase.Words(rest)
	k := 0
	for k < len(words) && (ownerLink[words[k].Lower] || k > 0 && titleLink[words[k].Lower]) {
		k++
	}
	if k == 0 || k >= len(words) {
		return nil
	}
	pos := words[k].Start
	var codes []string
	for _, m := range r.gaz.Find(rest) {
		if m.Start < pos {
			continue
		}
		gap := strings.Trim(strings.ToLower(rest[pos:m.Start]), " ,")
		if (gap != "" && gap != "and" && gap != "the" && gap != "and the") || m.Demonym {
			break
		}
		codes = append(codes, m.Code)
		pos = m.End
	}
	return codes
}

// possessives that make a proposal someone else's (or the speaker's own).
var possessive = map[string]bool{"our": true, "its": true, "their": true, "his": true, "her": true}

// ownedByOther reports whether the anaphor is possessed by a delegation
// other than the Chair: "Singapore's proposal", "our proposal" (unless the
// speaker sponsors a target that lists it), "the Singaporean proposal".
func (r *Resolver) ownedByOther(t Turn, h phrase.Hit) bool {
	if r.madeBySpeaker(t, h) {
		return !r.speakerSponsors(t.Speaker)
	}
	before := t.Text[max(0, h.Start-60):h.Start]
	words := phrase.Words(before)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if possessive[last.Lower] {
		return !r.speakerSponsors(t.Speaker)
	}
	if strings.HasSuffix(last.Lower, "'s") {
		ms := r.gaz.Find(before)
		return len(ms) > 0 && ms[len(ms)-1].End >= last.Start
	}
	return false
}

// madeBySpeaker reports whether the anaphor is followed by a relative
// clause in which the speaker made it: "the proposal we circulated", "the
// proposal that we and Australia made".
func (r *Resolver) madeBySpeaker(t Turn, h phrase.Hit) bool {
	words := phrase.Words(t.Text[h.End:min(len(t.Text), h.End+60)])
	k := 0
	if k < len(words) && (words[k].Lower == "that" || words[k].Lower == "which") {
		k++
	}
	if k >= len(words) || (words[k].Lower != "we" && words[k].Lower != "i") {
		return false
	}
	for _, w := range words[k+1 : min(len(words), k+6)] {
		if madeVerbs[w.Lower] {
			return true
		}
	}
	return false
}

// madeVerbs are the verbs by which a speaker says it made a proposal.
var madeVerbs = map[string]bool{"made": true, "circulated": true, "presented": true, "submitted": true, "tabled": true,
	"put": true, "proposed": true, "introduced": true, "launched": true, "shared": true}

// speakerSponsors reports whether code sponsors one of the targets.
func (r *Resolver) speakerSponsors(code string) bool {
	for _, t := range r.set.Targets {
		if slices.Contains(t.Sponsors, code) {
			return true
		}
	}
	return false
}
