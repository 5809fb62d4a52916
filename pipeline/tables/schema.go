package tables

import (
	"math"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// Offsets locates a span in the source file both ways: code points (what
// Python's str and R's substr index by) and bytes.
type Offsets struct {
	CharStart, CharEnd int32
	ByteStart, ByteEnd int32
}

// Intervention is one row of interventions.parquet: one turn.
type Intervention struct {
	ID, SourceFile, Session    string
	Seq                        int32
	SpeakerRaw                 string // "" → null
	Role                       string
	DelegationCode, Delegation string // "" → null
	Inferred, Procedural       bool
	OnBehalfOf, FloorTo        string // "" → null
	AgendaItem, AgendaTopic    string // "" → null
	Text                       string
	Offsets
	Line                       int32
	Words, NSentences, NTokens int32
	// ToneSubstantive and ToneCourtesy are NaN (written as null) when the
	// turn has no sentence of that kind.
	ToneSubstantive, ToneCourtesy float64
	NCourtesy                     int32
}

// SentenceRow is one row of sentences.parquet.
type SentenceRow struct {
	InterventionID, SentenceID string
	Seq                        int32
	Text                       string
	Offsets
	NTokens      int32
	Tone         float64 // substantive tone, courtesy masked
	Courtesy     bool
	ToneCourtesy float64
}

// TokenRow is one row of tokens.parquet.
type TokenRow struct {
	InterventionID string
	SentenceSeq    int32
	Seq            int32
	Text, POS      string
	Offsets
}

// EntityRow is one row of entities.parquet.
type EntityRow struct {
	InterventionID string
	SentenceSeq    int32
	Seq            int32
	Text, Label    string
	Code, Kind     string // "" → null
	Demonym        bool
	Source         string
	Offsets
}

var (
	str  = arrow.BinaryTypes.String
	i32  = arrow.PrimitiveTypes.Int32
	boo  = arrow.FixedWidthTypes.Boolean
	span = []Column{
		col("char_start", i32, false, "start of the span in the source file, in Unicode code points from 0 (Python str / R substr indexing, +1 in R)"),
		col("char_end", i32, false, "end of the span (exclusive), in code points"),
		col("byte_start", i32, false, "start of the span in the source file, in bytes"),
		col("byte_end", i32, false, "end of the span (exclusive), in bytes"),
	}
)

// col describes a column.
func col(name string, t arrow.DataType, nullable bool, doc string) Column {
	return Column{Name: name, Type: t, Nullable: nullable, Doc: doc}
}

func withSpan(before []Column, after ...Column) []Column {
	out := append(append(append([]Column{}, before...), span...), after...)
	return out
}

// Interventions is interventions.parquet: one row per turn, Chair turns
// included, in file order then seq.
var Interventions = newTable("interventions", "one row per turn (intervention) of every transcript, Chair turns included; sorted by source_file, seq",
	withSpan([]Column{
		col("intervention_id", str, false, `stable id "<file stem>.t<seq>", e.g. "oewg2-s1-m9.t045"`),
		col("source_file", str, false, "base name of the transcript file"),
		col("session", str, true, `session and meeting from the header "Session 1-9 Transcript", e.g. "1-9"; null if the file has no header`),
		col("seq", i32, false, "position of the turn in its file, from 1"),
		col("speaker_raw", str, true, "the speaker heading as written (trimmed); null when the heading is missing and the speaker was inferred"),
		col("speaker_role", str, false, "chair | delegation (member states and the EU) | observer (observer states, groups, organisations) | other (unknown or unattributable speaker)"),
		col("delegation_code", str, true, "ISO 3166-1 alpha-3 code, EU, or a gazetteer code for groups and organisations; null for the Chair and for unattributed turns"),
		col("delegation", str, true, "display name of the delegation from the gazetteer; null when delegation_code is null"),
		col("speaker_inferred", boo, false, "true when no heading marks the turn: its start and speaker were inferred (a delegation from the Chair's floor-giving; the Chair from a paragraph that thanks the previous speaker or gives the floor); speaker_role is other when the Chair named no one"),
		col("procedural", boo, false, "true for turns that manage the floor only: short delegation turns with a procedural cue (deferring, 'was Colombia before me?') and short Chair turns that give the floor"),
		col("on_behalf_of", str, true, `codes of those the delegation speaks for ("on behalf of the EU and its member states" → "EU"), separated by ";"; null if none`),
		col("floor_to", str, true, "Chair turns: code of the delegation given the floor at the end of the turn; null otherwise"),
		col("agenda_item", str, true, `agenda item in force ("3", "5", "6"), from the Chair's announcements; null before the first`),
		col("agenda_topic", str, true, "agenda topic id from the configuration (e.g. capacity-building, organizational-matters); null if not announced"),
		col("text", str, false, "the speech, heading excluded, normalised (ASCII quotes and spaces, LF line breaks); the source bytes are at byte_start:byte_end"),
	}, col("line", i32, false, "1-based line of the heading in the source file (of the first paragraph when there is no heading)"),
		col("n_words", i32, false, "whitespace-separated words in text"),
		col("n_sentences", i32, false, "rows of this turn in sentences.parquet"),
		col("n_tokens", i32, false, "rows of this turn in tokens.parquet"),
		col("tone_substantive", f64, true, "mean substantive tone of the turn's non-courtesy sentences, in [-1, 1] (courtesy formulae masked, topic words such as threat/attack neutral); null if none"),
		col("tone_courtesy", f64, true, "mean tone of the turn's courtesy sentences (thanks, congratulations, greetings); null if none"),
		col("n_courtesy_sentences", i32, false, "sentences that are mostly courtesy formulae")),
	func(b *array.RecordBuilder, r Intervention) {
		f := fields(b)
		f.str(r.ID).str(r.SourceFile).opt(r.Session).i32(r.Seq).opt(r.SpeakerRaw).str(r.Role).opt(r.DelegationCode).opt(r.Delegation).
			bool(r.Inferred).bool(r.Procedural).opt(r.OnBehalfOf).opt(r.FloorTo).opt(r.AgendaItem).opt(r.AgendaTopic).str(r.Text).
			span(r.Offsets).i32(r.Line).i32(r.Words).i32(r.NSentences).i32(r.NTokens).optF64(r.ToneSubstantive).optF64(r.ToneCourtesy).i32(r.NCourtesy)
	})

// Sentences is sentences.parquet: one row per sentence of every turn.
var Sentences = newTable("sentences", "one row per sentence of every turn (prose v3 segmentation); sorted by intervention, seq",
	withSpan([]Column{
		col("intervention_id", str, false, "the turn (interventions.intervention_id)"),
		col("sentence_id", str, false, `stable id "<intervention_id>.s<seq>"`),
		col("seq", i32, false, "position of the sentence in its turn, from 1"),
		col("text", str, false, "the sentence, normalised"),
	}, col("n_tokens", i32, false, "rows of this sentence in tokens.parquet"),
		col("tone", f64, false, "substantive tone in [-1, 1]: VADER-style compound with courtesy formulae masked and the field's topic words (threat, attack, malicious, ...) neutral; see features/sentiment"),
		col("courtesy", boo, false, "the sentence is mostly a courtesy formula (thanks, congratulations, greetings, praise of efforts)"),
		col("tone_courtesy", f64, false, "tone of the courtesy part of the sentence alone (0 if none)")),
	func(b *array.RecordBuilder, r SentenceRow) {
		fields(b).str(r.InterventionID).str(r.SentenceID).i32(r.Seq).str(r.Text).span(r.Offsets).i32(r.NTokens).f64(r.Tone).bool(r.Courtesy).f64(r.ToneCourtesy)
	})

// Tokens is tokens.parquet: one row per token.
var Tokens = newTable("tokens", "one row per token (prose v3 tokenizer and perceptron tagger); sorted by intervention, seq",
	withSpan([]Column{
		col("intervention_id", str, false, "the turn"),
		col("sentence_seq", i32, false, "seq of the token's sentence in sentences.parquet"),
		col("seq", i32, false, "position of the token in its turn, from 1"),
		col("text", str, false, "the token, normalised"),
		col("pos", str, false, "Penn Treebank part-of-speech tag"),
	}),
	func(b *array.RecordBuilder, r TokenRow) {
		fields(b).str(r.InterventionID).i32(r.SentenceSeq).i32(r.Seq).str(r.Text).str(r.POS).span(r.Offsets)
	})

// Entities is entities.parquet: one row per named entity.
var Entities = newTable("entities", "one row per named entity: gazetteer matches (delegations, groups, organisations) and prose v3 entities that do not overlap them; sorted by intervention, seq",
	withSpan([]Column{
		col("intervention_id", str, false, "the turn"),
		col("sentence_seq", i32, false, "seq of the entity's sentence"),
		col("seq", i32, false, "position of the entity in its turn, from 1"),
		col("text", str, false, "the entity as written, normalised"),
		col("label", str, false, "GPE (states, observer states), ORG (EU, groups, organisations), or prose's label with ORGANIZATION written ORG and LOCATION written LOC (PERSON, GPE, ORG, LOC, ...)"),
		col("code", str, true, "gazetteer code (ISO3, EU, ...); null for prose entities"),
		col("kind", str, true, "gazetteer kind: state | observer | union | group | organisation; null for prose entities"),
		col("demonym", boo, false, `true when matched as a demonym ("the French statement")`),
		col("source", str, false, "gazetteer | prose"),
	}),
	func(b *array.RecordBuilder, r EntityRow) {
		fields(b).str(r.InterventionID).i32(r.SentenceSeq).i32(r.Seq).str(r.Text).str(r.Label).opt(r.Code).opt(r.Kind).
			bool(r.Demonym).str(r.Source).span(r.Offsets)
	})

// appender fills the builders of a record left to right.
type appender struct {
	b *array.RecordBuilder
	i int
}

func fields(b *array.RecordBuilder) *appender { return &appender{b: b} }

func (a *appender) next() array.Builder { f := a.b.Field(a.i); a.i++; return f }

func (a *appender) str(s string) *appender { a.next().(*array.StringBuilder).Append(s); return a }

// opt appends s, or null when s is empty.
func (a *appender) opt(s string) *appender {
	b := a.next().(*array.StringBuilder)
	if s == "" {
		b.AppendNull()
	} else {
		b.Append(s)
	}
	return a
}

func (a *appender) i32(v int32) *appender { a.next().(*array.Int32Builder).Append(v); return a }

func (a *appender) bool(v bool) *appender { a.next().(*array.BooleanBuilder).Append(v); return a }

func (a *appender) span(o Offsets) *appender {
	return a.i32(o.CharStart).i32(o.CharEnd).i32(o.ByteStart).i32(o.ByteEnd)
}

// StanceRow is one row of stance.parquet.
type StanceRow struct {
	InterventionID, SourceFile, DelegationCode string
	Target, Label                              string
	Score, RawScore                            float64
	Evidence                                   string
	EvidenceOffsets                            Offsets
	Cues                                       []string
	NMentions                                  int32
	Model                                      string
}

// DelegationRow is one row of delegations.parquet.
type DelegationRow struct {
	Code, Name, Kind, RegionalGroup string
	EUMember                        bool
	TurnsTotal, WordsTotal          int32
	Target, Label                   string
	Score                           float64
	Turns, Support, Oppose, Neutral int32
	Evidence                        []string
	ToneSubstantive, ToneCourtesy   float64 // NaN → null
	Positions
}

// Positions are a delegation's corpus-level positions (NaN and -1 → null).
type Positions struct {
	Included                  bool
	PC1, PC2                  float64
	WordfishTheta, WordfishSE float64
	Wordscore, WordscoreSE    float64
	KMeans, Ward, Community   int32
	LeafIndex                 int32
}

var (
	f64  = arrow.PrimitiveTypes.Float64
	strs = arrow.ListOfField(arrow.Field{Name: "element", Type: arrow.BinaryTypes.String, Nullable: false})
)

// Stance is stance.parquet: one row per turn and target the turn addresses.
var Stance = newTable("stance", "one row per (delegation turn, target) where the turn addresses the target; sorted by intervention, target order of the target file",
	[]Column{
		col("intervention_id", str, false, "the turn (interventions.intervention_id)"),
		col("source_file", str, false, "base name of the transcript file"),
		col("delegation_code", str, false, "the speaking delegation"),
		col("target", str, false, "target id from the target file (default: modalities, poa)"),
		col("label", str, false, "support | oppose | neutral (the target is addressed without a position)"),
		col("score", f64, false, "tanh of the summed cue weights: > 0 leans support, < 0 oppose; |score| ≥ tanh(threshold) gives support/oppose"),
		col("raw_score", f64, false, "the summed cue weights themselves (the label is support at ≥ threshold, oppose at ≤ -threshold; threshold 0.5 by default)"),
		col("evidence", str, false, "the sentence that shows the label, normalised"),
		col("evidence_start", i32, false, "start of the evidence sentence in the source file, in code points"),
		col("evidence_end", i32, false, "end of the evidence sentence (exclusive), in code points"),
		col("evidence_byte_start", i32, false, "start of the evidence sentence in the source file, in bytes"),
		col("evidence_byte_end", i32, false, "end of the evidence sentence (exclusive), in bytes"),
		col("cues", strs, false, `cue words of the evidence sentence after scope, as written ("support", "no objection", "premature"), and implicit cues`),
		col("n_mentions", i32, false, "mentions of the target in the turn (names, sponsor phrases, resolved anaphors, implicit cues)"),
		col("model", str, false, "model name and version"),
	},
	func(b *array.RecordBuilder, r StanceRow) {
		fields(b).str(r.InterventionID).str(r.SourceFile).str(r.DelegationCode).str(r.Target).str(r.Label).f64(r.Score).f64(r.RawScore).
			str(r.Evidence).span(r.EvidenceOffsets).list(r.Cues).i32(r.NMentions).str(r.Model)
	})

// Delegations is delegations.parquet: one row per delegation and target.
var Delegations = newTable("delegations", "one row per (delegation, target) over the whole corpus: the delegation's position, its turns and evidence; sorted by delegation_code, target",
	[]Column{
		col("delegation_code", str, false, "ISO 3166-1 alpha-3, EU, or a gazetteer code"),
		col("delegation", str, false, "display name from the gazetteer"),
		col("kind", str, false, "state | observer | union | group | organisation"),
		col("regional_group", str, true, "UN regional group: AFR, APG, EEG, GRULAC, WEOG; null for non-states"),
		col("eu_member", boo, false, "member of the European Union"),
		col("n_turns_total", i32, false, "turns of the delegation in the corpus"),
		col("n_words_total", i32, false, "words of those turns"),
		col("target", str, false, "target id"),
		col("label", str, false, "support | oppose | neutral | none (never addressed); the sign of the summed turn scores, see docs"),
		col("score", f64, false, "tanh of the summed raw turn scores on the target"),
		col("n_turns", i32, false, "turns that address the target"),
		col("n_support", i32, false, "of which labelled support"),
		col("n_oppose", i32, false, "of which labelled oppose"),
		col("n_neutral", i32, false, "of which labelled neutral"),
		col("evidence_ids", strs, false, "intervention ids of the turns whose label equals the delegation's label"),
		col("tone_substantive", f64, true, "mean substantive tone of all the delegation's non-courtesy sentences (same on every target row); null if none"),
		col("tone_courtesy", f64, true, "mean tone of the delegation's courtesy sentences (same on every target row); null if none"),
		col("included", boo, false, "the delegation has enough words (config corpus.min_words) to be placed by the corpus-level models below"),
		col("pc1", f64, true, "first principal component of the delegation feature matrix (words tf-idf, stance scores, tone; block-weighted, see models/corpus); sign: its largest loading is positive; null if not included"),
		col("pc2", f64, true, "second principal component; null if not included"),
		col("wordfish_theta", f64, true, "Wordfish position (Slapin and Proksch) from the delegation's word counts; sign fixed by config corpus.wordfish_dir; null if not included"),
		col("wordfish_se", f64, true, "standard error of wordfish_theta"),
		col("wordscore", f64, true, "Wordscores raw score from the reference texts in config corpus.wordscores_ref; null without references"),
		col("wordscore_se", f64, true, "standard error of wordscore"),
		col("kmeans", i32, true, "k-means++ cluster (k chosen by silhouette unless set), 0-based, numbered by first member code; null if not included"),
		col("ward", i32, true, "Ward cluster cut at the same k; null if not included"),
		col("community", i32, true, "Louvain community on the alignment network (edges.parquet); null if the delegation has no edge"),
		col("leaf_index", i32, true, "the delegation's leaf number in linkage.parquet (label leaf i with the delegation whose leaf_index is i); null if not included"),
	},
	func(b *array.RecordBuilder, r DelegationRow) {
		fields(b).str(r.Code).str(r.Name).str(r.Kind).opt(r.RegionalGroup).bool(r.EUMember).i32(r.TurnsTotal).i32(r.WordsTotal).
			str(r.Target).str(r.Label).f64(r.Score).i32(r.Turns).i32(r.Support).i32(r.Oppose).i32(r.Neutral).list(r.Evidence).
			optF64(r.ToneSubstantive).optF64(r.ToneCourtesy).bool(r.Included).optF64(r.PC1).optF64(r.PC2).
			optF64(r.WordfishTheta).optF64(r.WordfishSE).optF64(r.Wordscore).optF64(r.WordscoreSE).
			optI32(r.KMeans).optI32(r.Ward).optI32(r.Community).optI32(r.LeafIndex)
	})

// LinkageRow is one row of linkage.parquet: one merge of Ward's tree.
type LinkageRow struct {
	Idx1, Idx2, Distance, Count float64
}

// Linkage is linkage.parquet: Ward's merge tree in SciPy's linkage layout.
var Linkage = newTable("linkage", "one row per merge of Ward's agglomerative clustering of the included delegations, in SciPy's linkage-matrix layout: pass the four columns as a matrix to scipy.cluster.hierarchy.dendrogram; leaf i is the delegation whose delegations.leaf_index is i",
	[]Column{
		col("idx1", f64, false, "first cluster merged: a leaf (0..n-1) or an earlier merge (n + row)"),
		col("idx2", f64, false, "second cluster merged (idx1 < idx2)"),
		col("distance", f64, false, "Ward distance of the merge (as SciPy's method='ward' reports it)"),
		col("count", f64, false, "number of delegations in the merged cluster"),
	},
	func(b *array.RecordBuilder, r LinkageRow) {
		fields(b).f64(r.Idx1).f64(r.Idx2).f64(r.Distance).f64(r.Count)
	})

func (a *appender) f64(v float64) *appender { a.next().(*array.Float64Builder).Append(v); return a }

// optI32 appends v, or null when v is negative.
func (a *appender) optI32(v int32) *appender {
	b := a.next().(*array.Int32Builder)
	if v < 0 {
		b.AppendNull()
	} else {
		b.Append(v)
	}
	return a
}

// optF64 appends v, or null when v is NaN.
func (a *appender) optF64(v float64) *appender {
	b := a.next().(*array.Float64Builder)
	if math.IsNaN(v) {
		b.AppendNull()
	} else {
		b.Append(v)
	}
	return a
}

// list appends a list of strings (an empty list, never null).
func (a *appender) list(vs []string) *appender {
	lb := a.next().(*array.ListBuilder)
	lb.Append(true)
	vb := lb.ValueBuilder().(*array.StringBuilder)
	for _, v := range vs {
		vb.Append(v)
	}
	return a
}

// EdgeRow is one row of edges.parquet.
type EdgeRow struct {
	InterventionID, SourceFile string
	Source, Target, Kind       string
	Reported                   bool
	Cue, Evidence              string
	EvidenceOffsets            Offsets
}

// Edges is edges.parquet: the alignment network, one row per link.
var Edges = newTable("edges", "one row per alignment link stated in a delegation turn (who aligns with, agrees with, supports or disagrees with whom); sorted by intervention, then evidence position",
	[]Column{
		col("intervention_id", str, false, "the turn that states the link"),
		col("source_file", str, false, "base name of the transcript file"),
		col("source_code", str, false, "the delegation that aligns (the speaker, or a country named as aligning with the speaker's statement)"),
		col("target_code", str, false, "the delegation or group aligned with (ISO3, EU, GRP-…)"),
		col("kind", str, false, "aligns | agrees | supports_statement | supports_proposal | disagrees"),
		col("reported", boo, false, "true when the source is not the speaker (candidate countries aligning with an EU statement)"),
		col("cue", str, false, "the cue words as written, … where the target stands ('As … said')"),
		col("evidence", str, false, "the sentence that states the link, normalised"),
		col("evidence_start", i32, false, "start of the sentence in the source file, in code points"),
		col("evidence_end", i32, false, "end of the sentence (exclusive), in code points"),
		col("evidence_byte_start", i32, false, "start of the sentence in the source file, in bytes"),
		col("evidence_byte_end", i32, false, "end of the sentence (exclusive), in bytes"),
	},
	func(b *array.RecordBuilder, r EdgeRow) {
		fields(b).str(r.InterventionID).str(r.SourceFile).str(r.Source).str(r.Target).str(r.Kind).bool(r.Reported).
			str(r.Cue).str(r.Evidence).span(r.EvidenceOffsets)
	})

// All returns the documentation of every table, in output order.
func All() []Info {
	return []Info{Interventions.Info(), Sentences.Info(), Tokens.Info(), Entities.Info(), Stance.Info(), Edges.Info(), Delegations.Info(), Linkage.Info()}
}

func init() {
	Interventions.values("speaker_role", "chair", "delegation", "observer", "other")
	Entities.values("source", "gazetteer", "prose").values("kind", "state", "observer", "union", "group", "organisation")
	Stance.values("label", "support", "oppose", "neutral")
	Edges.values("kind", "aligns", "agrees", "supports_statement", "supports_proposal", "disagrees")
	Delegations.values("label", "support", "oppose", "neutral", "none").
		values("kind", "state", "observer", "union", "group", "organisation").
		values("regional_group", "AFR", "APG", "EEG", "GRULAC", "WEOG")
}
