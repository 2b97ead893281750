package console

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/attache-bot/attache/digest"
)

// Stdout is the target that means the Deliverer's own writer.
const Stdout = "-"

// Deliverer writes digests to a terminal or appends them to files; it
// implements adapters.Deliverer for channels with platform "console".
type Deliverer struct {
	mu     sync.Mutex // keeps concurrent deliveries from interleaving
	out    io.Writer
	format string
}

// NewDeliverer returns a Deliverer writing target "-" to out, in format
// ("markdown", "text" or "json"). Any other target is a file path, appended to.
func NewDeliverer(out io.Writer, format string) (*Deliverer, error) {
	if _, err := Messages(digest.Digest{}, format); err != nil {
		return nil, err
	}
	return &Deliverer{out: out, format: format}, nil
}

// Platform implements adapters.Deliverer.
func (d *Deliverer) Platform() string { return "console" }

// Deliver implements adapters.Deliverer: it writes the digest's messages
// from index skip on, calling sent after each one.
func (d *Deliverer) Deliver(ctx context.Context, target string, dg digest.Digest, skip int, sent func(i int) error) (err error) {
	msgs, err := Messages(dg, d.format)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	w := d.out
	if target != Stdout && target != "" {
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("console: open %s: %w", target, err)
		}
		defer func() {
			// A failed close can mean the last write never reached the disk.
			if cerr := f.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("console: close %s: %w", target, cerr)
			}
		}()
		w = f
	}
	for i := max(skip, 0); i < len(msgs); i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		sep := "\n"
		if i == 0 {
			sep = ""
		}
		if _, err := io.WriteString(w, sep+msgs[i]); err != nil {
			return fmt.Errorf("console: write to %s: %w", target, err)
		}
		if sent != nil {
			if err := sent(i); err != nil {
				return err
			}
		}
	}
	return nil
}
