package bot

import (
	"math/rand/v2"
	"time"
)

// backoff is base doubled for every failure after the first, capped at max:
// base, 2·base, 4·base, … max.
func backoff(base time.Duration, failures int, max time.Duration) time.Duration {
	if failures < 1 {
		return base
	}
	d := base
	for i := 1; i < failures; i++ {
		d *= 2
		if d >= max || d <= 0 {
			return max
		}
	}
	return min(d, max)
}

// jitter spreads d by ±10% so that sources with the same interval, and
// replicas started together, do not all fetch at the same instant.
func jitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.9 + 0.2*rand.Float64()))
}
