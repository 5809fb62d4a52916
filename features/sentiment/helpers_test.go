package sentiment

import (
	"bytes"
	"io"
	"testing"

	sentimentdata "github.com/plenary/plenary/datasets/lexicons/sentiment"
)

func mustNew(tb testing.TB) *Scorer {
	tb.Helper()
	s, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func lexiconReader() io.Reader {
	return bytes.NewReader(sentimentdata.Bytes(sentimentdata.Lexicon))
}

func courtesyReader() io.Reader {
	return bytes.NewReader(sentimentdata.Bytes(sentimentdata.Courtesy))
}
