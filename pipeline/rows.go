package pipeline

import (
	"fmt"
	"math"
	"strings"

	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/features/sentiment"
	"github.com/plenary/plenary/models/stance"
	"github.com/plenary/plenary/nlp"
	"github.com/plenary/plenary/pipeline/tables"
)

// docRows are the table rows of one document.
type docRows struct {
	interventions []tables.Intervention
	sentences     []tables.SentenceRow
	tokens        []tables.TokenRow
	entities      []tables.EntityRow
	stance        []tables.StanceRow
	edges         []tables.EdgeRow
}

// rowsOf converts a processed document into table rows, translating every
// offset from the normalised text to the source file.
func rowsOf(d *Document, gaz *gazetteer.Gazetteer) docRows {
	tr := d.Transcript
	var r docRows
	var nSent, nTok, nEnt int
	for _, a := range d.Annotations {
		nSent, nTok, nEnt = nSent+len(a.Sentences), nTok+len(a.Tokens), nEnt+len(a.Entities)
	}
	r.interventions = make([]tables.Intervention, 0, len(tr.Turns))
	r.sentences = make([]tables.SentenceRow, 0, nSent)
	r.tokens = make([]tables.TokenRow, 0, nTok)
	r.entities = make([]tables.EntityRow, 0, nEnt)
	for i, t := range tr.Turns {
		a := d.Annotations[i]
		perSentence := make([]int32, len(a.Sentences)+1)
		for _, k := range a.Tokens {
			perSentence[k.Sentence]++
		}
		r.interventions = append(r.interventions, interventionRow(tr, t, a, d.Tone[i], gaz))
		for k, s := range a.Sentences {
			tone := d.Tone[i][k]
			r.sentences = append(r.sentences, tables.SentenceRow{
				InterventionID: t.ID, SentenceID: fmt.Sprintf("%s.s%03d", t.ID, s.Seq), Seq: int32(s.Seq),
				Text: s.Text, Offsets: offsets(tr.Text, s.Start, s.End), NTokens: perSentence[s.Seq],
				Tone: tone.Compound, Courtesy: tone.Courtesy, ToneCourtesy: tone.CourtesyCompound,
			})
		}
		for _, k := range a.Tokens {
			r.tokens = append(r.tokens, tables.TokenRow{
				InterventionID: t.ID, SentenceSeq: int32(k.Sentence), Seq: int32(k.Seq),
				Text: k.Text, POS: k.Tag, Offsets: offsets(tr.Text, k.Start, k.End),
			})
		}
		for _, e := range a.Entities {
			r.entities = append(r.entities, tables.EntityRow{
				InterventionID: t.ID, SentenceSeq: int32(e.Sentence), Seq: int32(e.Seq), Text: e.Text, Label: e.Label,
				Code: e.Code, Kind: e.Kind, Demonym: e.Demonym, Source: e.Source, Offsets: offsets(tr.Text, e.Start, e.End),
			})
		}
	}
	for _, s := range d.Stances {
		t := tr.Turns[s.Turn]
		r.stance = append(r.stance, tables.StanceRow{
			InterventionID: t.ID, SourceFile: tr.Name, DelegationCode: t.Code, Target: s.Result.Target, Label: s.Result.Label,
			Score: s.Result.Score, RawScore: s.Result.Raw, Evidence: s.Evidence, EvidenceOffsets: offsets(tr.Text, s.EvidenceStart, s.EvidenceEnd),
			Cues: nonNil(s.Result.Cues), NMentions: int32(s.Result.Mentions), Model: s.Result.Model,
		})
	}
	for _, e := range d.Edges {
		t := tr.Turns[e.Turn]
		src, reported := e.Edge.Source, true
		if src == "" {
			src, reported = t.Code, false
		}
		r.edges = append(r.edges, tables.EdgeRow{
			InterventionID: t.ID, SourceFile: tr.Name, Source: src, Target: e.Edge.Target, Kind: string(e.Edge.Kind), Reported: reported,
			Cue: e.Edge.Cue, Evidence: e.Edge.Sentence, EvidenceOffsets: offsets(tr.Text, t.Start+e.Edge.Start, t.Start+e.Edge.End),
		})
	}
	return r
}

// turnTone is the mean substantive and courtesy tone of a turn's
// sentences; NaN when it has none of a kind.
func turnTone(tone []sentiment.Sentence) (substantive, courtesy float64, nCourtesy int) {
	var sum, csum float64
	n := 0
	for _, s := range tone {
		if s.Courtesy {
			csum += s.CourtesyCompound
			nCourtesy++
		} else {
			sum += s.Compound
			n++
		}
	}
	return meanOrNaN(sum, n), meanOrNaN(csum, nCourtesy), nCourtesy
}

func meanOrNaN(sum float64, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func delegationRow(ds stance.DelegationStance, tot *delegationTotals, pos tables.Positions, gaz *gazetteer.Gazetteer) tables.DelegationRow {
	sub, cour := math.NaN(), math.NaN()
	if tot != nil {
		sub, cour = meanOrNaN(tot.toneSum, tot.toneN), meanOrNaN(tot.courtesySum, tot.courtesyN)
	}
	e, _ := gaz.ByCode(ds.Delegation)
	row := tables.DelegationRow{
		Code: ds.Delegation, Name: e.DisplayName, Kind: string(e.Kind), RegionalGroup: e.RegionalGroup, EUMember: e.EUMember,
		Target: ds.Target, Label: ds.Label, Score: ds.Score, Turns: int32(ds.Turns),
		Support: int32(ds.Support), Oppose: int32(ds.Oppose), Neutral: int32(ds.Neutral), Evidence: nonNil(ds.Evidence),
		ToneSubstantive: sub, ToneCourtesy: cour, Positions: pos,
	}
	if tot != nil {
		row.TurnsTotal, row.WordsTotal = int32(tot.turns), int32(tot.words)
	}
	return row
}

func interventionRow(tr *ingest.Transcript, t ingest.Turn, a nlp.Annotation, tone []sentiment.Sentence, gaz *gazetteer.Gazetteer) tables.Intervention {
	var name string
	if e, ok := gaz.ByCode(t.Code); ok && t.Code != "" {
		name = e.DisplayName
	}
	sub, cour, nCour := turnTone(tone)
	return tables.Intervention{
		ToneSubstantive: sub, ToneCourtesy: cour, NCourtesy: int32(nCour),
		ID: t.ID, SourceFile: tr.Name, Session: tr.Session, Seq: int32(t.Seq),
		SpeakerRaw: t.SpeakerRaw, Role: string(t.Role), DelegationCode: t.Code, Delegation: name,
		Inferred: t.Inferred, Procedural: t.Procedural, OnBehalfOf: strings.Join(t.OnBehalfOf, ";"), FloorTo: t.FloorTo,
		AgendaItem: t.AgendaItem, AgendaTopic: t.AgendaTopic, Text: t.Text, Offsets: offsets(tr.Text, t.Start, t.End),
		Line: int32(t.Line), Words: int32(t.Words), NSentences: int32(len(a.Sentences)), NTokens: int32(len(a.Tokens)),
	}
}

// offsets translates a span of the normalised text to the source file.
func offsets(t *ingest.Text, start, end int) tables.Offsets {
	return tables.Offsets{
		CharStart: int32(t.SourceChar(start)), CharEnd: int32(t.SourceChar(end)),
		ByteStart: int32(t.SourceByte(start)), ByteEnd: int32(t.SourceByte(end)),
	}
}
