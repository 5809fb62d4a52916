package pipeline

import (
	"fmt"
	"strings"

	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
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
}

// rowsOf converts a processed document into table rows, translating every
// offset from the normalised text to the source file.
func rowsOf(d *Document, gaz *gazetteer.Gazetteer) docRows {
	tr := d.Transcript
	var r docRows
	for i, t := range tr.Turns {
		a := d.Annotations[i]
		perSentence := make([]int32, len(a.Sentences)+1)
		for _, k := range a.Tokens {
			perSentence[k.Sentence]++
		}
		r.interventions = append(r.interventions, interventionRow(tr, t, a, gaz))
		for _, s := range a.Sentences {
			r.sentences = append(r.sentences, tables.SentenceRow{
				InterventionID: t.ID, SentenceID: fmt.Sprintf("%s.s%03d", t.ID, s.Seq), Seq: int32(s.Seq),
				Text: s.Text, Offsets: offsets(tr.Text, s.Start, s.End), NTokens: perSentence[s.Seq],
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
			Score: s.Result.Score, Evidence: s.Evidence, EvidenceOffsets: offsets(tr.Text, s.EvidenceStart, s.EvidenceEnd),
			Cues: nonNil(s.Result.Cues), NMentions: int32(s.Result.Mentions), Model: stance.ModelName,
		})
	}
	return r
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func delegationRow(ds stance.DelegationStance, tot *delegationTotals, gaz *gazetteer.Gazetteer) tables.DelegationRow {
	e, _ := gaz.ByCode(ds.Delegation)
	row := tables.DelegationRow{
		Code: ds.Delegation, Name: e.DisplayName, Kind: string(e.Kind), RegionalGroup: e.RegionalGroup, EUMember: e.EUMember,
		Target: ds.Target, Label: ds.Label, Score: ds.Score, Turns: int32(ds.Turns),
		Support: int32(ds.Support), Oppose: int32(ds.Oppose), Neutral: int32(ds.Neutral), Evidence: nonNil(ds.Evidence),
	}
	if tot != nil {
		row.TurnsTotal, row.WordsTotal = int32(tot.turns), int32(tot.words)
	}
	return row
}

func interventionRow(tr *ingest.Transcript, t ingest.Turn, a nlp.Annotation, gaz *gazetteer.Gazetteer) tables.Intervention {
	var name string
	if e, ok := gaz.ByCode(t.Code); ok && t.Code != "" {
		name = e.DisplayName
	}
	return tables.Intervention{
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
