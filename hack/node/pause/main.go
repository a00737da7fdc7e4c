// Command pause holds a pod's namespaces open for the real node of hack/cluster: it sleeps until it is told to
// stop. PID 1 of a pod sandbox gets no default signal handlers, so SIGTERM and SIGINT are handled explicitly.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	// Children re-parented to PID 1 are reaped by the kernel when SIGCHLD is ignored.
	signal.Ignore(syscall.SIGCHLD)
	<-stop
}
