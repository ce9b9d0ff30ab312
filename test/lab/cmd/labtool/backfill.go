package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"optiinfra.dev/lab/internal/usage"
)

// Target labels Prometheus attaches to the exporter's samples (prometheus.yml pins the
// instance label), so backfilled samples land in exactly the live series.
const scrapeJob, scrapeInstance = "lab-exporter", "lab-exporter"

type series struct {
	labels string
	value  func(t float64) float64
}

// runBackfill writes OpenMetrics history for every scheduled pod of a namespace; the lab
// controller turns the file into TSDB blocks with promtool.
func runBackfill(args []string) error {
	fs := flag.NewFlagSet("backfill", flag.ExitOnError)
	kubeconfig := fs.String("kubeconfig", ".lab/kubeconfig", "kubeconfig")
	namespace := fs.String("namespace", "", "namespace (required)")
	hours := fs.Float64("hours", 24, "hours of history ending now")
	step := fs.Duration("step", time.Minute, "sample spacing")
	out := fs.String("out", "", "output directory (one OpenMetrics file per 2h window)")
	endFlag := fs.Int64("end", 0, "end time, unix seconds (default: now)")
	_ = fs.Parse(args)
	if *namespace == "" || *out == "" {
		return fmt.Errorf("--namespace and --out are required")
	}
	cs, err := clientFor(*kubeconfig)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// Pods created just before a backfill may not be scheduled yet; their node label is
	// part of the series identity, so wait briefly for the scheduler.
	var pods []corev1.Pod
	for {
		list, err := cs.CoreV1().Pods(*namespace).List(ctx, metav1.ListOptions{})
		if err != nil {
			return err
		}
		pods = pods[:0]
		pending := 0
		for _, p := range list.Items {
			if p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed || p.DeletionTimestamp != nil {
				continue
			}
			if p.Spec.NodeName == "" {
				pending++
				continue
			}
			pods = append(pods, p)
		}
		if pending == 0 || ctx.Err() != nil {
			if pending > 0 {
				fmt.Fprintf(os.Stderr, "backfill: %d unscheduled pods in %s skipped\n", pending, *namespace)
			}
			break
		}
		time.Sleep(time.Second)
	}

	families := map[string][]series{}
	order := []string{"container_cpu_usage_seconds", "container_memory_working_set_bytes",
		"container_network_receive_bytes", "container_network_transmit_bytes",
		"kube_pod_container_resource_requests", "kube_pod_container_resource_limits"}
	types := map[string]string{"container_cpu_usage_seconds": "counter", "container_network_receive_bytes": "counter",
		"container_network_transmit_bytes": "counter"}
	for i := range pods {
		p := &pods[i]
		spec := usage.FromPod(p).Split(len(p.Spec.Containers))
		for _, ct := range p.Spec.Containers {
			base := labelString("namespace", p.Namespace, "pod", p.Name, "container", ct.Name, "node", p.Spec.NodeName,
				"image", ct.Image, "job", scrapeJob, "instance", scrapeInstance)
			net := base + "," + labelString("interface", "eth0")
			families["container_cpu_usage_seconds"] = append(families["container_cpu_usage_seconds"], series{base, spec.CPUSeconds})
			families["container_memory_working_set_bytes"] = append(families["container_memory_working_set_bytes"], series{base, spec.MemoryAt})
			families["container_network_receive_bytes"] = append(families["container_network_receive_bytes"], series{net, spec.RxBytes})
			families["container_network_transmit_bytes"] = append(families["container_network_transmit_bytes"], series{net, spec.TxBytes})
			for fam, rl := range map[string]corev1.ResourceList{"kube_pod_container_resource_requests": ct.Resources.Requests,
				"kube_pod_container_resource_limits": ct.Resources.Limits} {
				for rn, q := range rl {
					unit, ok := resourceUnits[rn]
					if !ok {
						continue
					}
					v := q.AsApproximateFloat64()
					l := labelString("namespace", p.Namespace, "pod", p.Name, "uid", string(p.UID), "container", ct.Name,
						"node", p.Spec.NodeName, "resource", string(rn), "unit", unit, "job", scrapeJob, "instance", scrapeInstance)
					families[fam] = append(families[fam], series{l, func(float64) float64 { return v }})
				}
			}
		}
	}

	end := time.Now().Unix()
	if *endFlag > 0 {
		end = *endFlag
	}
	stepS := int64(step.Seconds())
	if stepS < 1 {
		stepS = 1
	}
	start := end - int64(*hours*3600)
	start -= start % stepS
	// promtool re-reads its whole input once per 2h block it creates, so one file per
	// 2h-aligned window keeps the import linear in the number of samples.
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	const window = 7200
	n, files := 0, 0
	for ws := start - start%window; ws <= end; ws += window {
		from, to := max(start, ws), min(end, ws+window-stepS)
		if from > to {
			continue
		}
		written, err := writeWindow(filepath.Join(*out, fmt.Sprintf("%d.om", ws)), order, types, families, from, to, stepS)
		if err != nil {
			return err
		}
		n += written
		files++
	}
	fmt.Printf("backfill: %d pods, %d samples in %d files from %s to %s\n", len(pods), n, files,
		time.Unix(start, 0).UTC().Format(time.RFC3339), time.Unix(end, 0).UTC().Format(time.RFC3339))
	return nil
}

func writeWindow(path string, order []string, types map[string]string, families map[string][]series, from, to, step int64) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	n := 0
	for _, fam := range order {
		list := families[fam]
		if len(list) == 0 {
			continue
		}
		typ, suffix := "gauge", ""
		if types[fam] == "counter" {
			typ, suffix = "counter", "_total"
		}
		fmt.Fprintf(w, "# TYPE %s %s\n", fam, typ)
		for _, s := range list {
			for t := from; t <= to; t += step {
				fmt.Fprintf(w, "%s%s{%s} %s %d\n", fam, suffix, s.labels, strconv.FormatFloat(s.value(float64(t)), 'g', -1, 64), t)
				n++
			}
		}
	}
	fmt.Fprintln(w, "# EOF")
	if err := w.Flush(); err != nil {
		return 0, err
	}
	return n, nil
}

func labelString(kv ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(kv[i])
		b.WriteString("=")
		b.WriteString(strconv.Quote(kv[i+1]))
	}
	return b.String()
}
