// Package tables defines plenary's output tables — their Arrow schemas, row
// types and documentation — and writes them as Parquet files.
//
// The files are written for reproducible research: every property that
// shapes the bytes (format version, page sizes, compression and its level,
// row-group boundaries, the created_by string) is pinned here rather than
// left to library defaults that change between releases, and nothing in a
// table depends on time, host or scheduling. The same rows in the same order
// give the same bytes.
package tables

import (
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Sizes that shape the Parquet bytes; changing one changes every file.
const (
	batchRows      = 8192    // rows per Arrow record handed to the writer
	rowGroupRows   = 131_072 // rows per Parquet row group
	dataPageBytes  = 1 << 20
	dictPageBytes  = 1 << 20
	zstdLevel      = 3
	writeBatchSize = 1024
)

// Table describes one output table: its file name, schema, per-column
// documentation and how a row of type R is appended to Arrow builders.
type Table[R any] struct {
	Name    string // file name without extension, e.g. "interventions"
	Doc     string // what one row is
	Columns []Column
	append  func(b *array.RecordBuilder, r R)
	schema  *arrow.Schema
}

// Column documents one column for the codebook.
type Column struct {
	Name     string
	Type     arrow.DataType
	Nullable bool
	Doc      string
	Values   []string // the allowed values, for columns with a fixed vocabulary
}

// Schema returns the table's Arrow schema.
func (t *Table[R]) Schema() *arrow.Schema { return t.schema }

// Info is a table's documentation, independent of its row type.
type Info struct {
	Name    string
	Doc     string
	Columns []Column
}

// Info returns the table's documentation.
func (t *Table[R]) Info() Info { return Info{Name: t.Name, Doc: t.Doc, Columns: t.Columns} }

// values records the allowed values of a column (panics on an unknown
// column: a programming error caught by any test that loads the package).
func (t *Table[R]) values(col string, vs ...string) *Table[R] {
	for i := range t.Columns {
		if t.Columns[i].Name == col {
			t.Columns[i].Values = vs
			return t
		}
	}
	panic("tables: " + t.Name + " has no column " + col)
}

func newTable[R any](name, doc string, cols []Column, app func(b *array.RecordBuilder, r R)) *Table[R] {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: c.Name, Type: c.Type, Nullable: c.Nullable}
	}
	return &Table[R]{Name: name, Doc: doc, Columns: cols, append: app, schema: arrow.NewSchema(fields, nil)}
}

// Writer streams rows of one table into a Parquet file, holding at most one
// row group in memory.
type Writer[R any] struct {
	table *Table[R]
	fw    *pqarrow.FileWriter
	b     *array.RecordBuilder
	rows  int64
}

// WriterProperties returns the pinned Parquet properties for a file of
// schema; createdBy goes into the file footer and should name plenary's
// version, not the Arrow library's. Dictionary encoding is used for string
// columns only: their values repeat (ids, tags, labels, words), while the
// integer columns are mostly offsets, nearly all distinct, on which a
// dictionary costs hashing time and saves nothing.
func WriterProperties(createdBy string, schema *arrow.Schema) *parquet.WriterProperties {
	opts := []parquet.WriterProperty{
		parquet.WithCreatedBy(createdBy),
		parquet.WithVersion(parquet.V2_6),
		parquet.WithDataPageVersion(parquet.DataPageV1),
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithCompressionLevel(zstdLevel),
		parquet.WithDictionaryDefault(false),
		parquet.WithDictionaryPageSizeLimit(dictPageBytes),
		parquet.WithDataPageSize(dataPageBytes),
		parquet.WithBatchSize(writeBatchSize),
		parquet.WithMaxRowGroupLength(rowGroupRows),
		parquet.WithStats(true),
	}
	for _, f := range schema.Fields() {
		if arrow.IsBaseBinary(f.Type.ID()) || isStringList(f.Type) {
			opts = append(opts, parquet.WithDictionaryFor(dictPath(f), true))
		}
	}
	return parquet.NewWriterProperties(opts...)
}

// isStringList reports whether t is a list of strings.
func isStringList(t arrow.DataType) bool {
	l, ok := t.(*arrow.ListType)
	return ok && arrow.IsBaseBinary(l.Elem().ID())
}

// dictPath is the Parquet column path of field f (lists: name.list.element).
func dictPath(f arrow.Field) string {
	if _, ok := f.Type.(*arrow.ListType); ok {
		return f.Name + ".list.element"
	}
	return f.Name
}

// NewWriter starts a Parquet file for table t on w.
func NewWriter[R any](t *Table[R], w io.Writer, createdBy string) (*Writer[R], error) {
	fw, err := pqarrow.NewFileWriter(t.schema, w, WriterProperties(createdBy, t.schema), pqarrow.NewArrowWriterProperties())
	if err != nil {
		return nil, fmt.Errorf("tables: starting %s: %w", t.Name, err)
	}
	return &Writer[R]{table: t, fw: fw, b: array.NewRecordBuilder(memory.DefaultAllocator, t.schema)}, nil
}

// Append adds rows, flushing full batches to the file.
func (w *Writer[R]) Append(rows ...R) error {
	for _, r := range rows {
		w.table.append(w.b, r)
		w.rows++
		if w.b.Field(0).Len() >= batchRows {
			if err := w.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Rows reports how many rows have been appended.
func (w *Writer[R]) Rows() int64 { return w.rows }

// flush hands the buffered rows to the Parquet writer and starts a new row
// group when the current one is full. Row-group boundaries therefore depend
// only on the sequence of rows, never on how the caller batched them.
func (w *Writer[R]) flush() error {
	if w.b.Field(0).Len() == 0 {
		return nil
	}
	rec := w.b.NewRecordBatch()
	defer rec.Release()
	if err := w.fw.WriteBuffered(rec); err != nil {
		return fmt.Errorf("tables: writing %s: %w", w.table.Name, err)
	}
	n, err := w.fw.RowGroupNumRows()
	if err != nil {
		return fmt.Errorf("tables: writing %s: %w", w.table.Name, err)
	}
	if n >= rowGroupRows {
		w.fw.NewBufferedRowGroup()
	}
	return nil
}

// Close flushes the remaining rows and writes the file footer.
func (w *Writer[R]) Close() error {
	defer w.b.Release()
	if err := w.flush(); err != nil {
		return err
	}
	if err := w.fw.Close(); err != nil {
		return fmt.Errorf("tables: closing %s: %w", w.table.Name, err)
	}
	return nil
}
