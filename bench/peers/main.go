// Command peers runs one benchmark kernel on one of the Go-embedded
// interpreters that aio is compared with (goja for JavaScript, gopher-lua
// for Lua, starlark-go for Starlark) and prints what the kernel prints.
// The kernels are the same algorithms as bench/peers/kernels/NAME.aio,
// translated by hand; the run script times this command beside aio.
//
//	peers ENGINE KERNEL     ENGINE: goja, lua or starlark
package main

import (
	"embed"
	"fmt"
	"os"

	"github.com/dop251/goja"
	lua "github.com/yuin/gopher-lua"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

//go:embed kernels
var kernels embed.FS

var extensions = map[string]string{"goja": "js", "lua": "lua", "starlark": "star"}

func main() {
	if len(os.Args) != 3 || extensions[os.Args[1]] == "" {
		fmt.Fprintln(os.Stderr, "usage: peers goja|lua|starlark KERNEL")
		os.Exit(2)
	}
	engine, kernel := os.Args[1], os.Args[2]
	src, err := kernels.ReadFile("kernels/" + kernel + "." + extensions[engine])
	if err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(2)
	}
	if err := run(engine, kernel, string(src)); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}

// run executes src on engine; each kernel prints through the engine's own
// print function.
func run(engine, name, src string) error {
	switch engine {
	case "goja":
		vm := goja.New()
		if err := vm.Set("print", func(args ...any) { fmt.Println(args...) }); err != nil {
			return err
		}
		_, err := vm.RunScript(name, src)
		return err
	case "lua":
		L := lua.NewState()
		defer L.Close()
		return L.DoString(src)
	default:
		thread := &starlark.Thread{Name: name, Print: func(_ *starlark.Thread, msg string) { fmt.Println(msg) }}
		opts := &syntax.FileOptions{Recursion: true, While: true, GlobalReassign: true, TopLevelControl: true}
		_, err := starlark.ExecFileOptions(opts, thread, name+".star", src, nil)
		return err
	}
}
