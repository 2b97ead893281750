//go:build !linux

package matrixtest

import "os/exec"

// dieWithParent has no portable equivalent outside Linux; the test's
// cleanup stops Dendrite.
func dieWithParent(*exec.Cmd) {}
