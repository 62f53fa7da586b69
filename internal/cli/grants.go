package cli

// This file is what the command line grants a script: everything — the
// host's file system and the process's environment.

import "github.com/aio-lang/aio/interp"

// grantAll grants the host file system and environment, with workDir as
// the working directory ("" for the process's).
func grantAll(workDir string) interp.Capabilities {
	return interp.Capabilities{HostFS: true, Cwd: workDir, Env: interp.HostEnv()}
}
