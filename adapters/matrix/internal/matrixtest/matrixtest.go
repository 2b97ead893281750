// Package matrixtest starts a throwaway Dendrite homeserver on a loopback
// port for tests, and registers users on it with the shared-secret admin
// API. The Dendrite binaries come from scripts/ci/setup-dendrite.sh: the
// directory in ATTACHE_DENDRITE_BIN_DIR, else the script's cache directory.
// Without them a test is skipped, except under ATTACHE_E2E=1 (CI), where it
// fails.
package matrixtest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"
)

// Version is the Dendrite release setup-dendrite.sh builds.
const Version = "v0.13.8"

// ServerName is the homeserver's name: users are @name:localhost.
const ServerName = "localhost"

// Server is a running Dendrite.
type Server struct {
	URL    string // http://127.0.0.1:port
	dir    string
	secret string
}

// User is a registered account.
type User struct {
	ID       id.UserID
	Token    string
	Password string
}

// BinDir finds the directory holding the dendrite, generate-config and
// generate-keys binaries.
func BinDir() (string, error) {
	var candidates []string
	if dir := os.Getenv("ATTACHE_DENDRITE_BIN_DIR"); dir != "" {
		candidates = append(candidates, dir)
	}
	cache := os.Getenv("ATTACHE_CACHE_DIR")
	if cache == "" {
		if userCache, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(userCache, "attache")
		}
	}
	if cache != "" {
		candidates = append(candidates, filepath.Join(cache, "dendrite", Version, "bin"))
	}
	for _, dir := range candidates {
		ok := true
		for _, tool := range []string{"dendrite", "generate-config", "generate-keys"} {
			if info, err := os.Stat(filepath.Join(dir, tool)); err != nil || info.IsDir() {
				ok = false
			}
		}
		if ok {
			return dir, nil
		}
	}
	return "", fmt.Errorf("no Dendrite binaries in %s; run scripts/ci/setup-dendrite.sh", strings.Join(candidates, " or "))
}

// Option adjusts the homeserver's configuration.
type Option func(cfg map[string]any)

// RateLimited turns on Dendrite's rate limiting of joins, leaves and a few
// other endpoints: after threshold quick requests, a user gets
// M_LIMIT_EXCEEDED with retry_after_ms = cooloff.
func RateLimited(threshold int, cooloff time.Duration) Option {
	return func(cfg map[string]any) {
		limits := map[string]any{"enabled": true, "threshold": threshold, "cooloff_ms": cooloff.Milliseconds()}
		cfg["client_api"].(map[string]any)["rate_limiting"] = limits
	}
}

// Start starts a Dendrite in a temporary directory and stops it when the
// test ends. It skips the test when Dendrite is not installed, unless
// ATTACHE_E2E=1, where a missing homeserver is a failure.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	bin, err := BinDir()
	if err != nil {
		if os.Getenv("ATTACHE_E2E") == "1" {
			t.Fatalf("ATTACHE_E2E=1 but the homeserver is missing: %v", err)
		}
		t.Skipf("skipping Matrix end-to-end test: %v", err)
	}
	dir := t.TempDir()
	s := &Server{dir: dir, secret: randomHex(t)}
	configPath := filepath.Join(dir, "dendrite.yaml")
	if err := s.writeConfig(bin, configPath, opts); err != nil {
		t.Fatal(err)
	}
	run(t, dir, filepath.Join(bin, "generate-keys"), "-private-key", filepath.Join(dir, "matrix_key.pem"))

	addr := freeLoopbackAddr(t)
	s.URL = "http://" + addr
	logPath := filepath.Join(dir, "dendrite.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(bin, "dendrite"), "-config", configPath,
		"-http-bind-address", addr, "-https-bind-address", "")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dendrite: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); logFile.Close() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			tail, _ := os.ReadFile(logPath)
			t.Logf("dendrite log (last 4 KB):\n%s", lastBytes(tail, 4096))
		}
	})

	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case err := <-exited:
			tail, _ := os.ReadFile(logPath)
			t.Fatalf("dendrite exited before answering: %v\n%s", err, lastBytes(tail, 4096))
		default:
		}
		resp, err := http.Get(s.URL + "/_matrix/client/versions")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("dendrite did not answer on %s within a minute", s.URL)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// writeConfig generates Dendrite's CI configuration into dir and adjusts
// it: SQLite in dir, no federation, no open registration, a known shared
// secret for registering users, no rate limiting, quiet logs.
func (s *Server) writeConfig(bin, path string, opts []Option) error {
	out, err := exec.Command(filepath.Join(bin, "generate-config"), "-ci", "-dir", s.dir).Output()
	if err != nil {
		return fmt.Errorf("generate-config: %w", err)
	}
	var cfg map[string]any
	if err := yaml.Unmarshal(out, &cfg); err != nil {
		return fmt.Errorf("parse generated config: %w", err)
	}
	set := func(value any, keys ...string) {
		m := cfg
		for _, k := range keys[:len(keys)-1] {
			next, ok := m[k].(map[string]any)
			if !ok {
				next = map[string]any{}
				m[k] = next
			}
			m = next
		}
		m[keys[len(keys)-1]] = value
	}
	set(ServerName, "global", "server_name")
	set(filepath.Join(s.dir, "matrix_key.pem"), "global", "private_key")
	set(true, "global", "disable_federation")
	set([]string{}, "global", "trusted_third_party_id_servers")
	set(false, "global", "report_stats", "enabled")
	set(true, "client_api", "registration_disabled")
	set(s.secret, "client_api", "registration_shared_secret")
	set(false, "client_api", "rate_limiting", "enabled")
	cfg["logging"] = []map[string]any{{"type": "std", "level": "warn"}}
	for _, opt := range opts {
		opt(cfg)
	}
	patched, err := yaml.Marshal(cfg)
	if err != nil {
		return fmt.Errorf("encode config: %w", err)
	}
	return os.WriteFile(path, patched, 0o600)
}

// Register creates an account with the shared-secret admin API
// (/_synapse/admin/v1/register, which Dendrite implements).
func (s *Server) Register(t testing.TB, localpart string) User {
	t.Helper()
	var nonce struct {
		Nonce string `json:"nonce"`
	}
	if err := s.call(http.MethodGet, "/_synapse/admin/v1/register", nil, &nonce); err != nil {
		t.Fatalf("register %s: %v", localpart, err)
	}
	password := randomHex(t)
	mac := hmac.New(sha1.New, []byte(s.secret))
	mac.Write([]byte(nonce.Nonce + "\x00" + localpart + "\x00" + password + "\x00notadmin"))
	var resp struct {
		UserID      id.UserID `json:"user_id"`
		AccessToken string    `json:"access_token"`
	}
	err := s.call(http.MethodPost, "/_synapse/admin/v1/register", map[string]any{
		"nonce": nonce.Nonce, "username": localpart, "password": password,
		"admin": false, "mac": hex.EncodeToString(mac.Sum(nil)),
	}, &resp)
	if err != nil {
		t.Fatalf("register %s: %v", localpart, err)
	}
	if resp.AccessToken == "" {
		t.Fatalf("register %s: no access token", localpart)
	}
	return User{ID: resp.UserID, Token: resp.AccessToken, Password: password}
}

// Client returns a mautrix client acting as u.
func (s *Server) Client(t testing.TB, u User) *mautrix.Client {
	t.Helper()
	cli, err := mautrix.NewClient(s.URL, u.ID, u.Token)
	if err != nil {
		t.Fatal(err)
	}
	cli.Client = &http.Client{Timeout: 30 * time.Second}
	// Test users put up with the homeserver's rate limits (RateLimited).
	cli.DefaultHTTPRetries = 10
	cli.DefaultHTTPBackoff = 500 * time.Millisecond
	return cli
}

func (s *Server) call(method, path string, body, into any) error {
	var reader *bytes.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(raw)
	} else {
		reader = bytes.NewReader(nil)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, s.URL+path, reader)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var raw json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil {
		return fmt.Errorf("%s %s: HTTP %d: %w", method, path, resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: HTTP %d: %s", method, path, resp.StatusCode, raw)
	}
	return json.Unmarshal(raw, into)
}

func run(t testing.TB, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", filepath.Base(name), err, out)
	}
}

// freeLoopbackAddr picks a port the kernel says is free right now.
func freeLoopbackAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return "127.0.0.1:" + strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

func randomHex(t testing.TB) string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func lastBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
