package tables

import (
	"bytes"
	"fmt"
	"testing"
)

func tokenRows(n int) []TokenRow {
	rows := make([]TokenRow, n)
	for i := range rows {
		rows[i] = TokenRow{InterventionID: fmt.Sprintf("f.t%03d", i/50), SentenceSeq: int32(i / 10), Seq: int32(i%50 + 1),
			Text: fmt.Sprint("w", i%97), POS: "NN", Offsets: Offsets{int32(i), int32(i + 1), int32(i), int32(i + 1)}}
	}
	return rows
}

func write(t *testing.T, rows []TokenRow, chunk int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(Tokens, &buf, "plenary version test")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(rows); i += chunk {
		if err := w.Append(rows[i:min(i+chunk, len(rows))]...); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Rows() != int64(len(rows)) {
		t.Fatalf("Rows() = %d, want %d", w.Rows(), len(rows))
	}
	return buf.Bytes()
}

// TestBytesIndependentOfBatching: the file depends on the rows only, not
// on how the caller handed them over (per transcript, per turn, ...).
func TestBytesIndependentOfBatching(t *testing.T) {
	rows := tokenRows(3*batchRows + 17)
	want := write(t, rows, len(rows))
	for _, chunk := range []int{1, 7, batchRows - 1, batchRows + 1} {
		if got := write(t, rows, chunk); !bytes.Equal(got, want) {
			t.Errorf("chunks of %d give different bytes", chunk)
		}
	}
}

// TestColumnsMatchSchema keeps the documented columns and the appenders in
// step: every table's schema has exactly its documented columns, and each
// documented column has a description.
func TestColumnsMatchSchema(t *testing.T) {
	type doc struct {
		name string
		cols []Column
		n    int
	}
	for _, d := range []doc{
		{Interventions.Name, Interventions.Columns, len(Interventions.Schema().Fields())},
		{Sentences.Name, Sentences.Columns, len(Sentences.Schema().Fields())},
		{Tokens.Name, Tokens.Columns, len(Tokens.Schema().Fields())},
		{Entities.Name, Entities.Columns, len(Entities.Schema().Fields())},
	} {
		if len(d.cols) != d.n {
			t.Errorf("%s: %d documented columns, %d fields", d.name, len(d.cols), d.n)
		}
		for _, c := range d.cols {
			if c.Doc == "" {
				t.Errorf("%s.%s has no description", d.name, c.Name)
			}
		}
	}
	// An append that writes the wrong number of columns would panic or
	// leave builders of unequal length: write one row of each table.
	var buf bytes.Buffer
	checkOne(t, Interventions, Intervention{ID: "x"}, &buf)
	checkOne(t, Sentences, SentenceRow{InterventionID: "x"}, &buf)
	checkOne(t, Entities, EntityRow{InterventionID: "x"}, &buf)
}

func checkOne[R any](t *testing.T, tab *Table[R], row R, buf *bytes.Buffer) {
	t.Helper()
	buf.Reset()
	w, err := NewWriter(tab, buf, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Append(row); err != nil {
		t.Fatal(err)
	}
	for i, f := range w.b.Fields() {
		if f.Len() != 1 {
			t.Errorf("%s column %d has %d values after one row", tab.Name, i, f.Len())
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
