package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"testing"
	"time"
)

func TestParseText(t *testing.T) {
	tests := []struct{ in, title, body string }{
		{"Headline\nBody line.\n", "Headline", "Body line."},
		{"\n\n  Headline  with   spaces \r\n\r\nPara one.\r\nStill one.\r\n\r\n\r\n\r\nPara two.  \r\n", "Headline with spaces", "Para one.\nStill one.\n\nPara two."},
		{"Only a headline", "Only a headline", ""},
		{"   \n\t\n", "", ""},
		{"Old Mac\rline endings\r\rsecond", "Old Mac", "line endings\n\nsecond"},
	}
	for _, tt := range tests {
		title, body := parseText(tt.in)
		if title != tt.title || body != tt.body {
			t.Errorf("parseText(%q) = %q, %q; want %q, %q", tt.in, title, body, tt.title, tt.body)
		}
	}
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct{ name, in, title, body string }{
		{"atx heading first", "# Title #\n\nText.", "Title", "Text."},
		{"heading later wins over first line", "Intro line.\n\n# Real title\n\nMore.", "Real title", "Intro line.\n\nMore."},
		{"setext", "Big title\n=========\n\nSub\n---\n\nText.", "Big title", "Sub\n\nText."},
		{"front matter title", "---\ntitle: \"From YAML\"\n---\nFirst para.", "From YAML", "First para."},
		{"first line when no heading", "A headline\nthen its paragraph\ncontinues.\n\nNext.", "A headline", "then its paragraph continues.\n\nNext."},
		{"emphasis and links", "# T\n\n**Bold**, *it*, __b2__, _i2_, ~~gone~~ [link](http://x) ![img](i.png) <https://a.example> `code`.",
			"T", "Bold, it, b2, i2, gone link https://a.example code."},
		{"no false emphasis", "# T\n\n5 * 3 * 2 and snake_case_name and 2*x.", "T", "5 * 3 * 2 and snake_case_name and 2*x."},
		{"escapes", `# T` + "\n\n" + `\*not italic\* and \_kept\_ \# and C:\path`, "T", `*not italic* and _kept_ # and C:\path`},
		{"lists and quotes", "# T\n\n- one\n- two\n  wrapped\n1. three\n\n> quoted\n> more", "T", "one\n\ntwo wrapped\n\nthree\n\nquoted more"},
		{"fenced code kept", "# T\n\n```go\nx := 1\n```\nafter", "T", "x := 1\n\nafter"},
		{"rule, ref, table", "# T\n\n***\n\n[r]: http://x\n\n| a | b |\n|---|:-:|\n| c | d |", "T", "a b\n\nc d"},
		{"html tags", "# T\n\n<div class=\"x\">Hello <b>world</b></div>", "T", "Hello world"},
		{"french quotes untouched", "# Paris\n\n« Nous ne céderons pas », a dit M. Ayrault.", "Paris", "« Nous ne céderons pas », a dit M. Ayrault."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, body := parseMarkdown(tt.in)
			if title != tt.title || body != tt.body {
				t.Errorf("got  %q, %q\nwant %q, %q", title, body, tt.title, tt.body)
			}
		})
	}
}

func TestToUTF8Guess(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"ascii", []byte("plain"), "plain"},
		{"utf-8", []byte("déjà"), "déjà"},
		{"latin-1", []byte("d\xe9j\xe0 vu \xab oui \xbb"), "déjà vu « oui »"},
		{"windows-1252 quotes", []byte("\x93quoted\x94 \x80"), "\u201cquoted\u201d €"},
		{"utf-8 with one bad byte", []byte("café \xff crème brûlée"), "café \uFFFD crème brûlée"},
		{"NFC", []byte("e\u0301te\u0301"), "été"},
		{"utf-8 BOM", []byte("\xef\xbb\xbfbom"), "bom"},
		{"utf-16BE BOM", []byte("\xfe\xff\x00h\x00\xe9"), "hé"},
	}
	for _, tt := range tests {
		if got := toUTF8(tt.in, "", markupNone); got != tt.want {
			t.Errorf("%s: toUTF8(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{fmt.Errorf("ingest: x: %w", ErrTooLarge), "too_large"},
		{&net.OpError{Op: "dial", Err: fmt.Errorf("%w: 10.0.0.1", ErrPrivateAddress)}, "private_address"},
		{fmt.Errorf("wrapped: %w", &StatusError{URL: "u", Code: 404}), "http_status"},
		{fmt.Errorf("a: %w", context.DeadlineExceeded), "timeout"},
		{context.Canceled, "canceled"},
		{&fs.PathError{Op: "open", Path: "p", Err: fs.ErrNotExist}, "not_found"},
		{&fs.PathError{Op: "open", Path: "p", Err: fs.ErrPermission}, "file"},
		{&net.OpError{Op: "dial", Err: os.ErrInvalid}, "network"},
		{errors.New("mystery"), "other"},
	}
	for _, tt := range tests {
		if got := Reason(tt.err); got != tt.want {
			t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestWhen(t *testing.T) {
	pub := time.Date(2016, 10, 6, 0, 0, 0, 0, time.UTC)
	if got := (Article{Published: pub, Fetched: fixedNow}).When(); !got.Equal(pub) {
		t.Errorf("When with Published = %v", got)
	}
	if got := (Article{Fetched: fixedNow}).When(); !got.Equal(fixedNow) {
		t.Errorf("When without Published = %v", got)
	}
}
