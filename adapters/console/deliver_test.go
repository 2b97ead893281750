package console

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-bot/attache/adapters"
)

var _ adapters.Deliverer = (*Deliverer)(nil)

func TestDeliverToWriter(t *testing.T) {
	var out bytes.Buffer
	d, err := NewDeliverer(&out, "markdown")
	if err != nil {
		t.Fatal(err)
	}
	var sent []int
	err = d.Deliver(context.Background(), "-", sampleDigest(), 0, func(i int) error { sent = append(sent, i); return nil })
	if err != nil {
		t.Fatal(err)
	}
	var rendered bytes.Buffer
	if err := Render(&rendered, sampleDigest(), "markdown"); err != nil {
		t.Fatal(err)
	}
	if out.String() != rendered.String() {
		t.Errorf("delivered text differs from Render:\n%s", out.String())
	}
	if len(sent) != 4 || sent[0] != 0 || sent[3] != 3 {
		t.Errorf("sent = %v, want 0..3 (title, two stories, omitted note)", sent)
	}
}

func TestDeliverSkipsAlreadySentAndStopsOnCallbackError(t *testing.T) {
	var out bytes.Buffer
	d, _ := NewDeliverer(&out, "text")
	stop := errors.New("store down")
	var sent []int
	err := d.Deliver(context.Background(), "", sampleDigest(), 1, func(i int) error {
		sent = append(sent, i)
		if i == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the callback's", err)
	}
	if len(sent) != 2 || sent[0] != 1 {
		t.Fatalf("sent = %v, want [1 2]", sent)
	}
	if strings.Contains(out.String(), "attache digest") {
		t.Errorf("message 0 (the title) was written again:\n%s", out.String())
	}
	if strings.Contains(out.String(), "more stories not shown") {
		t.Errorf("wrote past the failed callback")
	}
}

func TestDeliverAppendsToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "digests.md")
	d, _ := NewDeliverer(&bytes.Buffer{}, "markdown")
	for range 2 {
		if err := d.Deliver(context.Background(), path, sampleDigest(), 0, nil); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "# attache digest"); n != 2 {
		t.Fatalf("file holds %d digests, want 2", n)
	}
}

func TestDeliverCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	d, _ := NewDeliverer(&out, "markdown")
	if err := d.Deliver(ctx, "-", sampleDigest(), 0, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q after cancellation", out.String())
	}
}

func TestNewDelivererRejectsUnknownFormat(t *testing.T) {
	if _, err := NewDeliverer(&bytes.Buffer{}, "pdf"); err == nil {
		t.Fatal("want an error for format pdf")
	}
}
