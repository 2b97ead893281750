package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Slack signs each request with HMAC-SHA256 of "v0:{timestamp}:{body}".
const (
	headerTimestamp = "X-Slack-Request-Timestamp"
	headerSignature = "X-Slack-Signature"
	signatureScheme = "v0"
	// maxRequestAge is how far a request timestamp may be from our clock;
	// it is also how long a signature is remembered to refuse replays.
	maxRequestAge = 5 * time.Minute
	// maxRememberedSignatures bounds the replay memory. Only requests with
	// a valid signature are remembered, so reaching it takes more genuine
	// commands in five minutes than any workspace sends; past it, new
	// requests are refused rather than replays let through.
	maxRememberedSignatures = 10000
)

// Reasons a request is refused; none is shown to the caller beyond 401.
var (
	errUnsigned     = errors.New("slack: request is not signed")
	errBadSignature = errors.New("slack: request signature does not match")
	errStale        = errors.New("slack: request timestamp is outside the 5-minute window")
	errReplay       = errors.New("slack: request was already received")
	errReplayFull   = errors.New("slack: too many recent requests to check for replays")
)

// verifier checks request signatures and refuses replays within the
// timestamp window. It is safe for concurrent use.
type verifier struct {
	secret   []byte
	now      func() time.Time
	capacity int

	mu   sync.Mutex
	seen map[string]time.Time // signature → when it leaves the window
}

func newVerifier(secret string, now func() time.Time) *verifier {
	return &verifier{secret: []byte(secret), now: now, capacity: maxRememberedSignatures, seen: map[string]time.Time{}}
}

// verify checks the signature of body against the request headers, before
// anything in the body is looked at, and records the signature so the same
// request is refused if sent again.
func (v *verifier) verify(h http.Header, body []byte) error {
	tsHeader, sigHeader := h.Get(headerTimestamp), h.Get(headerSignature)
	if tsHeader == "" || sigHeader == "" {
		return errUnsigned
	}
	ts, err := strconv.ParseInt(tsHeader, 10, 64)
	if err != nil {
		return errUnsigned
	}
	scheme, hexSig, ok := strings.Cut(sigHeader, "=")
	if !ok || scheme != signatureScheme {
		return errBadSignature
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil || len(got) != sha256.Size {
		return errBadSignature
	}
	if !hmac.Equal(got, v.sign(tsHeader, body)) {
		return errBadSignature
	}
	now := v.now()
	sent := time.Unix(ts, 0)
	if d := now.Sub(sent); d > maxRequestAge || d < -maxRequestAge {
		return errStale
	}
	return v.remember(strings.ToLower(hexSig), sent.Add(maxRequestAge), now)
}

// sign computes the raw HMAC of a request.
func (v *verifier) sign(timestamp string, body []byte) []byte {
	mac := hmac.New(sha256.New, v.secret)
	mac.Write([]byte(signatureScheme + ":" + timestamp + ":"))
	mac.Write(body)
	return mac.Sum(nil)
}

// remember records sig until expires, refusing a signature already seen.
func (v *verifier) remember(sig string, expires, now time.Time) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, dup := v.seen[sig]; dup {
		return errReplay
	}
	if len(v.seen) >= v.capacity {
		for s, exp := range v.seen {
			if !now.Before(exp) {
				delete(v.seen, s)
			}
		}
		if len(v.seen) >= v.capacity {
			return errReplayFull
		}
	}
	v.seen[sig] = expires
	return nil
}
