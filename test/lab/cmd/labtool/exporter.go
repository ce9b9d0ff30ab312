package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	listersapps "k8s.io/client-go/listers/apps/v1"
	listerscore "k8s.io/client-go/listers/core/v1"

	"optiinfra.dev/lab/internal/usage"
)

// runExporter serves what the kubelet's cAdvisor and kube-state-metrics would serve in a
// real cluster, computed from informer caches (watches, never list polling) at scrape time.
func runExporter(args []string) error {
	fs := flag.NewFlagSet("exporter", flag.ExitOnError)
	kubeconfig := fs.String("kubeconfig", ".lab/kubeconfig", "kubeconfig")
	listen := fs.String("listen", "127.0.0.1:9101", "listen address")
	_ = fs.Parse(args)
	cs, err := clientFor(*kubeconfig)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	// Stripping managedFields keeps the cache small with 10k pods.
	f := informers.NewSharedInformerFactoryWithOptions(cs, 0, informers.WithTransform(stripManagedFields))
	c := &collector{
		pods: f.Core().V1().Pods().Lister(), nodes: f.Core().V1().Nodes().Lister(),
		namespaces: f.Core().V1().Namespaces().Lister(),
		deploys:    f.Apps().V1().Deployments().Lister(), replicasets: f.Apps().V1().ReplicaSets().Lister(),
		statefulsets: f.Apps().V1().StatefulSets().Lister(), daemonsets: f.Apps().V1().DaemonSets().Lister(),
	}
	f.Start(ctx.Done())
	var synced atomic.Bool // read by /healthz while informers sync
	reg := prometheus.NewRegistry()
	reg.MustRegister(c)
	mux := http.NewServeMux()
	// One gather at a time: with 10k pods on a loaded machine a gather can outlast Prometheus'
	// scrape timeout, and overlapping gathers then pile up (16 GB RSS seen); extras get a 503.
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{MaxRequestsInFlight: 1}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		if !synced.Load() {
			http.Error(w, "informers not synced", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	srv := &http.Server{Addr: *listen, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	for typ, ok := range f.WaitForCacheSync(ctx.Done()) {
		if !ok {
			return fmt.Errorf("informer for %v did not sync", typ)
		}
	}
	synced.Store(true)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	}
}

type collector struct {
	pods         listerscore.PodLister
	nodes        listerscore.NodeLister
	namespaces   listerscore.NamespaceLister
	deploys      listersapps.DeploymentLister
	replicasets  listersapps.ReplicaSetLister
	statefulsets listersapps.StatefulSetLister
	daemonsets   listersapps.DaemonSetLister
}

// Describe sends nothing: an "unchecked" collector, since the series set changes with pods.
func (c *collector) Describe(chan<- *prometheus.Desc) {}

type emitter struct {
	ch    chan<- prometheus.Metric
	descs map[string]*prometheus.Desc
}

func (e *emitter) emit(name string, typ prometheus.ValueType, v float64, kv ...string) {
	keys, vals := make([]string, 0, len(kv)/2), make([]string, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		keys, vals = append(keys, kv[i]), append(vals, kv[i+1])
	}
	id := name + fmt.Sprint(keys)
	d, ok := e.descs[id]
	if !ok {
		d = prometheus.NewDesc(name, "OptiInfra lab simulation of "+name, keys, nil)
		e.descs[id] = d
	}
	e.ch <- prometheus.MustNewConstMetric(d, typ, v, vals...)
}

var resourceUnits = map[corev1.ResourceName]string{corev1.ResourceCPU: "core", corev1.ResourceMemory: "byte", corev1.ResourcePods: "integer"}

func (c *collector) Collect(ch chan<- prometheus.Metric) {
	e := &emitter{ch: ch, descs: map[string]*prometheus.Desc{}}
	now := float64(time.Now().UnixMilli()) / 1000
	g, ctr := prometheus.GaugeValue, prometheus.CounterValue
	pods, _ := c.pods.List(labels.Everything())
	for _, p := range pods {
		ns, name, uid, node := p.Namespace, p.Name, string(p.UID), p.Spec.NodeName
		kind, owner := "<none>", "<none>"
		if ref := metav1GetController(p); ref != nil {
			kind, owner = ref.Kind, ref.Name
			e.emit("kube_pod_owner", g, 1, "namespace", ns, "pod", name, "uid", uid, "owner_kind", kind, "owner_name", owner, "owner_is_controller", "true")
		}
		e.emit("kube_pod_info", g, 1, "namespace", ns, "pod", name, "uid", uid, "node", node, "host_ip", p.Status.HostIP,
			"pod_ip", p.Status.PodIP, "created_by_kind", kind, "created_by_name", owner)
		for _, ph := range []corev1.PodPhase{corev1.PodPending, corev1.PodRunning, corev1.PodSucceeded, corev1.PodFailed, corev1.PodUnknown} {
			e.emit("kube_pod_status_phase", g, b2f(p.Status.Phase == ph), "namespace", ns, "pod", name, "uid", uid, "phase", string(ph))
		}
		running := p.Status.Phase == corev1.PodRunning && node != ""
		spec := usage.FromPod(p).Split(len(p.Spec.Containers))
		for _, ct := range p.Spec.Containers {
			e.emit("kube_pod_container_info", g, 1, "namespace", ns, "pod", name, "uid", uid, "container", ct.Name, "image", ct.Image)
			for rn, q := range ct.Resources.Requests {
				if unit, ok := resourceUnits[rn]; ok {
					e.emit("kube_pod_container_resource_requests", g, q.AsApproximateFloat64(), "namespace", ns, "pod", name, "uid", uid, "container", ct.Name, "node", node, "resource", string(rn), "unit", unit)
				}
			}
			for rn, q := range ct.Resources.Limits {
				if unit, ok := resourceUnits[rn]; ok {
					e.emit("kube_pod_container_resource_limits", g, q.AsApproximateFloat64(), "namespace", ns, "pod", name, "uid", uid, "container", ct.Name, "node", node, "resource", string(rn), "unit", unit)
				}
			}
			if !running {
				continue
			}
			cl := []string{"namespace", ns, "pod", name, "container", ct.Name, "node", node, "image", ct.Image}
			e.emit("container_cpu_usage_seconds_total", ctr, spec.CPUSeconds(now), cl...)
			e.emit("container_memory_working_set_bytes", g, spec.MemoryAt(now), cl...)
			nl := append(cl, "interface", "eth0")
			e.emit("container_network_receive_bytes_total", ctr, spec.RxBytes(now), nl...)
			e.emit("container_network_transmit_bytes_total", ctr, spec.TxBytes(now), nl...)
		}
	}
	c.collectWorkloads(e)
}

func (c *collector) collectWorkloads(e *emitter) {
	g := prometheus.GaugeValue
	deploys, _ := c.deploys.List(labels.Everything())
	for _, d := range deploys {
		l := []string{"namespace", d.Namespace, "deployment", d.Name}
		e.emit("kube_deployment_spec_replicas", g, float64(ptrOr(d.Spec.Replicas, 1)), l...)
		e.emit("kube_deployment_status_replicas", g, float64(d.Status.Replicas), l...)
		e.emit("kube_deployment_status_replicas_available", g, float64(d.Status.AvailableReplicas), l...)
		e.emit("kube_deployment_status_replicas_updated", g, float64(d.Status.UpdatedReplicas), l...)
	}
	rss, _ := c.replicasets.List(labels.Everything())
	for _, rs := range rss {
		l := []string{"namespace", rs.Namespace, "replicaset", rs.Name}
		e.emit("kube_replicaset_spec_replicas", g, float64(ptrOr(rs.Spec.Replicas, 1)), l...)
		if ref := metav1GetControllerOf(rs.OwnerReferences); ref != nil {
			e.emit("kube_replicaset_owner", g, 1, append(l, "owner_kind", ref.Kind, "owner_name", ref.Name, "owner_is_controller", "true")...)
		}
	}
	stss, _ := c.statefulsets.List(labels.Everything())
	for _, s := range stss {
		l := []string{"namespace", s.Namespace, "statefulset", s.Name}
		e.emit("kube_statefulset_replicas", g, float64(ptrOr(s.Spec.Replicas, 1)), l...)
		e.emit("kube_statefulset_status_replicas", g, float64(s.Status.Replicas), l...)
		e.emit("kube_statefulset_status_replicas_ready", g, float64(s.Status.ReadyReplicas), l...)
	}
	dss, _ := c.daemonsets.List(labels.Everything())
	for _, d := range dss {
		l := []string{"namespace", d.Namespace, "daemonset", d.Name}
		e.emit("kube_daemonset_status_desired_number_scheduled", g, float64(d.Status.DesiredNumberScheduled), l...)
		e.emit("kube_daemonset_status_current_number_scheduled", g, float64(d.Status.CurrentNumberScheduled), l...)
		e.emit("kube_daemonset_status_number_ready", g, float64(d.Status.NumberReady), l...)
	}
	nodes, _ := c.nodes.List(labels.Everything())
	for _, n := range nodes {
		e.emit("kube_node_info", g, 1, "node", n.Name, "kubelet_version", n.Status.NodeInfo.KubeletVersion,
			"os_image", n.Status.NodeInfo.OSImage, "provider_id", n.Spec.ProviderID,
			"instance_type", n.Labels["node.kubernetes.io/instance-type"], "zone", n.Labels["topology.kubernetes.io/zone"])
		for rn, q := range n.Status.Capacity {
			if unit, ok := resourceUnits[rn]; ok {
				e.emit("kube_node_status_capacity", g, q.AsApproximateFloat64(), "node", n.Name, "resource", string(rn), "unit", unit)
			}
		}
		for rn, q := range n.Status.Allocatable {
			if unit, ok := resourceUnits[rn]; ok {
				e.emit("kube_node_status_allocatable", g, q.AsApproximateFloat64(), "node", n.Name, "resource", string(rn), "unit", unit)
			}
		}
		for _, cond := range n.Status.Conditions {
			for _, st := range []corev1.ConditionStatus{corev1.ConditionTrue, corev1.ConditionFalse, corev1.ConditionUnknown} {
				e.emit("kube_node_status_condition", g, b2f(cond.Status == st), "node", n.Name, "condition", string(cond.Type), "status", strings.ToLower(string(st)))
			}
		}
	}
	nss, _ := c.namespaces.List(labels.Everything())
	for _, ns := range nss {
		e.emit("kube_namespace_status_phase", g, 1, "namespace", ns.Name, "phase", string(ns.Status.Phase))
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func ptrOr(p *int32, d int32) int32 {
	if p == nil {
		return d
	}
	return *p
}

func metav1GetController(p *corev1.Pod) *metav1.OwnerReference { return metav1.GetControllerOf(p) }

func metav1GetControllerOf(refs []metav1.OwnerReference) *metav1.OwnerReference {
	for i := range refs {
		if refs[i].Controller != nil && *refs[i].Controller {
			return &refs[i]
		}
	}
	return nil
}

// stripManagedFields drops server-side-apply bookkeeping we never read, which is most of
// a cached pod's size.
func stripManagedFields(obj any) (any, error) {
	if m, ok := obj.(metav1.Object); ok {
		m.SetManagedFields(nil)
	}
	return obj, nil
}
