package cli

// This file is what the command line grants a script: everything — the
// host's file system and the process's environment, the network, every
// command and the process's signals (interp.GrantAll).

import "github.com/aio-lang/aio/interp"

// grantAll is interp.GrantAll with workDir as
// the working directory ("" for the process's).
func grantAll(workDir string) interp.Capabilities {
	g := interp.GrantAll()
	g.Cwd = workDir
	return g
}
