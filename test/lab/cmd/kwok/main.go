// Command kwok runs sigs.k8s.io/kwok's controller: it fakes nodes and moves the pods
// bound to them through their lifecycle, so the lab needs no container runtime.
//
// `kwok default-stages` prints kwok's own embedded default Stage objects (node
// initialise + lease heartbeat, pod ready/complete/delete), the same set kwokctl
// installs, so the lab's config comes from the pinned kwok release rather than a copy.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/pflag"

	nodefast "sigs.k8s.io/kwok/kustomize/stage/node/fast"
	nodelease "sigs.k8s.io/kwok/kustomize/stage/node/heartbeat-with-lease"
	podfast "sigs.k8s.io/kwok/kustomize/stage/pod/fast"
	"sigs.k8s.io/kwok/pkg/config"
	"sigs.k8s.io/kwok/pkg/kwok/cmd"
	"sigs.k8s.io/kwok/pkg/log"
	"sigs.k8s.io/kwok/pkg/utils/signals"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "default-stages" {
		docs := []string{nodefast.DefaultNodeInit, nodelease.DefaultNodeHeartbeatWithLease,
			podfast.DefaultPodReady, podfast.DefaultPodComplete, podfast.DefaultPodDelete}
		for i, d := range docs {
			docs[i] = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(d), "---"))
		}
		fmt.Println(strings.Join(docs, "\n---\n"))
		return
	}
	flags := pflag.NewFlagSet("global", pflag.ContinueOnError)
	flags.ParseErrorsAllowlist.UnknownFlags = true
	flags.Usage = func() {}

	ctx := signals.SetupSignalContext()
	ctx, logger := log.InitFlags(ctx, flags)
	ctx, err := config.InitFlags(ctx, flags)
	if err != nil {
		logger.Error("init config flags", err)
		os.Exit(1)
	}
	command := cmd.NewCommand(ctx)
	command.PersistentFlags().AddFlagSet(flags)
	if err := command.ExecuteContext(ctx); err != nil {
		logger.Error("kwok exited", err)
		os.Exit(1)
	}
}
