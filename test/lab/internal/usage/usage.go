// Package usage is the single definition of the lab's simulated pod usage. The live
// exporter and the history backfill both call it, so a backfilled series continues
// seamlessly into the scraped one (same counter values at the same instants).
package usage

import (
	"math"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// Pod annotations that drive the simulation (normally set in a workload's pod template).
const (
	AnnotationCPU     = "lab.optiinfra.dev/cpu"
	AnnotationMemory  = "lab.optiinfra.dev/memory"
	AnnotationPattern = "lab.optiinfra.dev/pattern"
)

type Pattern string

const (
	Steady  Pattern = "steady"
	Diurnal Pattern = "diurnal"
	Spiky   Pattern = "spiky"
	Idle    Pattern = "idle"
)

// Shape constants; README.md documents the formulas built from them.
const (
	Day            = 86400.0
	DiurnalCPUAmp  = 0.6   // cpu swings ±60% around the mean over a UTC day
	DiurnalMemAmp  = 0.2   // memory swings ±20%
	SpikePeriod    = 600.0 // one spike every 10 minutes, aligned to the UTC clock
	SpikeLength    = 60.0  // lasting one minute
	SpikeHigh      = 5.5   // ×mean during the spike
	SpikeLow       = 0.5   // ×mean otherwise: 0.1*5.5 + 0.9*0.5 = 1, so the mean is the annotation
	IdleFactor     = 0.02  // idle pods use 2% of their annotated cpu
	RxPerCoreSec   = 1e6   // network receive bytes per cpu-second (1 MB/s per busy core)
	TxPerCoreSec   = 4e5   // network transmit bytes per cpu-second
	DefaultCPU     = 0.01  // cores, when there is neither an annotation nor a request
	DefaultMemory  = 64 << 20
	DefaultRequest = 0.5 // without annotations a pod uses half of what it requests
	// Origin is where every counter starts (2020-01-01T00:00:00Z). Counters are a pure
	// function of wall time, so no state is kept and backfill needs no coordination.
	Origin = 1577836800.0
)

// Spec is a pod's simulated usage: the mean cpu (cores) and memory (bytes) over time.
type Spec struct {
	CPU     float64
	Memory  float64
	Pattern Pattern
}

// FromPod reads the annotations; missing ones default to half the pod's requests.
func FromPod(pod *corev1.Pod) Spec {
	var reqCPU, reqMem float64
	for _, c := range pod.Spec.Containers {
		if q, ok := c.Resources.Requests[corev1.ResourceCPU]; ok {
			reqCPU += q.AsApproximateFloat64()
		}
		if q, ok := c.Resources.Requests[corev1.ResourceMemory]; ok {
			reqMem += q.AsApproximateFloat64()
		}
	}
	s := Spec{CPU: DefaultCPU, Memory: DefaultMemory, Pattern: Steady}
	if reqCPU > 0 {
		s.CPU = reqCPU * DefaultRequest
	}
	if reqMem > 0 {
		s.Memory = reqMem * DefaultRequest
	}
	a := pod.Annotations
	if q, err := resource.ParseQuantity(a[AnnotationCPU]); err == nil {
		s.CPU = q.AsApproximateFloat64()
	}
	if q, err := resource.ParseQuantity(a[AnnotationMemory]); err == nil {
		s.Memory = q.AsApproximateFloat64()
	}
	switch p := Pattern(a[AnnotationPattern]); p {
	case Diurnal, Spiky, Idle:
		s.Pattern = p
	}
	return s
}

// Split divides a pod's usage evenly between n containers (sum by pod = the annotation).
func (s Spec) Split(n int) Spec {
	if n <= 1 {
		return s
	}
	return Spec{CPU: s.CPU / float64(n), Memory: s.Memory / float64(n), Pattern: s.Pattern}
}

// CPUAt is the instantaneous usage in cores at unix time t (seconds).
func (s Spec) CPUAt(t float64) float64 {
	switch s.Pattern {
	case Diurnal:
		return s.CPU * (1 - DiurnalCPUAmp*math.Cos(2*math.Pi*t/Day))
	case Spiky:
		if math.Mod(t, SpikePeriod) < SpikeLength {
			return s.CPU * SpikeHigh
		}
		return s.CPU * SpikeLow
	case Idle:
		return s.CPU * IdleFactor
	}
	return s.CPU
}

// antiderivative of CPUAt in closed form, so counters need no integration state.
func (s Spec) integral(t float64) float64 {
	switch s.Pattern {
	case Diurnal:
		w := 2 * math.Pi / Day
		return s.CPU * (t - DiurnalCPUAmp*math.Sin(w*t)/w)
	case Spiky:
		periods := math.Floor(t / SpikePeriod)
		x := t - periods*SpikePeriod
		in := SpikeHigh*math.Min(x, SpikeLength) + SpikeLow*math.Max(0, x-SpikeLength)
		return s.CPU * (periods*SpikePeriod + in)
	case Idle:
		return s.CPU * IdleFactor * t
	}
	return s.CPU * t
}

// CPUSeconds is container_cpu_usage_seconds_total at t: cpu-seconds used since Origin.
func (s Spec) CPUSeconds(t float64) float64 { return s.integral(t) - s.integral(Origin) }

// MemoryAt is the working set in bytes at t. Memory is held even when idle.
func (s Spec) MemoryAt(t float64) float64 {
	if s.Pattern == Diurnal {
		return s.Memory * (1 - DiurnalMemAmp*math.Cos(2*math.Pi*t/Day))
	}
	return s.Memory
}

// RxBytes and TxBytes are the network counters, proportional to cpu-seconds.
func (s Spec) RxBytes(t float64) float64 { return s.CPUSeconds(t) * RxPerCoreSec }
func (s Spec) TxBytes(t float64) float64 { return s.CPUSeconds(t) * TxPerCoreSec }
