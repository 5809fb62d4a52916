package pipeline

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/plenary/plenary/pipeline/tables"
)

// DataPackageName is the file name of the Frictionless Data Package
// descriptor in an output directory.
const DataPackageName = "datapackage.json"

// dataPackage is a Frictionless Data Package (v2) descriptor of the output
// tables, so that generic tools can find, check and load them.
type dataPackage struct {
	Schema      string     `json:"$schema"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Version     string     `json:"version"`
	Resources   []resource `json:"resources"`
}

type resource struct {
	Name        string      `json:"name"`
	Path        string      `json:"path"`
	Format      string      `json:"format"`
	MediaType   string      `json:"mediatype"`
	Description string      `json:"description"`
	Bytes       int64       `json:"bytes"`
	Hash        string      `json:"hash"`
	Schema      tableSchema `json:"schema"`
}

type tableSchema struct {
	Fields []field `json:"fields"`
}

type field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Description string       `json:"description"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

// newDataPackage describes the tables written, with their checksums.
func newDataPackage(outputs []ManifestOutput) dataPackage {
	dp := dataPackage{
		Schema:      "https://datapackage.org/profiles/2.0/datapackage.json",
		Name:        "plenary-output",
		Title:       "plenary output tables",
		Description: "Turns, sentences, tokens, entities, stance, alignment edges and delegation positions extracted by plenary from UN meeting transcripts; see the codebook (docs/codebook.md) and manifest.json.",
		Version:     Version,
	}
	info := map[string]tables.Info{}
	for _, t := range tables.All() {
		info[t.Name+".parquet"] = t
	}
	for _, o := range outputs {
		t, ok := info[o.File]
		if !ok {
			continue
		}
		r := resource{Name: t.Name, Path: o.File, Format: "parquet", MediaType: "application/vnd.apache.parquet",
			Description: t.Doc, Bytes: o.Bytes, Hash: "sha256:" + o.SHA256}
		for _, c := range t.Columns {
			f := field{Name: c.Name, Type: frictionlessType(c.Type), Description: c.Doc}
			if !c.Nullable || len(c.Values) > 0 {
				f.Constraints = &constraints{Required: !c.Nullable, Enum: c.Values}
			}
			r.Schema.Fields = append(r.Schema.Fields, f)
		}
		dp.Resources = append(dp.Resources, r)
	}
	return dp
}

// frictionlessType maps an Arrow type to a Table Schema field type.
func frictionlessType(t arrow.DataType) string {
	switch t.ID() {
	case arrow.STRING:
		return "string"
	case arrow.INT32, arrow.INT64:
		return "integer"
	case arrow.FLOAT64:
		return "number"
	case arrow.BOOL:
		return "boolean"
	case arrow.LIST:
		return "array"
	}
	return "any"
}
