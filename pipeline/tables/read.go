package tables

import (
	"context"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Row gives access to the named columns of one row during a Scan.
type Row struct {
	rec arrow.RecordBatch
	idx map[string]int
	i   int
}

func (r Row) col(name string) arrow.Array {
	k, ok := r.idx[name]
	if !ok {
		panic("tables: column " + name + " was not requested")
	}
	return r.rec.Column(k)
}

// Str returns a string column's value ("" when null).
func (r Row) Str(name string) string {
	a := r.col(name).(*array.String)
	if a.IsNull(r.i) {
		return ""
	}
	return a.Value(r.i)
}

// Int returns an int32 column's value (-1 when null).
func (r Row) Int(name string) int {
	a := r.col(name).(*array.Int32)
	if a.IsNull(r.i) {
		return -1
	}
	return int(a.Value(r.i))
}

// Float returns a float64 column's value.
func (r Row) Float(name string) float64 { return r.col(name).(*array.Float64).Value(r.i) }

// Bool returns a boolean column's value (false when null).
func (r Row) Bool(name string) bool {
	a := r.col(name).(*array.Boolean)
	return !a.IsNull(r.i) && a.Value(r.i)
}

// Null reports whether the named column is null in this row.
func (r Row) Null(name string) bool { return r.col(name).IsNull(r.i) }

// Scan reads the named columns of a Parquet table written by plenary,
// batch by batch (memory stays bounded by the batch size), calling fn for
// every row in file order.
func Scan(ctx context.Context, path string, columns []string, fn func(Row) error) error {
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		return fmt.Errorf("tables: %s: %w", path, err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: batchRows}, memory.DefaultAllocator)
	if err != nil {
		return fmt.Errorf("tables: %s: %w", path, err)
	}
	schema, err := fr.Schema()
	if err != nil {
		return fmt.Errorf("tables: %s: %w", path, err)
	}
	var indices []int
	idx := map[string]int{}
	for _, c := range columns {
		f := schema.FieldIndices(c)
		if len(f) != 1 {
			return fmt.Errorf("tables: %s has no column %s", path, c)
		}
		idx[c] = len(indices)
		indices = append(indices, f[0])
	}
	rr, err := fr.GetRecordReader(ctx, indices, nil)
	if err != nil {
		return fmt.Errorf("tables: %s: %w", path, err)
	}
	defer rr.Release()
	for rr.Next() {
		rec := rr.RecordBatch()
		for _, c := range columns {
			idx[c] = rec.Schema().FieldIndices(c)[0]
		}
		for i := 0; i < int(rec.NumRows()); i++ {
			if err := fn(Row{rec: rec, idx: idx, i: i}); err != nil {
				return err
			}
		}
	}
	if err := rr.Err(); err != nil {
		return fmt.Errorf("tables: reading %s: %w", path, err)
	}
	return nil
}
