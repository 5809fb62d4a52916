package prosemodels

import (
	"encoding/binary"
	"fmt"
	"math"
)

// formatVersion is the version of prose's two flat model formats that
// this package reads.
const formatVersion = 1

// modelReader reads the little-endian fields of prose's model files. The
// first error sticks; later reads return zero values.
type modelReader struct {
	data []byte
	at   int
	err  error
}

// expect checks the file's magic and format version.
func (r *modelReader) expect(magic string) {
	if got := string(r.bytes(len(magic))); r.err == nil && got != magic {
		r.err = fmt.Errorf("magic %q, want %q", got, magic)
	}
	if v := r.uint32(); r.err == nil && v != formatVersion {
		r.err = fmt.Errorf("format version %d, want %d", v, formatVersion)
	}
}

func (r *modelReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.at+n > len(r.data) {
		r.err = fmt.Errorf("truncated at byte %d (wanted %d more)", r.at, n)
		return nil
	}
	b := r.data[r.at : r.at+n]
	r.at += n
	return b
}

func (r *modelReader) uint32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// count reads a uint32 length and bounds it by the bytes left, so a
// corrupt length cannot ask for a huge allocation.
func (r *modelReader) count() int {
	n := int(r.uint32())
	if r.err == nil && n > len(r.data)-r.at {
		r.err = fmt.Errorf("count %d at byte %d exceeds the file", n, r.at-4)
		return 0
	}
	return n
}

func (r *modelReader) byte() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

// string16 reads a string prefixed by its uint16 length.
func (r *modelReader) string16() string {
	b := r.bytes(2)
	if b == nil {
		return ""
	}
	return string(r.bytes(int(binary.LittleEndian.Uint16(b))))
}

func (r *modelReader) strings(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = r.string16()
	}
	return out
}

func (r *modelReader) uint32s(n int) []uint32 {
	b := r.bytes(4 * n)
	if b == nil {
		return make([]uint32, n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

func (r *modelReader) float32s(n int) []float32 {
	b := r.bytes(4 * n)
	out := make([]float32, n)
	if b == nil {
		return out
	}
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}
