// Command aio runs aio scripts and opens the aio REPL.
package main

import (
	"os"

	"github.com/aio-lang/aio/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
