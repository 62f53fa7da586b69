// Package cli implements the aio command line: running a file, -c CODE,
// a program from standard input, and the REPL.
package cli

import (
	"fmt"
	"io"
)

// Main runs the aio command with the given arguments (without the program
// name) and returns the process exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "aio: not implemented yet")
	return 2
}
