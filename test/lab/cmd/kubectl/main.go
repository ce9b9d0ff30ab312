// Command kubectl is kubectl from the same Kubernetes release as the lab's apiserver, so
// the lab's scripts never depend on (or skew against) whatever kubectl a machine has.
package main

import (
	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"
)

func main() {
	if err := cli.RunNoErrOutput(cmd.NewDefaultKubectlCommand()); err != nil {
		util.CheckErr(err)
	}
}
