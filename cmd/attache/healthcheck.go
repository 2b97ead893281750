package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

func init() {
	register(command{
		name:    "healthcheck",
		summary: "exit 0 when the running service answers /healthz (for container health checks)",
		run:     runHealthcheck,
	})
}

// healthcheckTimeout bounds the whole probe; the image's HEALTHCHECK gives
// the command 5 s, and a health endpoint slower than this is unhealthy.
const healthcheckTimeout = 3 * time.Second

// defaultHealthURL is probed when neither --url nor the environment names one.
const defaultHealthURL = "http://127.0.0.1:8080/healthz"

// runHealthcheck implements `attache healthcheck [--url URL]`, for images
// without curl or wget: nil (exit 0) when the URL answers 200 within
// healthcheckTimeout, an error saying why (exit 1) otherwise.
func runHealthcheck(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "healthcheck [--url URL]",
		"Exits 0 when URL answers 200 OK within 3 s, 1 otherwise. The default URL is\n"+
			"$ATTACHE_HEALTHCHECK_URL, else /healthz on loopback at the port of\n"+
			"$ATTACHE_HTTP_LISTEN, else "+defaultHealthURL+".")
	target := fs.String("url", healthURLFromEnv(os.Getenv), "health endpoint to probe")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	ctx, cancel := context.WithTimeout(ctx, healthcheckTimeout)
	defer cancel()
	return probeHealth(ctx, *target)
}

// healthURLFromEnv picks the URL to probe: ATTACHE_HEALTHCHECK_URL, else the
// port the server listens on (ATTACHE_HTTP_LISTEN, as `attache run` reads
// it) on loopback, else the default.
func healthURLFromEnv(getenv func(string) string) string {
	if u := strings.TrimSpace(getenv("ATTACHE_HEALTHCHECK_URL")); u != "" {
		return u
	}
	listen := strings.TrimSpace(getenv("ATTACHE_HTTP_LISTEN"))
	if listen == "" {
		return defaultHealthURL
	}
	host, port, err := net.SplitHostPort(listen)
	if err != nil || port == "" {
		return defaultHealthURL
	}
	// A wildcard listen address is reachable on loopback; a specific one
	// (127.0.0.2, [::1]) only on itself.
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz"
}

// probeHealth GETs target and reports anything but a 200 as an error.
func probeHealth(ctx context.Context, target string) error {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("invalid URL %q: want http(s)://host:port/path", target)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fmt.Errorf("request %s: %w", u.Redacted(), err)
	}
	client := &http.Client{
		// The probe targets this container: never through a proxy from
		// the environment, and a redirect is not health.
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// A short excerpt of the body usually says what is wrong.
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
		return fmt.Errorf("GET %s: %s: %s", u.Redacted(), resp.Status, strings.TrimSpace(string(body)))
	}
	return nil
}
