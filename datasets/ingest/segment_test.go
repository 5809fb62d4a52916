package ingest

import (
	"strings"
	"testing"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
)

func newTestIngester(t testing.TB) *Ingester {
	t.Helper()
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(cfg, gazetteer.Default())
}

// who renders a turn's speaker compactly: "CHAIR", a code, or "?" for an
// unattributed turn; an inferred speaker gets a trailing "*".
func who(t Turn) string {
	s := t.Code
	switch {
	case t.Role == RoleChair:
		s = "CHAIR"
	case s == "":
		s = "?"
	}
	if t.Inferred {
		s += "*"
	}
	return s
}

func speakers(tr *Transcript) string {
	var out []string
	for _, t := range tr.Turns {
		out = append(out, who(t))
	}
	return strings.Join(out, " ")
}

// doc builds a transcript from paragraphs separated by blank lines.
func doc(paras ...string) string {
	return "Session 3-4 Transcript\n(OEWG 2021-25)\n\nThis is an unofficial transcript\n\n" + strings.Join(paras, "\n\n") + "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
}

func TestSegmentationHardCases(t *testing.T) {
	in := newTestIngester(t)
	cases := []struct {
		name string
		text string
		want string // speakers, see who
	}{
		{"headings with trailing spaces and NBSP",
			doc("Ambassador Gafoor ", "Good morning. Netherlands, please.", "The Netherlands\u00a0", "Thank you Chair. We support it.", "Republic of Korea  ", "Thank you, Mr. Chair."),
			"CHAIR NLD KOR"},
		{"name variants",
			doc("Chair", "I give the floor to Russia.", "Russia", "Thank you.", "Chair", "UK, please.", "UK", "Thank you.", "Chair", "ROK, please.", "ROK", "Thank you.", "Chair", "Türkiye, please.", "Turkey", "Thank you.", "Chair", "Lao PDR, please.", "Lao PDR", "Thank you."),
			"CHAIR RUS CHAIR GBR CHAIR KOR CHAIR TUR CHAIR LAO"},
		{"missing delegation heading after floor-giving",
			doc("Ambassador Gafoor", "Thank you very much UK. Cuba, followed by Russian Federation. Cuba, please.", "Chair, the information and communication technologies must be used for peaceful ends.", "Ambassador Gafoor", "Thank you, Cuba for this statement. I give now the floor to the Russian Federation."),
			"CHAIR CUB* CHAIR"},
		{"missing heading, floor given with 'I give the floor now to'",
			doc("Ambassador Gafoor", "Thank you, Australia for your statement. I give the floor now to Iraq. You have the floor, please.", "Thank you. Thank you and good morning to all. The delegation of Iraq would like to thank you.", "Ambassador Gafoor", "Thank you very much, Iraq."),
			"CHAIR IRQ* CHAIR"},
		{"Chair's second paragraph gives the floor after a bare thanks; moving to an agenda item names no speaker",
			doc("Chair", "Thank you, Philippines. I will consult further, including on the amendment suggested by Mexico. We will now turn to agenda item five.", "Thank you. France, you have the floor, to be followed by India.", "France", "Thank you, Mr. Chair."),
			"CHAIR FRA"},
		{"a speech after a bare thanks stays a speech",
			doc("Chair", "Thank you, Peru. Kenya, please.", "Thank you. Kenya supports the proposal, as Egypt said; please count us in.", "Chair", "Thank you, Kenya."),
			"CHAIR KEN* CHAIR"},
		{"later speaker announced with 'will follow'",
			doc("Chair", "Kenya, please, you have the floor, and Ghana will follow.", "Thank you, Chair. Kenya has no objection.", "Chair", "Thank you, Kenya."),
			"CHAIR KEN* CHAIR"},
		{"missing Chair heading after a delegation",
			doc("Chile", "Thank you very much chair. We wish to make a brief statement.", "Thank you very much, Chile for your statement. I give now the floor to Singapore, please.", "Singapore", "Thank you, Mr. Chair."),
			"CHL CHAIR* SGP"},
		{"delegation speech over several paragraphs",
			doc("Chair", "France, please.", "France", "Thank you chair. First point.", "Second, we believe the POA matters.", "Thank you again, Mr. Chair, for your efforts. Third point.", "Chair", "Thank you, France."),
			"CHAIR FRA CHAIR"},
		{"short non-heading lines stay in their turn",
			doc("Ambassador Gafoor", "Thank you, Switzerland, France to be followed by Turkey.", "France", "Merci beaucoup."),
			"CHAIR FRA"},
		{"procedural out-of-turn question",
			doc("Ambassador Gafoor", "Costa Rica, please", "Costa Rica", "Mr. Chair was Colombia before me? I think they were", "Ambassador Gafoor", "Oh, my apologies. Colombia, please.", "Colombia", "Thank you very much."),
			"CHAIR CRI CHAIR COL"},
		{"transcription error in the Chair's thanks",
			doc("Malaysia", "Thank you.", "Ambassador Gafoor", "Thank you very much relationship for your statement, are given our the floor to Costa Rica, to be followed by China. Costa Rica, please", "Costa Rica", "Thank you."),
			"MYS CHAIR CRI"},
		{"text before the first heading is kept as other",
			doc("Some preamble that nobody said.", "Chair", "Good morning."),
			"? CHAIR"},
		{"unknown speaker heading is kept as other",
			doc("Chair", "I give the floor to the International Chamber of Commerce.", "Cyber Peace Institute", "Thank you, Chair, for this opportunity.", "Chair", "Thank you."),
			"CHAIR ? CHAIR"},
		{"chair gives the floor to no one by name",
			doc("Chair", "Thank you. The floor is open.", "Thank you, Mr. Chair. We wish to say something.", "Chair", "Thank you."),
			"CHAIR ?* CHAIR"},
		{"a name at the start of a wrapped line is not a heading",
			doc("Chair", "Egypt, please.", "Egypt", "We thank the delegation of\nChile\nfor its proposal."),
			"CHAIR EGY"},
		{"heading with colon and upper case",
			doc("CHAIR:", "MEXICO, please.", "MEXICO:", "Thank you."),
			"CHAIR MEX"},
		{"Chair paragraph thanking the previous speaker, without floor-giving",
			doc("Chair", "ROK, please.", "ROK", "Thank you, Mr. Chair. We have three points.", "Thank you, ROK. That concludes my list of speakers. The meeting is adjourned."),
			"CHAIR KOR CHAIR*"},
		{"Chair thanks with 'I thank'",
			doc("Chair", "Canada, please.", "Canada", "Thank you, Chair.", "I thank Canada for that statement. Chile, please.", "Thank you, Mr. Chair."),
			"CHAIR CAN CHAIR* CHL*"},
		{"Chair thanks an unknown speaker by title and gives the floor to no one known",
			doc("Chair", "Ms. Sorensen, please.", "Ms. Helena Sorensen", "Thank you, Chair. Civil society matters.", "Thank you, Ms. Sorensen. I now give the floor to the representative of Access Now.", "Thank you, Chair. Access Now works with people at risk.", "The Chair", "Thank you."),
			"CHAIR ? CHAIR* ?* CHAIR"},
		{"floor-giving forms",
			doc("Chair", "Thank you, France. Next on my list is Kenya.", "Thank you, Chair.",
				"Chair", "Thank you, Peru. Let me now turn to Australia.", "Thank you, Chair.",
				"Chair", "Peru is not in the room, so I give the floor to Ecuador, and we will come back to Peru later.", "Thank you, Chair.",
				"Chair", "Switzerland will follow Colombia, so Switzerland, please be ready.", "Thank you, Chair.",
				"Chair", "I now give the floor to Nigeria, speaking on behalf of the African Group.", "Thank you, Chair.",
				"Chair", "I give the floor to New Zealand, to be followed by Colombia and Switzerland.", "Thank you, Chair."),
			"CHAIR KEN* CHAIR AUS* CHAIR ECU* CHAIR COL* CHAIR NGA* CHAIR NZL*"},
		{"Chair continues over several paragraphs",
			doc("Chair", "Thank you, China. I think we have had an exchange of views.", "Distinguished delegates, I have heard broad support for a portal."),
			"CHAIR"},
		{"European Union and observers",
			doc("Chair", "EU, you have the floor.", "European Union", "I speak on behalf of the EU and its member states.", "Chair", "Holy See, please.", "Holy See", "Thank you."),
			"CHAIR EU CHAIR VAT"},
		// heldout76: "turn to the programme of work" gives no one the floor,
		// so the Chair's next paragraph is still the Chair's.
		{"turning to the programme of work",
			doc("Chair", "I declare open the first meeting of the Open-ended Working Group. Before we turn to the programme of work, I would like to take up agenda item three.",
				"As you will recall, I circulated a revised proposal in December.", "European Union", "Thank you, Mr. Chair."),
			"CHAIR EU"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr, err := in.Parse("case.txt", []byte(c.text))
			if err != nil {
				t.Fatal(err)
			}
			if got := speakers(tr); got != c.want {
				t.Errorf("speakers\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestTurnAttributes(t *testing.T) {
	in := newTestIngester(t)
	text := doc(
		"Ambassador Gafoor",
		"We will now continue with agenda item five. On the topic of Confidence Building Measures. Costa Rica, please",
		"Costa Rica",
		"Mr. Chair was Colombia before me? I think they were",
		"Ambassador Gafoor",
		"Thank you. If there are no further speakers we will move on to the next sub item, which is capacity building. Dominican Republic, please.",
		"Dominican Republic",
		"I would now like to make a statement on behalf of Germany, Estonia, Luxembourg and the Dominican Republic and present one initiative.",
		"Ambassador Gafoor",
		"Thank you. We have exhausted the list of speakers for sub item on building measures. So I propose that we move on to the sub item on capacity building Item five. After that, we will go to agenda item 3, organizational matters. EU, please.",
		"European Union",
		"I have the honour to speak on behalf of the EU and its member states, the candidate countries of the Republic of North Macedonia, Montenegro and Albania align themselves.",
		"Ambassador Gafoor",
		"Thank you. We have concluded this sub-item, I would now like to proceed to agenda item three, organizational matters. Venezuela, please.",
		"Venezuela",
		"We support the statement delivered on behalf of the Non-Aligned Movement.",
	)
	tr, err := in.Parse("attrs.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		who, item, topic, behalf, floorTo string
		procedural                        bool
	}
	wants := []want{
		{"CHAIR", "5", "confidence-building-measures", "", "CRI", true},
		{"CRI", "5", "confidence-building-measures", "", "", true},
		{"CHAIR", "5", "confidence-building-measures", "", "DOM", true},
		{"DOM", "5", "confidence-building-measures", "DEU;EST;LUX;DOM", "", false},
		{"CHAIR", "5", "capacity-building", "", "EU", true},
		{"EU", "5", "capacity-building", "EU", "", false},
		{"CHAIR", "3", "organizational-matters", "", "VEN", true},
		{"VEN", "3", "organizational-matters", "", "", false},
	}
	if len(tr.Turns) != len(wants) {
		t.Fatalf("got %d turns (%s), want %d", len(tr.Turns), speakers(tr), len(wants))
	}
	for i, w := range wants {
		tu := tr.Turns[i]
		got := want{who(tu), tu.AgendaItem, tu.AgendaTopic, strings.Join(tu.OnBehalfOf, ";"), tu.FloorTo, tu.Procedural}
		if got != w {
			t.Errorf("turn %d:\n got %+v\nwant %+v", i+1, got, w)
		}
	}
	if tr.Session != "3-4" {
		t.Errorf("session %q, want 3-4", tr.Session)
	}
	if tr.Turns[0].ID != "attrs.t001" || tr.Turns[7].Seq != 8 {
		t.Errorf("ids: %s, seq %d", tr.Turns[0].ID, tr.Turns[7].Seq)
	}
}

func TestWarningsNameFileAndLine(t *testing.T) {
	in := newTestIngester(t)
	tr, err := in.Parse("dir/w.txt", []byte(doc("Chair", "Cuba, please.", "Thank you, Chair.", "Mystery Speaker", "Hello there, friends.")))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, w := range tr.Warnings {
		msgs = append(msgs, w.String())
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{"dir/w.txt: line 10: no heading: speaker inferred as CUB", `dir/w.txt: line 12: unknown speaker "Mystery Speaker"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings lack %q:\n%s", want, joined)
		}
	}
}

func TestFurniture(t *testing.T) {
	in := newTestIngester(t)
	tr, err := in.Parse("f.txt", []byte(doc("Chair", "Good morning.")+"\nA comment left by a reader.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Turns) != 1 || strings.Contains(tr.Turns[0].Text, "Leave") || strings.Contains(tr.Turns[0].Text, "unofficial") {
		t.Errorf("furniture not removed: %+v", tr.Turns)
	}
	if tr.Dropped != 6 {
		t.Errorf("dropped %d lines, want 6", tr.Dropped)
	}
	if len(tr.Warnings) != 1 || !strings.Contains(tr.Warnings[0].Msg, "after the page footer") {
		t.Errorf("want one warning about text after the footer, got %v", tr.Warnings)
	}
}

func TestOnBehalfOf(t *testing.T) {
	in := newTestIngester(t)
	cases := []struct{ text, want string }{
		{"I have the honour to speak on behalf of the EU and its member states, the candidate countries of the Republic of North Macedonia align themselves.", "EU"},
		{"I would now like to make a statement on behalf of Germany, Estonia, Luxembourg and the Dominican Republic.", "DEU;EST;LUX;DOM"},
		{"Cuba, speaking on behalf of the Group of 77 and China, wishes to stress three points.", "GRP-G77"},
		{"We support the statement delivered on behalf of the Non-Aligned Movement.", ""},
		{"Nigeria associates itself with the statement delivered by Egypt on behalf of the African Group.", ""},
		{"On behalf of my delegation, I thank you.", ""},
		{"I am speaking for the Arab Group today.", "GRP-ARAB"},
		{"I take the floor in the name of the African Group.", "GRP-AFR"},
		{"ON BEHALF OF THE EU, I thank you.", "EU"},
		// heldout33: a statement reported with a time before its speaker
		{"Cuba aligns itself with the statement delivered this morning by Azerbaijan on behalf of the Non-Aligned Movement.", ""},
		// heldout30: a described group, then its members
		{"I speak on behalf of a cross regional group of states, namely Chile, Ecuador and Uruguay.", "CHL;ECU;URY"},
		{"I speak on behalf of a group of states that I will not name.", ""},
		{"Let me thank Egypt, which spoke for the African Group, for its statement delivered earlier by its ambassador on behalf of the African Group.", ""},
	}
	for _, c := range cases {
		if got := strings.Join(in.onBehalfOf(c.text), ";"); got != c.want {
			t.Errorf("onBehalfOf(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestAgendaAnnouncements(t *testing.T) {
	in := newTestIngester(t)
	cases := []struct{ chair, item, topic string }{
		{"We have concluded our discussion on the sub-item relating to confidence building measures, and I would now like to proceed to agenda item three, organizational matters. Kenya, please.", "3", "organizational-matters"},
		{"I would like to proceed this morning to agenda item three, organizational matters. After that, we will return to agenda item five. Kenya, please.", "3", "organizational-matters"},
		{"If there are no further speakers we will move on to capacity building. Kenya, please.", "", ""},
		{"We will now turn to the sub-item on regular institutional dialogue under agenda item five. Kenya, please.", "5", "regular-institutional-dialogue"},
		{"Tomorrow we will take up other matters. Kenya, please.", "", ""},
		// At the opening, with no agenda in force, a plan for this meeting
		// sets it; a plan for another day or a condition still does not.
		{"This afternoon we will take up agenda item three, organizational matters. Kenya, please.", "3", "organizational-matters"},
		{"This afternoon we will take up agenda item three, organizational matters, if there are no objections. Kenya, please.", "", ""},
		{"We will take up other matters tomorrow afternoon. Kenya, please.", "", ""},
		{"We will continue with capacity building. This afternoon we will take up other matters. Kenya, please.", "5", "capacity-building"},
		{"We will devote this morning to the sub-item on regular institutional dialogue under agenda item five. Kenya, please.", "5", "regular-institutional-dialogue"},
		{"We will go straight to agenda item three, on the modalities for the participation of stakeholders. Kenya, please.", "3", "organizational-matters"},
		{"This morning we resume our consideration of agenda item 5 on regular institutional dialogue. Kenya, please.", "5", "regular-institutional-dialogue"},
		{"I would like to return to agenda item three before we continue our discussions under agenda item five. Kenya, please.", "3", ""},
		{"We continue with agenda item five. Before I open the floor, a brief word on agenda item three. EU, please.", "5", ""},
		// heldout41: the item after "and then we will" is the next one.
		{"We will continue with agenda item three and the remaining speakers, and then we will proceed to agenda item five. Kenya, please.", "3", ""},
		{"We have concluded agenda item three, and I would now like to proceed to agenda item five. Kenya, please.", "5", ""},
		{"We will now take up agenda item three, organizational matters. I will come back to it under agenda item six. After this item we return to agenda item five. Kenya, please.", "3", "organizational-matters"},
		{"We will continue with capacity building. Our report under agenda item 6 is due. Kenya, please.", "5", "capacity-building"},
		// The topic named after "under", before the cue (found by heldout6).
		{"We have come to the end of the list on capacity building. I would like to take a few minutes, under organizational matters, to return to a question that has been with us. Kenya, please.", "3", "organizational-matters"},
		{"We have come to the end of the list on capacity building. I would like to take a few minutes to return to a question that has been with us. Kenya, please.", "", ""},
		// heldout57: a plan in a later coordinate clause leaves the first
		// clause's announcement in force.
		{"As we agreed, we will devote this afternoon to agenda item three, on the modalities for stakeholder participation, and we will take up agenda item five tomorrow morning. Kenya, please.", "3", "organizational-matters"},
		{"We will take up agenda item five tomorrow morning. Kenya, please.", "", ""},
		{"Tomorrow, and only then, we will take up agenda item five. Kenya, please.", "", ""},
		// heldout82: "and then" without a subject plans the next item too.
		{"We will now take up agenda item three, organizational matters. As regards the programme of work, we will complete the list of speakers on this item and then return to agenda item five. Kenya, please.", "3", "organizational-matters"},
	}
	for _, c := range cases {
		tr, err := in.Parse("a.txt", []byte(doc("Chair", c.chair, "Kenya", "Thank you.")))
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.Turns[1]; got.AgendaItem != c.item || got.AgendaTopic != c.topic {
			t.Errorf("%q: agenda %q/%q, want %q/%q", c.chair, got.AgendaItem, got.AgendaTopic, c.item, c.topic)
		}
	}
}
