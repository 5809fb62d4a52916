package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrBadInput is wrapped by every InputError, so callers can tell a problem
// with a user's file from an internal failure with errors.Is.
var ErrBadInput = errors.New("bad input")

// InputError reports a transcript that plenary refuses to read, naming the
// file and, where it helps, the line.
type InputError struct {
	File string // the file as the user named it
	Line int    // 1-based; 0 when the problem is not on one line
	Msg  string
}

// Error formats the problem as "file: line N: message".
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap lets errors.Is(err, ErrBadInput) hold for every InputError.
func (e *InputError) Unwrap() error { return ErrBadInput }

// Check rejects input that is not a UTF-8 text transcript: empty or
// whitespace-only files, UTF-16 (detected by its byte-order mark), binary
// data (NUL bytes), and invalid UTF-8 such as Latin-1. The error names the
// line and byte of the first problem and says how to fix it.
func Check(file string, src []byte) error {
	if len(src) == 0 {
		return &InputError{File: file, Msg: "the file is empty"}
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return &InputError{File: file, Msg: "the file is UTF-16 (it starts with a UTF-16 byte-order mark); plenary reads UTF-8: convert it, e.g. with `iconv -f UTF-16 -t UTF-8`"}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return &InputError{File: file, Line: lineAt(src, i), Msg: fmt.Sprintf("binary data (a NUL byte at byte %d): this is not a text transcript", i)}
	}
	if !utf8.Valid(src) {
		i := firstInvalid(src)
		return &InputError{File: file, Line: lineAt(src, i), Msg: fmt.Sprintf("not valid UTF-8 (byte 0x%02X at byte %d); if the file is Latin-1 or Windows-1252, convert it, e.g. with `iconv -f WINDOWS-1252 -t UTF-8`", src[i], i)}
	}
	if i := firstControl(src); i >= 0 {
		return &InputError{File: file, Line: lineAt(src, i), Msg: fmt.Sprintf("binary data (control character 0x%02X at byte %d): this is not a text transcript", src[i], i)}
	}
	if len(bytes.TrimSpace(bytes.ReplaceAll(src, []byte("\u00a0"), nil))) == 0 {
		return &InputError{File: file, Msg: "the file contains only whitespace"}
	}
	if looksLikeHTML(src) {
		return &InputError{File: file, Line: 1, Msg: "this is an HTML page, not a plain-text transcript: save the page as text (or copy its text) and run plenary on that"}
	}
	return nil
}

// looksLikeHTML reports whether the file starts, after a byte-order mark
// and spaces, like an HTML or XML document.
func looksLikeHTML(src []byte) bool {
	head := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\ufeff")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<?xml", "<head", "<body"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

// firstControl finds the first C0 control character other than tab,
// newline, vertical tab, form feed and carriage return, or DEL: such bytes
// do not occur in text transcripts.
func firstControl(src []byte) int {
	for i, b := range src {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' {
			return i
		}
		if b == 0x7F {
			return i
		}
	}
	return -1
}

func lineAt(src []byte, i int) int {
	return bytes.Count(src[:i], []byte{'\n'}) + 1
}
