package usage

import (
	"math"
	"testing"
)

// The counter's slope must equal the instantaneous usage, and each pattern's mean over a
// whole period must equal the annotation (except idle, which is a fixed fraction).
func TestCounterMatchesRateAndMean(t *testing.T) {
	for _, p := range []Pattern{Steady, Diurnal, Spiky, Idle} {
		s := Spec{CPU: 0.25, Memory: 1 << 28, Pattern: p}
		for _, t0 := range []float64{1.8e9 + 30, 1.8e9 + 333.3, 1.8e9 + 43230} {
			got := (s.CPUSeconds(t0+0.5) - s.CPUSeconds(t0-0.5))
			if math.Abs(got-s.CPUAt(t0)) > 1e-6 {
				t.Errorf("%s: slope %v != rate %v at %v", p, got, s.CPUAt(t0), t0)
			}
		}
		mean := (s.CPUSeconds(1.8e9+Day) - s.CPUSeconds(1.8e9)) / Day
		want := s.CPU
		if p == Idle {
			want = s.CPU * IdleFactor
		}
		if math.Abs(mean-want) > 1e-6 {
			t.Errorf("%s: mean %v want %v", p, mean, want)
		}
	}
}
