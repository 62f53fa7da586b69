package interp_test

import (
	"context"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/aio-lang/aio/interp"
)

// A host grants scripts a file system to import their own modules from;
// here an in-memory one with a module and a package.
func Example_importFromFS() {
	fsys := fstest.MapFS{
		"greet.aio":         {Data: []byte("def hello(who):\n    return f'hello, {who}'\n")},
		"shop/__init__.aio": {Data: []byte("from .prices import total\n")},
		"shop/prices.aio":   {Data: []byte("def total(items):\n    return sum(items)\n")},
	}
	in := interp.New(interp.Options{Stdout: os.Stdout, ModuleFS: fsys})
	err := in.Exec(context.Background(), "main.aio", "import greet, shop\nprint(greet.hello('you'), shop.total([1, 2, 3]))\n")
	fmt.Println(err)
	// Output:
	// hello, you 6
	// <nil>
}

// A host can also supply modules by name, from anywhere: a database, an
// embedded bundle, a network store.
func Example_importFromModuleSource() {
	modules := map[string]string{"config": "DEBUG = True\nLEVEL = 'info'\n"}
	in := interp.New(interp.Options{Stdout: os.Stdout, ModuleSource: func(name string) (*interp.SourceModule, error) {
		src, ok := modules[name]
		if !ok {
			return nil, nil // not ours: the import goes on to the standard modules
		}
		return &interp.SourceModule{Source: []byte(src), Filename: "<config>"}, nil
	}})
	err := in.Exec(context.Background(), "main.aio", "from config import DEBUG, LEVEL\nprint(DEBUG, LEVEL)\n")
	fmt.Println(err)
	// Output:
	// True info
	// <nil>
}
