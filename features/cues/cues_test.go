package cues

import (
	"strings"
	"testing"
)

func lexicon(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func sign(x float64) string {
	switch {
	case x >= 0.5:
		return "+"
	case x <= -0.5:
		return "-"
	}
	return "0"
}

// TestMinimalPairs checks each scope rule with the same sentence with and
// without the construction.
func TestMinimalPairs(t *testing.T) {
	l := lexicon(t)
	cases := []signCase{
		{"plain support", "We support your proposal.", "+"},
		{"negation", "We do not support your proposal.", "-"},
		{"negation (n't)", "We don't support your proposal.", "-"},
		{"plain objection is no position", "Such objections are made in the open.", "0"},
		{"negated objection", "We have no objection to your proposal.", "+"},
		{"plain opposition", "We oppose this proposal.", "-"},
		{"double negation", "It would be wrong to say that we oppose this proposal.", "+"},
		{"litotes", "We do not see any reason not to support the proposal.", "+"},
		{"not only is no negation", "We not only support the proposal but also welcome it.", "+"},
		{"contrast: support after however", "The proposal is not perfect; however, we fully support it.", "+"},
		{"contrast: concession before", "Although the proposal does not go as far as we would have liked, we believe it is a reasonable compromise.", "+"},
		{"hedge", "We are willing to support the timetable as long as all states show flexibility.", "0"},
		{"no hedge", "We are willing to support the timetable.", "+"},
		{"hypothetical object", "We are willing to support an arrangement on modalities which is based on consensus.", "0"},
		{"attribution", "Some delegations claimed that the proposal enjoys broad support.", "0"},
		{"attribution, then own view", "Some delegations claimed that the proposal enjoys broad support, but we oppose it.", "-"},
		{"third-party subject", "Sovereign states can reject a certain expert.", "0"},
		{"first-person subject", "We reject the proposal.", "-"},
		{"apposition keeps first person", "We, as EU member states, can support the compromise solution.", "+"},
		{"passive agent", "The Programme of Action promoted by some delegations is on the table.", "0"},
		{"agent noun", "We take note of the paper circulated by its co-sponsors.", "0"},
		{"calling on others", "We encourage all member states to support the proposal.", "+"},
		{"thanks are not support", "We thank you for your tireless efforts on the proposal.", "0"},
		{"neutral", "It is premature to take a position on this proposal.", "0"},
		{"evaluation", "Your proposal strikes a good balance.", "+"},
		{"negative evaluation", "The proposal is unbalanced.", "-"},
		// Found by heldout28 and heldout29.
		{"welcoming the target", "Brazil welcomes the POA.", "+"},
		{"welcoming the discussion of it", "Brazil welcomes this exchange of views on the POA.", "0"},
		{"welcoming that a discussion takes place", "Indonesia welcomes the fact that this discussion is taking place here.", "0"},
		{"keeping the previous procedure", "We prefer to keep the procedure applied in the previous Open-Ended Working Group.", "-"},
		{"a procedure that is not the previous one", "We prefer to keep the procedure applied in this Group.", "0"},
		{"litotes on adoption", "We see no reason why it should not be adopted today.", "+"},
		{"negated adoption", "It cannot be adopted today.", "-"},
		// Found by heldout30 and heldout31.
		{"an act someone may perform", "It takes from no State anything but the possibility to object in secret.", "0"},
		{"the speaker's own act", "We object to it in secret.", "-"},
		{"a view the speaker does not share", "We do not share the view that a Programme of Action would duplicate the work of the OEWG.", "+"},
		{"a view the speaker states", "A Programme of Action would duplicate the work of the OEWG.", "-"},
		{"an indirect question", "There are open questions on how it would be established.", "0"},
		{"a rhetorical question on the added value", "What exactly is the added value of a programme whose content is unknown?", "-"},
		{"the added value stated", "The added value of the programme is clear.", "+"},
		{"agreeing with the launch", "We agree with launching a POA.", "+"},
		{"not agreeing with the launch", "We do not agree with launching a POA separately.", "-"},
		{"the best option", "We see it as the best option for a permanent mechanism.", "+"},
		// Found by heldout32 and heldout33.
		{"not blocking", "Syria will not block the adoption of the proposal today.", "+"},
		{"blocking", "Syria will block the adoption of the proposal.", "-"},
		{"dissociating", "We dissociate ourselves from the decision.", "-"},
		{"comfortable", "We are comfortable with the modalities.", "+"},
		{"not comfortable", "We are not comfortable with the modalities.", "-"},
		{"favouring", "Mexico favours the adoption of your proposal.", "+"},
		{"an assurance is the authors'", "Its authors assure us that it would not duplicate the OEWG.", "0"},
		{"the speaker's assurance", "It would not duplicate the OEWG.", "+"},
		{"an invitation to support is not support", "We are invited to support the creation of another mechanism.", "0"},
		{"hard to imagine how", "It is hard to imagine how two formats could avoid duplicating each other.", "-"},
		{"a condition on the design", "It should complement, rather than duplicate, the work of this Group.", "0"},
		// Found by heldout34 and heldout35.
		{"a green light", "We give our green light to the revised proposal.", "+"},
		{"misgivings", "We have serious misgivings regarding point five of the revised proposal.", "-"},
		{"a step backwards", "We see this as a step backwards.", "-"},
		{"hoping for a solution", "We hope that a solution acceptable to all can be found soon.", "0"},
		{"the text acceptable", "The text is acceptable to all of us.", "+"},
		// Found by heldout36 to heldout39.
		{"agent of a participle is no attribution", "In our view, the programme proposed by some delegations should not be pursued.", "-"},
		{"reported by others", "Some delegations said that the programme should not be pursued.", "0"},
		{"a participle describing a noun", "The name of the objecting state would be shared on request.", "0"},
		{"the same verb acting", "We are objecting to the revised proposal.", "-"},
		{"preferring another course to establishing", "Rather than establishing a separate programme of action, we favour a permanent mechanism.", "-"},
		{"rather than, weakly", "We see it as a forum rather than a negotiation.", "0"},
		{"co-sponsoring in a relative clause", "Our questions are not reservations about the initiative, which Costa Rica co-sponsors.", "+"},
		{"the right framework", "A Programme of Action is the right framework for implementation.", "+"},
		{"joining the consensus", "We join the consensus.", "+"},
		{"a relative clause describing the thing named", "They promote a so-called programme, which would only duplicate this Group.", "-"},
		{"a relative with its own subject is someone else's act", "We recall the initiatives, which others promote.", "0"},
		{"a relative after a first-person object", "The rest of us will know who has objected.", "0"},
		{"co-sponsoring it", "That is why the Netherlands co-sponsors it.", "+"},
		{"support that depends on a condition", "Our support for the revised proposal depends on the full preservation of that character.", "0"},
		{"support for an amended text", "Should the revised proposal be amended to give States more time, Pakistan could go along with it.", "0"},
		{"support as it stands", "Pakistan can go along with the revised proposal.", "+"},
		{"ready to adopt", "The 40 countries on whose behalf I speak stand ready to adopt your revised proposal.", "+"},
		{"championing", "The EU continues to champion the Programme of Action.", "+"},
		{"a subordinate clause with its own subject", "It provides the transparency that we consider necessary when a state objects to an organisation.", "0"},
		{"a passive relative is someone else's act", "The programme, which is being promoted outside this Group, is on the table.", "0"},
	}
	checkSigns(t, l, cases)
}

// signCase is a sentence and the sign of its score ("+", "-", "0").
type signCase struct{ rule, sentence, want string }

func checkSigns(t *testing.T, l *Lexicon, cases []signCase) {
	t.Helper()
	for _, c := range cases {
		a := l.Analyze(c.sentence)
		if got := sign(a.Score); got != c.want {
			var cs []string
			for _, cu := range a.Cues {
				cs = append(cs, cu.Text)
			}
			t.Errorf("%s: %q scored %.2f (%s) [%s], want %s", c.rule, c.sentence, a.Score, got, strings.Join(cs, ", "), c.want)
		}
	}
}

func TestOwnSpansCountAsFirstPerson(t *testing.T) {
	l := lexicon(t)
	s := "The European Union and its member states fully support it."
	if a := l.Analyze(s); a.Score > 0 {
		t.Errorf("without own spans %q scored %.2f; member states are a third party", s, a.Score)
	}
	if a := l.Analyze(s, Span{4, 18}); a.Score <= 0 {
		t.Errorf("with the EU as the speaker %q scored %.2f", s, a.Score)
	}
}

func TestOwnPossessive(t *testing.T) {
	l := lexicon(t)
	s := "Mexico once again expresses its support for the text."
	if a := l.Analyze(s, Span{0, 6}); a.Score <= 0 {
		t.Errorf("%q said by Mexico scored %.2f", s, a.Score)
	}
	if a := l.Analyze("Brazil welcomes the paper and notes their support for it."); a.Score > 1 {
		t.Errorf("their support counted as the speaker's: %.2f", a.Score)
	}
}

// TestOwnSpeechIsNotAttribution: a verb of saying whose subject is the
// speaker introduces the speaker's own view (found by heldout55).
func TestOwnSpeechIsNotAttribution(t *testing.T) {
	l := lexicon(t)
	cases := []signCase{
		{"first person says", "We would like to say that the proposal is unbalanced.", "-"},
		{"first person argued", "We have argued that the proposal is unbalanced.", "-"},
		{"others say", "Some delegations would like to say that the proposal is unbalanced.", "0"},
		{"third person said", "He said that the proposal is unbalanced.", "0"},
		{"passive report", "We are told that the proposal is unbalanced.", "0"},
	}
	checkSigns(t, l, cases)
	s := "China also wishes to say that the proposal is unbalanced."
	if a := l.Analyze(s); a.Score != 0 {
		t.Errorf("%q without the speaker scored %.2f", s, a.Score)
	}
	if a := l.Analyze(s, Span{0, 5}); a.Score >= 0 {
		t.Errorf("%q said by China scored %.2f", s, a.Score)
	}
}

// TestViewReaction: answers to the view reported just before (found by
// heldout64).
func TestViewReaction(t *testing.T) {
	l := lexicon(t)
	cases := []struct {
		sentence string
		want     float64
	}{
		{"The Netherlands does not share that view.", -1},
		{"We read it differently.", -1},
		{"China is not in a position to share that assessment at this stage.", -1},
		{"We simply do not recognize that description in the text.", -1},
		{"We share that concern.", 1},
		{"We share the concern of small delegations about resources.", 0},
		{"Thank you.", 0},
	}
	for _, c := range cases {
		if got := l.ViewReaction(c.sentence); got != c.want {
			t.Errorf("ViewReaction(%q) = %v, want %v", c.sentence, got, c.want)
		}
	}
}

func TestNeutralAndCourtesyFlags(t *testing.T) {
	l := lexicon(t)
	if a := l.Analyze("We take note of the proposal."); !a.Neutral || a.Polar() {
		t.Errorf("take note: %+v", a)
	}
	if a := l.Analyze("We thank the Chair for his efforts."); !a.Courtesy || a.Polar() {
		t.Errorf("thanks: %+v", a)
	}
	if a := l.Analyze("It should draw on this group rather than competing with it."); a.Neutral || a.Polar() {
		t.Errorf("no position: %+v", a)
	}
	if a := l.Analyze("We are not yet in a position to express a view on the programme."); !a.Neutral || a.Polar() {
		t.Errorf("undecided under a negator: %+v", a)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"version: 2\nsupport: [x]\n", "version is 2"},
		{"version: 1\nsuport: [x]\n", "line 2: field suport not found"},
		{"version: 1\nsupport:\n  - {weight: 2}\n", "line 3: cue without phrase"},
		{"version: 1\n", "the lexicon has no cues"},
	}
	for _, c := range cases {
		_, err := Parse("lex.yaml", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "lex.yaml") {
			t.Errorf("Parse(%q) = %v, want an error naming lex.yaml with %q", c.text, err, c.want)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("It would be wrong to say that we do not, however, support it; although premature.")
	f.Add("no no no not support support oppose")
	l := lexicon(f)
	f.Fuzz(func(t *testing.T, s string) {
		a := l.Analyze(s)
		for _, c := range a.Cues {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End || s[c.Start:c.End] != c.Text {
				t.Fatalf("cue %+v does not locate its text in %q", c, s)
			}
		}
	})
}

func TestMoreScopeRules(t *testing.T) {
	l := lexicon(t)
	cases := []signCase{
		{"multiword negator counts once", "We are unable to accept the revised proposal.", "-"},
		{"not in a position to", "We are not in a position to join consensus on the proposal.", "-"},
		{"negation does not cross a new clause", "Our position has not changed, and we cannot accept it.", "-"},
		{"fronted condition introduces a verdict", "On the understanding that our concerns are met, we are ready to join consensus.", "+"},
		{"trailing condition qualifies it", "We are willing to support the timetable as long as all agree.", "0"},
		{"fronted condition, conditional verdict", "If that element is adjusted, my delegation would be ready to look at the text favourably.", "0"},
		{"passive agent of any kind", "Their proposal is supported by a majority of states.", "0"},
		{"adopting others' support", "The Philippines joins the many delegations that have expressed support for the proposal.", "+"},
		{"concession with it is not that", "It is not that we oppose stakeholders; however, we cannot accept the text.", "-"},
		{"a request for detail is no support", "We would welcome more detail on the financing.", "0"},
		{"an indirect question is undecided", "We cannot at this stage say whether we will be in a position to join it.", "0"},
		{"wrong to conclude restores", "It would be wrong to conclude that we are not in favour of the proposal.", "+"},
		{"no difficulty with", "We have no difficulty whatsoever with the compromise.", "+"},
		{"standing behind", "Finland stands fully behind your compromise.", "+"},
		{"a diplomatic formula is no evaluation", "We thank you for your search for a mutually acceptable solution.", "0"},
		{"double negation with see why", "We do not see why it should not be established soon.", "+"},
		{"an invitation to join", "We invite those who have not yet joined to do so.", "+"},
		{"a condition to meet criteria is no verdict", "Any mechanism should meet these criteria.", "0"},
		{"failing the criteria", "The proposal does not meet these criteria.", "-"},
		{"either/or is neutral", "Colleagues should not read either support or objection into our statement.", "0"},
		// Found by the fifth blind set (heldout5).
		{"nothing ... cannot: overlapping double negators count once", "There is nothing in the revised paper that we cannot live with.", "+"},
		{"something ... cannot", "There is something in the revised paper that we cannot live with.", "-"},
		{"can live with", "We can live with the revised paper.", "+"},
		{"no need for", "We see no need for a separate mechanism.", "-"},
		{"a need for", "We see the need for a separate mechanism.", "+"},
		{"arguments of others", "We have listened to the many arguments advanced in favour of the mechanism.", "0"},
		{"own argument", "We are in favour of the mechanism.", "+"},
		// Found by heldout6 and heldout7.
		{"a negated verb does not negate its object's evaluation", "We do not support the so-called mechanism.", "-"},
		{"the evaluation alone is negative", "We see the so-called mechanism.", "-"},
		{"not be the delegation that", "We will not be the delegation that stands against it.", "+"},
		{"standing against", "We stand against it.", "-"},
		{"not be the delegation that, far from a later cue", "Chile will not be the delegation that prevents its adoption, and we give it our support.", "+"},
		{"no element that we could not", "There is no element in the proposal that we could not support.", "+"},
		{"an element that we could not", "There is an element in the proposal that we could not support.", "-"},
		{"not standing in the way", "We will not stand in the way of the proposal.", "+"},
		{"not convinced", "We are not convinced that the mechanism is needed.", "-"},
		{"convinced is no cue", "We are convinced that the mechanism is needed.", "0"},
		{"committed to", "We remain fully committed to the mechanism.", "+"},
		{"cannot be the basis", "The plan cannot be the basis for a decision.", "-"},
		{"is the basis: counted only when negated", "The plan is the basis for a decision.", "0"},
		{"colleagues are a third party", "Some colleagues promote the mechanism.", "0"},
		{"rhetorical question", "How can we accept the text as it stands?", "-"},
		{"the same verb, asserted", "We can accept the text as it stands.", "+"},
		{"adoption is not a condition", "We would not object if it were adopted today.", "+"},
		{"a real condition", "We would not object if our concerns were met.", "0"},
		{"only if stays a condition", "We would support it only if it is adopted by consensus.", "0"},
		{"double negation stops at a new clause", "There is no element in the text that we could not support, and we are one of its co-sponsors.", "+"},
		{"double negation reaches past an apposition", "It would be wrong to say that we, as a group, oppose it.", "+"},
		{"double negation stops at a because-clause", "It would be wrong to read our questions as hesitation, because we have no difficulty with the compromise.", "+"},
		{"regret about an outcome", "We regret that it could not yet be adopted.", "+"},
		{"regret about one's own refusal", "We regret that we cannot lend our support to the proposal.", "-"},
		{"nothing found that we cannot live with", "We have not found anything in it that we cannot live with.", "+"},
		{"co-sponsors as a verb", "The United Kingdom co-sponsors the mechanism.", "+"},
		{"co-sponsors as a noun", "We thank the co-sponsors of the mechanism.", "0"},
		{"praise for others' efforts in promoting", "We commend France for its efforts in promoting the mechanism.", "0"},
		{"promoting it ourselves", "We are promoting the mechanism.", "+"},
		{"cannot agree to", "We cannot agree to the text.", "-"},
		{"agree to", "We agree to the text.", "+"},
		{"nothing incompatible", "We see nothing in the proposal that would be incompatible with our views.", "+"},
		{"incompatible", "The proposal is incompatible with our views.", "-"},
		{"inverted condition", "Should the mechanism be established, we would expect it to help Africa.", "0"},
		// Found by heldout10 and heldout11.
		{"no reason whatsoever not to", "We see no reason whatsoever not to adopt the text.", "+"},
		{"not to adopt", "We have decided not to adopt the text.", "-"},
		{"adopting a position is no verdict", "It is premature to adopt a position on this proposal.", "0"},
		{"no hesitation", "We have no hesitation in supporting it.", "+"},
		{"told us is attribution", "Some delegations have told us that the proposal enjoys broad support.", "0"},
		{"why should anyone create", "Why should the international community create such a mechanism?", "-"},
		// Found by heldout12 and heldout13.
		{"not believe that … the right way forward", "We do not believe that the mechanism is the right way forward.", "-"},
		{"believe that … the right way forward", "We believe that the mechanism is the right way forward.", "+"},
		{"so-called is not negated", "We do not believe that the so-called mechanism should prejudge our work.", "-"},
		{"not be unhappy", "Switzerland would not be unhappy to see the mechanism established.", "+"},
		{"sooner rather than later is not rather than", "We want the mechanism established sooner rather than later.", "+"},
		{"if not this, then what", "If not this mechanism, then what?", "+"},
		{"how can it be called", "How can a text be called a compromise when it favours one side?", "-"},
		{"overdue", "Some colleagues call it premature; we would call it overdue.", "+"},
		{"a criterion under must", "Whatever form it takes, the mechanism must build on, and not duplicate, the consensus.", "0"},
		{"a verdict without the modal", "The mechanism does not duplicate the consensus.", "+"},
		{"a modal does not soften a refusal", "We must say that we cannot accept the text.", "-"},
		{"rejecting a hypothetical is a refusal", "We cannot accept a text which obliges states to justify themselves.", "-"},
		{"no need for a kind of mechanism", "We see no need for a separate mechanism, which would only duplicate this Group.", "-"},
		{"nor do we consider it appropriate", "Nor do we consider it appropriate to establish the mechanism now.", "-"},
		{"we consider it appropriate", "We consider it appropriate to establish the mechanism now.", "+"},
		{"a predicate is not a third party's act", "The proposal on stakeholders remains unacceptable to us.", "-"},
		{"a third party's act", "Some stakeholders reject the proposal.", "0"},
		{"a refusal with a trailing condition", "The proposal remains unacceptable for my delegation as long as it requires states to explain themselves.", "-"},
		{"support with a trailing condition", "We can support the proposal as long as it requires states to explain themselves.", "0"},
		{"litotes: not unwilling", "We are not unwilling to join consensus on the text.", "+"},
		{"litotes: far from unwilling", "We are far from unwilling to go along with it.", "+"},
		{"no difficulty joining", "We have no difficulty joining consensus on it.", "+"},
		{"no small step forward", "It is no small step forward.", "+"},
		// Found by heldout18 and heldout19.
		{"not yet in a position to join", "We are not yet in a position to join consensus on the text.", "-"},
		{"regret that it has not been possible to adopt it", "We regret that it has not yet been possible to adopt it.", "+"},
		{"not without merit", "The proposal is not without merit.", "+"},
		{"merit alone is no verdict", "The idea has merit and deserves careful consideration.", "0"},
		{"not be the ones who stand in the way", "We will not be the ones who stand in the way of its adoption.", "+"},
		// Found by heldout21.
		{"in place of", "We ask that the informal format be retained in place of the arrangements of the proposal.", "-"},
		{"breaking the silence", "If the text is put under silence unchanged, we will break the silence.", "-"},
		{"not breaking the silence", "If the text is put under silence, we will not break the silence.", "+"},
		// Found by heldout20.
		{"no substitute for", "A voluntary mechanism is no substitute for a binding instrument.", "-"},
		{"make it a reality", "We intend to help make it a reality.", "+"},
		// Found by heldout23.
		{"a verdict with a condition", "Türkiye supports the mechanism provided that it remains inclusive.", "+"},
		{"a disposition with a condition", "Türkiye would support the mechanism provided that it remains inclusive.", "0"},
		{"avoiding duplication", "It avoids duplication with this Group.", "+"},
		{"difficult to see our way", "We would find it very difficult to see our way to joining consensus on the text.", "-"},
		{"a right to object is no objection", "The proposal names States that exercise their right to object.", "0"},
		// Found by heldout22.
		{"nothing we cannot live with, and much we welcome", "There is nothing in the proposal that we cannot live with, and a great deal in it that we actively welcome.", "+"},
		{"no cause to step back", "Nothing in the letters gives us cause to step back from it now.", "+"},
		{"nothing to object to", "Switzerland has nothing to object to in the revised proposal.", "+"},
		{"not heard anything that convinces us", "We have not heard anything that convinces us that the text is unbalanced.", "+"},
		{"the answer is yes", "To your question, our answer is yes.", "+"},
		// Found by heldout24.
		{"not see the merit", "We do not see the merit of establishing the mechanism now.", "-"},
		{"the best vehicle", "The mechanism is the best vehicle to take the work forward.", "+"},
		// Found by heldout26.
		{"nor do we see any value", "Nor do we see any value in launching the mechanism now.", "-"},
		{"set aside", "We ask that the additional elements of the text be set aside.", "-"},
		{"join us in", "We invite you to join us in establishing it.", "+"},
		{"a rhetorical question is not hedged by its object", "How can we accept a text which obliges states to justify themselves?", "-"},
		// Found by heldout59.
		{"regret that it was not adopted", "We regret that the proposal could not be adopted.", "+"},
		{"regret that it will be adopted", "We regret that the proposal will be adopted.", "-"},
		{"regret for the speaker's own refusal", "We regret that we cannot support the proposal.", "-"},
		{"regret with an impersonal subject in a position", "Canada regrets that it is not in a position to accept the proposal.", "-"},
		{"regret for a judgement", "We regret that the proposal is unbalanced.", "-"},
		{"an aside is outside the double negation", "We regret that your proposal, which we were ready to support, could not be adopted.", "+"},
		{"an aside is outside a double negator's scope", "It would be wrong to say that your proposal, which we cannot support, is balanced.", "-"},
		{"a judgement of a neutral act", "We do not think it would be useful to prejudge the outcome.", "0"},
		{"a judgement of an act", "It would be useful to adopt the proposal.", "+"},
		{"a negated-only cue under double negation", "We do not share the view that the programme cannot coexist with this group.", "+"},
		{"a negated-only cue asked about", "Would it replace this group or coexist with it?", "0"},
		{"a negated-only cue negated", "The programme cannot coexist with this group.", "-"},
		{"lived with", "We could have lived with your proposal.", "+"},
		// Found by heldout61.
		{"coming back to it is no backing", "We are studying the proposal and will come back to it.", "0"},
		{"backing it", "We back the proposal.", "+"},
		{"a design condition with rather than", "It can be that mechanism, provided it draws on this group rather than competing with it.", "0"},
		{"answering concerns", "The Group finds that it answers both of these concerns.", "+"},
		{"not taking concerns into account", "The proposal does not take our concerns into account.", "-"},
		// Found by heldout62 and heldout64.
		{"cannot subscribe to", "Nicaragua cannot subscribe to the revised proposal.", "-"},
		{"fails to address concerns", "The revised proposal still fails to address the concerns raised by many countries.", "-"},
		{"disappointed that it was not adopted", "We were disappointed that your proposal could not be adopted.", "+"},
		// Found by heldout22.
		{"not in favour of weakening it", "We would not be in favour of weakening the transparency element of the proposal.", "+"},
		{"in favour of weakening it", "We would be in favour of weakening the transparency element of the proposal.", "-"},
		{"a fronted condition, a conditional verdict further off", "If the modalities were clearer, Algeria would be in a better position to look at the revised proposal favourably.", "0"},
		// Found by heldout83 and heldout85.
		{"others said, after our own region", "We note that many delegations, including several from our own region, have said that they can live with the proposal.", "0"},
		{"we have said", "We have said that we can live with the proposal.", "+"},
		{"seeing it adopted", "Switzerland is therefore ready to see the seven points adopted without further changes.", "+"},
		{"looking forward to its establishment", "We look forward to the establishment of the Programme of Action.", "+"},
		// Found by heldout80 and heldout82.
		{"wrong to conclude anything less than committed", "It would be wrong to conclude that we are anything less than fully committed to the programme.", "+"},
		{"cannot imagine it without a central role", "Mexico cannot imagine a future dialogue in which the programme does not play a central role.", "+"},
		{"our reservations remain", "Our reservations on the revised proposal remain valid.", "-"},
		{"no reservations", "We have no reservations on the revised proposal.", "+"},
		// Found by heldout77-79.
		{"no reason not to adopt them", "We see no reason not to adopt them today.", "+"},
		{"no reason to adopt them", "We see no reason to adopt them today.", "-"},
		{"meets none of the requirements", "The Programme of Action, as it is currently conceived, meets none of these requirements.", "-"},
		{"finding it difficult to join", "Belarus would find it very difficult to join a consensus on that text.", "-"},
		{"a growing list of co-sponsors noted", "Indonesia takes note of the growing list of co-sponsors.", "0"},
		{"a name added to the list", "We added our name last month to the list of co-sponsors.", "+"},
		{"reserving its position", "We are therefore reserving our position on the text for the time being.", "0"},
		// Found by heldout76.
		{"without reservation is no negation", "The United Kingdom supports it without reservation and would join a decision on it.", "+"},
		{"not among those that can support", "My delegation is not among those that can support this initiative.", "-"},
		{"a question of value under a negated verb", "We do not see what added value a Programme of Action would bring.", "-"},
		{"others asking about value", "Some delegations asked what added value a Programme of Action would bring.", "0"},
		{"moving ahead with it", "Nor do we see any reason not to move ahead with it.", "+"},
		{"being promoted by others", "It is being promoted while this Group has barely begun its work.", "0"},
		// General wording not met in the sets yet.
		{"on board", "We are on board with the revised proposal.", "+"},
		{"no problem with it", "We have no problem with the revised proposal.", "+"},
		{"a problem with it", "We have a problem with the revised proposal.", "0"},
		{"we remain sceptical", "We remain sceptical about the programme.", "-"},
		{"others are sceptical", "This is in the interest of all, including the states who are sceptical today.", "0"},
		{"serious reservations", "We have serious reservations about the revised proposal.", "-"},
		// Found by heldout72.
		{"some countries are promoting it", "We have noted that some countries are promoting the programme of action with great energy.", "0"},
		// Found by heldout73.
		{"no compelling reason to depart", "China sees no compelling reason to depart from it.", "-"},
		{"not reflecting concerns", "In this form it does not reflect the concerns we have raised.", "-"},
		{"looks favourably", "Vanuatu looks favourably on the Programme of Action.", "+"},
		{"not wishing to see it diluted", "We would not wish to see it diluted any further.", "+"},
		{"others doing the same is no support", "We will engage constructively on it, and we count on all sides to do the same.", "0"},
		// Found by heldout71.
		{"the occasion is no condition", "We would join consensus on it today if it were put before us.", "+"},
		{"a condition on the content", "We would join consensus on it today if it were amended.", "0"},
		{"a refusal after a mid-sentence unless", "A text under which an entity is admitted unless a state explains itself is not consistent with that principle, and this is why we could not accept it.", "-"},
		{"letting the silence pass", "Our member states all let the silence pass in January.", "+"},
		{"the right mechanism", "The EU sees it as the right permanent and action-oriented mechanism.", "+"},
		// Found by heldout20, heldout46 and heldout57.
		{"let me say", "Let me also say that the proposal is unbalanced.", "-"},
		{"an inserted clause of others", "Let me recall, since some delegations have linked the two questions, that the programme is no substitute for a treaty.", "-"},
		{"others' view without the comma", "Some delegations have said that the programme is no substitute for a treaty.", "0"},
		{"scare quotes are the speaker's even in reported speech", "Some colleagues say that stakeholders will find their place in the so-called programme.", "-"},
		// Found by heldout70.
		{"no reason, in our view, why not", "There is no reason, in our view, why the programme should not be established.", "+"},
		// Found by heldout69.
		{"a named programme described", "The UK therefore supports a Programme of Action that is action-oriented.", "+"},
		{"an arrangement described", "The UK therefore supports an arrangement that is action-oriented.", "0"},
		{"useful parts", "The Programme of Action contains several ideas that India finds useful.", "0"},
		{"a useful whole", "India finds the Programme of Action useful.", "+"},
		{"avoiding duplication is a design aim", "It is meant to follow this group, so that we avoid any duplication.", "0"},
		// Found by heldout55: a presupposing name.
		{"the future programme", "We want the future Programme of Action to have stakeholder engagement built in.", "+"},
		{"a possible programme", "We want any Programme of Action to have stakeholder engagement built in.", "0"},
		// Found by heldout66.
		{"why would we launch it now", "Why would we launch a Programme of Action now, when this Group has a mandate until 2025?", "-"},
		{"why, then, would we now build", "Why, then, would we now build a separate Programme of Action?", "-"},
		{"support as aid", "We would like such support to become more predictable.", "0"},
		{"an embedded question", "Whether the programme is the best vehicle is a question on which we keep an open mind.", "0"},
		// Found by heldout56.
		{"support that others expressed", "We are grateful for the support that many delegations expressed for that proposal.", "0"},
		{"support that we expressed", "We recall the support that we expressed for that proposal.", "+"},
		{"an indefinite alternative put forward", "Perhaps a useful compromise would be for this Group to hold focused discussions.", "0"},
		{"the target judged", "The proposal is a useful compromise.", "+"},
		{"undecided under a negator", "We are not yet in a position to express a view on the programme.", "0"},
		{"not a viable option", "We do not consider the programme to be a viable option.", "-"},
	}
	checkSigns(t, l, cases)
}

// TestOpeners checks the sentence openers that carry a topic on or turn
// away from it, with the same sentence with and without the opener.
func TestOpeners(t *testing.T) {
	l := lexicon(t)
	cases := []struct {
		sentence         string
		continues, shift bool
	}{
		{"For these reasons, we have joined the co-sponsors.", true, false},
		{"And therefore we have joined the co-sponsors.", true, false},
		{"We have joined the co-sponsors.", false, false},
		{"It offers small States a standing platform.", true, false},
		{"At the regional level, we invite partners to join us.", false, true},
		{"We invite partners to join us at the regional level.", false, false},
		{"On a related note, we welcome virtual participation.", false, true},
	}
	for _, c := range cases {
		if got := l.Continues(c.sentence); got != c.continues {
			t.Errorf("Continues(%q) = %v, want %v", c.sentence, got, c.continues)
		}
		if got := l.ShiftsTopic(c.sentence); got != c.shift {
			t.Errorf("ShiftsTopic(%q) = %v, want %v", c.sentence, got, c.shift)
		}
	}
}

// TestOpeningReadsEnough: every opener of the default lexicon, with room
// for a first word before it and for the endings of its wildcards, fits in
// the part of a sentence Opening reads.
func TestOpeningReadsEnough(t *testing.T) {
	l := lexicon(t)
	for _, list := range []string{"cont", "shift", "after"} {
		for _, p := range l.scope[list].Patterns() {
			if room := 40 + 2*len(p.Raw); room > openingBytes {
				t.Errorf("opener %q needs %d bytes, Opening reads %d", p.Raw, room, openingBytes)
			}
		}
	}
	long := "However, " + strings.Repeat("the mechanism ", 40) + "is fine."
	if !l.Contrasts(long) || l.Continues(long) {
		t.Errorf("openers of a long sentence misread")
	}
}
