package parser

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowCorpus(t *testing.T) {
	dir := os.Getenv("FUZZDIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		lines := strings.SplitN(string(data), "\n", 3)
		if len(lines) < 2 {
			continue
		}
		v := strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")")
		s, err := strconv.Unquote(v)
		if err != nil {
			continue
		}
		start := time.Now()
		Parse("x", []byte(s))
		ParseExpr("x", []byte(s))
		ParseInput("x", []byte(s))
		if d := time.Since(start); d > 20*time.Millisecond {
			t.Logf("%s: %v len %d %q", filepath.Base(f), d, len(s), s[:min(len(s), 200)])
		}
	}
}
