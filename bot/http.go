package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Readier is implemented by deliverers (or anything mounted on the service)
// that can tell whether they are able to work right now, for /readyz.
type Readier interface {
	Ready(ctx context.Context) error
}

// httpServer builds the server for cfg.HTTP.Listen (nil when it is empty
// and no listener was given) and opens its listener.
func (s *Service) httpServer() (*http.Server, net.Listener, error) {
	ln := s.listener
	if ln == nil {
		if s.cfg.HTTP.Listen == "" {
			return nil, nil, nil
		}
		var err error
		if ln, err = net.Listen("tcp", s.cfg.HTTP.Listen); err != nil {
			return nil, nil, fmt.Errorf("bot: http listen %s: %w", s.cfg.HTTP.Listen, err)
		}
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
	}
	s.log.Info("http listening", "addr", ln.Addr().String())
	return srv, ln, nil
}

// Handler is the service's HTTP routes: /healthz, /readyz and every handler
// mounted with Handle.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	for _, r := range s.routes {
		mux.Handle(r.pattern, r.handler)
	}
	return mux
}

// healthz answers 200 while the process serves: liveness only, so that a
// database outage does not get the container restarted in a loop.
func (s *Service) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.stopping.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "stopping")
		return
	}
	fmt.Fprintln(w, "ok")
}

// readyz answers 200 when the store and every deliverer that can tell are
// ready, 503 naming what is not.
func (s *Service) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.ready(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintln(w, "ready")
}

func (s *Service) ready(ctx context.Context) error {
	if s.stopping.Load() {
		return errors.New("stopping")
	}
	var errs []error
	if err := s.store.Check(ctx); err != nil {
		errs = append(errs, fmt.Errorf("store: %w", err))
	}
	for platform, d := range s.deliverers {
		if r, ok := d.(Readier); ok {
			if err := r.Ready(ctx); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", platform, err))
			}
		}
	}
	return errors.Join(errs...)
}
