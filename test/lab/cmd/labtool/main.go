// Command labtool holds the lab's own helpers, kept in Go so they share client-go and
// the usage model with each other:
//
//	labtool certs    --dir D                       CA, serving/client certs, SA key
//	labtool exporter --kubeconfig K --listen A     cAdvisor + kube-state-metrics series
//	labtool backfill --kubeconfig K --namespace N --hours H --out F   OpenMetrics history
//	labtool nodes    --kubeconfig K --count N      create kwok-managed fake nodes
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: labtool certs|exporter|backfill|nodes [flags]")
		os.Exit(2)
	}
	cmds := map[string]func([]string) error{
		"certs": runCerts, "exporter": runExporter, "backfill": runBackfill, "nodes": runNodes,
	}
	run, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "labtool: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
	if err := run(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "labtool %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
