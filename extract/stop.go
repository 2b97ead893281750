package extract

import "context"

// stopper lets a long analysis notice that its caller gave up: the service
// shutting down, or an article's extraction budget spent. The stages ask it
// between themselves and inside their per-token, per-person and per-quote
// loops; a stopped analysis skips what is left and returns what the
// finished stages found.
type stopper struct {
	ctx   context.Context
	steps uint
	err   error
}

// checkEvery is how many loop steps pass between two looks at the context:
// ctx.Err takes a lock, and the loops it guards run once per token.
const checkEvery = 256

// stopped reports, cheaply, whether the analysis should stop. A nil
// stopper never stops.
func (s *stopper) stopped() bool {
	if s == nil {
		return false
	}
	if s.err != nil {
		return true
	}
	s.steps++
	if s.steps%checkEvery != 0 {
		return false
	}
	return s.now()
}

// now looks at the context at once: between stages.
func (s *stopper) now() bool {
	if s == nil {
		return false
	}
	if s.err == nil {
		s.err = s.ctx.Err()
	}
	return s.err != nil
}
