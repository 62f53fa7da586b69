package parser

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzParse checks that any input gives a module or a *SyntaxError,
// never a panic or a hang. It is seeded with every test program:
//
//	go test -fuzz=FuzzParse ./parser
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/valid/*.aio", "testdata/errors/*.aio"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if src, err := os.ReadFile(name); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add(benchSource(200))
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			m, err := Parse("fuzz.aio", src)
			if err != nil {
				if _, ok := err.(*SyntaxError); !ok {
					t.Errorf("error of type %T: %v", err, err)
				}
				if err.Error() == "" {
					t.Error("empty error text")
				}
			} else if m == nil {
				t.Error("nil module without error")
			}
			if _, err := ParseExpr("fuzz", src); err != nil {
				if _, ok := err.(*SyntaxError); !ok {
					t.Errorf("ParseExpr error of type %T", err)
				}
			}
			if _, _, err := ParseInput("fuzz", src); err != nil {
				if _, ok := err.(*SyntaxError); !ok {
					t.Errorf("ParseInput error of type %T", err)
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("parse hangs on %q", src)
		}
	})
}
