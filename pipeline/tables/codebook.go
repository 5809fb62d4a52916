package tables

import (
	"fmt"
	"io"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// WriteCodebook writes the codebook of the output tables as Markdown:
// every table, column, type, nullability, allowed values and meaning.
// docs/codebook.md is this output; a test keeps the two in sync.
func WriteCodebook(w io.Writer, tables []Info) error {
	var b strings.Builder
	b.WriteString("# plenary codebook\n\n")
	b.WriteString("Generated from the Arrow schemas by `plenary schema`; do not edit by hand.\n")
	b.WriteString("Every table is a Parquet file in the output directory. Types are Arrow types;\n")
	b.WriteString("`int32` columns read as integers in pandas, polars, DuckDB and R.\n")
	b.WriteString("Offsets: `*_start`/`*_end` without `byte` count Unicode code points in the\n")
	b.WriteString("source file (Python `str` indexing; in R, `substr(x, start + 1, end)`);\n")
	b.WriteString("`*byte*` columns count bytes. Ends are exclusive.\n")
	for _, t := range tables {
		fmt.Fprintf(&b, "\n## %s.parquet\n\n%s.\n\n", t.Name, upperFirst(t.Doc))
		b.WriteString("| column | type | null | values | meaning |\n|---|---|---|---|---|\n")
		for _, c := range t.Columns {
			null := "no"
			if c.Nullable {
				null = "yes"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", c.Name, typeName(c.Type), null, strings.Join(c.Values, ", "), escape(c.Doc))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// typeName names a type for humans: "string", "int32", "list<string>".
func typeName(t arrow.DataType) string {
	switch t := t.(type) {
	case *arrow.ListType:
		return "list<" + typeName(t.Elem()) + ">"
	case *arrow.StringType:
		return "string"
	}
	return t.String()
}

func escape(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
