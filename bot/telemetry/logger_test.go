package telemetry

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestNewLoggerFormats(t *testing.T) {
	tests := []struct {
		format   string
		wantJSON bool
	}{
		{"json", true},
		{"text", false},
		{"auto", true}, // a buffer is not a terminal
		{"", true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			NewLogger(&buf, "info", tt.format).Info("started", "listen", ":8080")
			line := strings.TrimSpace(buf.String())
			var decoded map[string]any
			isJSON := json.Unmarshal([]byte(line), &decoded) == nil
			if isJSON != tt.wantJSON {
				t.Fatalf("format %q wrote %q, JSON=%v, want JSON=%v", tt.format, line, isJSON, tt.wantJSON)
			}
			if isJSON && (decoded["msg"] != "started" || decoded["listen"] != ":8080") {
				t.Errorf("decoded %v", decoded)
			}
			if !isJSON && !strings.Contains(line, `msg=started listen=:8080`) {
				t.Errorf("text line %q", line)
			}
		})
	}
}

func TestNewLoggerLevels(t *testing.T) {
	tests := []struct {
		level     string
		wantDebug bool
		wantInfo  bool
		wantWarn  bool
	}{
		{"debug", true, true, true},
		{"info", false, true, true},
		{"", false, true, true},
		{"warn", false, false, true},
		{"error", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.level, func(t *testing.T) {
			var buf bytes.Buffer
			log := NewLogger(&buf, tt.level, "json")
			log.Debug("d")
			log.Info("i")
			log.Warn("w")
			out := buf.String()
			for msg, want := range map[string]bool{`"msg":"d"`: tt.wantDebug, `"msg":"i"`: tt.wantInfo, `"msg":"w"`: tt.wantWarn} {
				if got := strings.Contains(out, msg); got != want {
					t.Errorf("level %q: logged %s = %v, want %v\n%s", tt.level, msg, got, want, out)
				}
			}
		})
	}
}

func TestNewLoggerInvalidConfigWarns(t *testing.T) {
	tests := []struct{ level, format, wantInWarning string }{
		{"verbose", "json", `unknown log level \"verbose\"`},
		{"WARN", "json", `unknown log level \"WARN\"`}, // config.Validate rejects it too
		{"info", "yaml", `unknown log format \"yaml\"`},
	}
	for _, tt := range tests {
		t.Run(tt.level+"/"+tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			log := NewLogger(&buf, tt.level, tt.format)
			log.Info("still logging")
			out := buf.String()
			if !strings.Contains(out, tt.wantInWarning) || !strings.Contains(out, `"level":"WARN"`) {
				t.Errorf("no warning about the bad setting:\n%s", out)
			}
			if !strings.Contains(out, "still logging") {
				t.Errorf("fallback logger dropped info:\n%s", out)
			}
		})
	}
	if _, err := ParseLevel("loud"); err == nil {
		t.Error("ParseLevel accepted an unknown level")
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat accepted an unknown format")
	}
}

// openPTY opens a pseudo-terminal pair and returns its terminal side.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("pty number: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pty: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

func TestIsTerminal(t *testing.T) {
	regular, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer regular.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()

	if isTerminal(regular) {
		t.Error("regular file judged a terminal")
	}
	if isTerminal(w) {
		t.Error("pipe judged a terminal")
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Error("buffer judged a terminal")
	}
	if !isTerminal(openPTY(t)) {
		t.Error("pseudo-terminal not judged a terminal")
	}
}
