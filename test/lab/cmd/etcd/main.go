// Command etcd is the etcd server from go.etcd.io/etcd/server/v3 at the version
// Kubernetes itself pins (Debian's 3.4 lacks the health endpoints k8s >= 1.31 needs).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
