package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
)

// Sentinel errors, matched with errors.Is. Every error Read returns also
// names its source, so these are for deciding what to do (and for metrics
// labels via Reason), not for display.
var (
	// ErrTooLarge: a body or file is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("larger than the size limit")
	// ErrPrivateAddress: RefusePrivate is on and the destination (after DNS
	// resolution and after any redirect) is loopback, private, link-local or
	// otherwise not a public unicast address.
	ErrPrivateAddress = errors.New("refusing to connect to a private, loopback or link-local address")
	// ErrTooManyRedirects: more than Options.MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrUnsupported: the source is neither a feed, an HTML page nor a
	// readable local file (wrong content type, unknown extension, bad scheme).
	ErrUnsupported = errors.New("unsupported source")
	// ErrParse: the content was of a known kind but could not be parsed
	// (malformed feed, page without readable text).
	ErrParse = errors.New("cannot parse")
)

// StatusError is an HTTP response other than 2xx or 304.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: HTTP status %d", e.URL, e.Code)
}

// Reason classifies an error from this package into a short, stable label
// for metrics and logs: "timeout", "canceled", "too_large", "http_status",
// "too_many_redirects", "private_address", "unsupported", "parse",
// "not_found", "file", "network", or "other". It returns "" for nil.
func Reason(err error) string {
	var (
		status *StatusError
		netErr net.Error
		pathEr *fs.PathError
	)
	switch {
	case err == nil:
		return ""
	// The checks below go from most to least specific: a refused private
	// address surfaces wrapped in a *net.OpError, and a too-large body in a
	// read error, so the sentinels must win over the generic network labels.
	case errors.Is(err, ErrPrivateAddress):
		return "private_address"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrTooManyRedirects):
		return "too_many_redirects"
	case errors.As(err, &status):
		return "http_status"
	case errors.Is(err, ErrUnsupported):
		return "unsupported"
	case errors.Is(err, ErrParse):
		return "parse"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, fs.ErrNotExist):
		return "not_found"
	case errors.As(err, &pathEr):
		return "file"
	case errors.As(err, &netErr):
		return "network"
	}
	return "other"
}
