package ingest

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// markup says which in-document encoding declaration to look for.
type markup int

const (
	markupNone markup = iota // plain text: only a BOM can declare anything
	markupHTML               // <meta charset> / <meta http-equiv=Content-Type>
	markupXML                // <?xml ... encoding="..."?>
	markupAny                // unknown: try XML, then HTML
)

// prescanLimit is how far into a document an encoding declaration is looked
// for; the HTML standard uses the same 1024 bytes.
const prescanLimit = 1024

var xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// toUTF8 returns body as valid, NFC-normalised UTF-8 text. The encoding is
// decided, in order, by a byte-order mark, the charset parameter of
// contentType, the document's own declaration (XML prolog or HTML meta), and
// finally a guess (see guessEncoding). Undecodable bytes become U+FFFD; it
// never fails.
func toUTF8(body []byte, contentType string, m markup) string {
	enc, rest := encodingOf(body, contentType, m)
	var text string
	if enc == nil {
		text = string(rest)
	} else if decoded, err := enc.NewDecoder().Bytes(rest); err == nil {
		text = string(decoded)
	} else {
		text = string(rest)
	}
	text = strings.ToValidUTF8(text, "\uFFFD")
	// NFC so that "é" typed as e+U+0301 and as U+00E9 compare equal in
	// extraction and lookups.
	return norm.NFC.String(text)
}

// encodingOf picks the encoding of body and returns body without its BOM.
// A nil encoding means UTF-8.
func encodingOf(body []byte, contentType string, m markup) (encoding.Encoding, []byte) {
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return nil, body[3:]
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), body[2:]
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), body[2:]
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if enc, _, ok := lookupCharset(params["charset"]); ok {
			return enc, body
		}
	}
	if label := declaredCharset(body, m); label != "" {
		// A declaration we could read as ASCII cannot be in a UTF-16
		// document, whatever it says (the HTML standard makes the same call).
		if enc, name, ok := lookupCharset(label); ok && !strings.HasPrefix(name, "utf-16") {
			return enc, body
		}
	}
	return guessEncoding(body), body
}

// lookupCharset resolves a charset label with the WHATWG table (so
// "iso-8859-1" means windows-1252, as browsers do) to an encoding, nil for
// UTF-8, and its canonical name. ok is false for an empty or unknown label.
func lookupCharset(label string) (enc encoding.Encoding, name string, ok bool) {
	enc, name = charset.Lookup(strings.TrimSpace(label))
	switch {
	case enc == nil:
		return nil, "", false
	case name == "utf-8":
		return nil, name, true
	}
	return enc, name, true
}

// declaredCharset returns the charset label a document declares about
// itself, "" when none.
func declaredCharset(body []byte, m markup) string {
	head := body
	if len(head) > prescanLimit {
		head = head[:prescanLimit]
	}
	if m == markupXML || m == markupAny {
		if sub := xmlDeclEncoding.FindSubmatch(head); sub != nil {
			return string(sub[1])
		}
	}
	if m == markupHTML || m == markupAny {
		return metaCharset(head)
	}
	return ""
}

// metaCharset finds <meta charset=X> or <meta http-equiv="Content-Type"
// content="...; charset=X"> in the head of an HTML document.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var httpEquiv, content, cs string
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if cs != "" {
				return cs
			}
			if httpEquiv == "content-type" {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

// guessEncoding handles undeclared text. Valid UTF-8 is UTF-8. Otherwise the
// text is either legacy 8-bit (Latin-1 / windows-1252, the HTML standard's
// default, and what undeclared European pages usually are) or UTF-8 with a
// few corrupt bytes. Reading the latter as windows-1252 would garble every
// accented letter of the document to save a few bytes, so windows-1252 is
// chosen only when invalid sequences outnumber valid multi-byte characters.
func guessEncoding(body []byte) encoding.Encoding {
	if utf8.Valid(body) {
		return nil
	}
	var valid, invalid int
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	if invalid > valid {
		return charmap.Windows1252
	}
	return nil
}

// declareUTF8 rewrites an XML declaration's encoding to UTF-8, for text that
// toUTF8 has already transcoded; otherwise the XML decoder would transcode
// it a second time from the encoding the prolog still names.
func declareUTF8(text string) string {
	loc := xmlDeclEncoding.FindStringSubmatchIndex(text)
	if loc == nil {
		return text
	}
	return text[:loc[2]] + "UTF-8" + text[loc[3]:]
}
