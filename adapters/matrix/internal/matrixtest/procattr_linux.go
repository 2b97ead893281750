package matrixtest

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the kernel kill Dendrite when the test binary dies
// without running its cleanups (go test's timeout, a crash), so no
// homeserver outlives its test.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
