// Package tests holds aio's conformance suites: small programs in the
// Python 3.11 subset that aio implements, each with the standard output,
// exit status and last standard-error line that CPython 3.11 produced for
// it (see README.md). This file runs every program through the aio command
// line and compares. It never runs python3: the expectations are checked
// in, and regen.sh rebuilds them where CPython is installed.
package tests

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/internal/cli"
)

// programTimeout bounds one program's run. The slowest programs (deep
// recursion up to RecursionError) take well under a second in CPython;
// the margin is for an interpreter that is slower and for parallel runs
// competing for the CPU.
const programTimeout = 20 * time.Second

// virtualTimeSuites lists the suite directories whose programs run with
// the virtual clock, so that programs sleeping for seconds finish at once
// and print the same loop.time() readings on every run.
var virtualTimeSuites = map[string]bool{"async": true, "examples": true, "programs": true}

// scratchSuites lists the suite directories whose programs work on files:
// each runs with a fresh temporary working directory (holding a copy of
// the suite's data/ directory, if any), as regen.sh runs CPython.
var scratchSuites = map[string]bool{"io": true}

// A program is one conformance case: NAME.aio plus the NAME.out, NAME.err
// and NAME.code files that regen.sh wrote from CPython's run.
type program struct {
	suite string // directory under tests/, e.g. "core"
	name  string // file name without .aio, e.g. "int_bigint"
	path  string // path of NAME.aio relative to the test's working directory
}

// expectation is what CPython did with a program.
type expectation struct {
	stdout  string // the whole of standard output
	errLine string // the last non-blank line of standard error, or ""
	code    int    // the exit status
}

// signalPrograms serializes the programs named signal_*.
var signalPrograms sync.Mutex

// TestConformance runs every tests/*/*.aio program as the subtest
// "suite/NAME", so that `go test ./tests -run 'Conformance/core/^int_'`
// selects a family of programs.
func TestConformance(t *testing.T) {
	progs := findPrograms(t, ".")
	require.NotEmpty(t, progs, "no *.aio programs found under tests/")
	// The runnable examples are checked the same way, so they stay true.
	examples, err := filepath.Glob("../examples/*.aio")
	require.NoError(t, err)
	for _, path := range examples {
		progs = append(progs, program{suite: "examples", name: strings.TrimSuffix(filepath.Base(path), ".aio"), path: path})
	}
	for _, p := range progs {
		t.Run(p.suite+"/"+p.name, func(t *testing.T) {
			t.Parallel()
			want := readExpectation(t, p)
			args := []string{p.path}
			if virtualTimeSuites[p.suite] {
				args = []string{"--virtual-time", p.path}
			}
			workDir := ""
			if scratchSuites[p.suite] {
				workDir = scratchDir(t, filepath.Join(filepath.Dir(p.path), "data"))
				abs, err := filepath.Abs(p.path)
				require.NoError(t, err)
				args[len(args)-1] = abs
			}
			if strings.HasPrefix(p.name, "signal_") {
				// Real signals go to the whole test process: programs
				// that send or watch them must not overlap.
				signalPrograms.Lock()
				defer signalPrograms.Unlock()
			}
			got, ok := runMainIn(workDir, args, programTimeout)
			if !ok {
				t.Fatalf("%s did not finish within %v\nstdout so far:\n%s\nstderr so far:\n%s",
					p.path, programTimeout, indent(got.stdout), indent(got.stderr))
			}
			if got.panicked != "" {
				t.Fatalf("cli.Main panicked running %s: %s\nstdout so far:\n%s",
					p.path, got.panicked, indent(got.stdout))
			}
			// On a mismatch show the whole stderr once, since the
			// traceback above the last line is what explains it.
			gotErr := lastNonBlankLine(got.stderr)
			okOut := want.stdout == got.stdout
			if !okOut {
				assert.Fail(t, "stdout differs",
					"stdout of %s (-CPython +aio):\n%s", p.path, lineDiff(want.stdout, got.stdout))
			}
			okCode := assert.Equal(t, want.code, got.code, "exit status of %s", p.path)
			okErr := assert.Equal(t, want.errLine, gotErr, "last line of stderr of %s", p.path)
			if !(okOut && okCode && okErr) && got.stderr != "" {
				t.Logf("full stderr of %s:\n%s", p.path, indent(got.stderr))
			}
		})
	}
}

// scratchDir makes a temporary directory holding a copy of data (when
// it exists) and returns its path.
func scratchDir(t *testing.T, data string) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := os.Stat(data); err == nil {
		require.NoError(t, os.CopyFS(dir, os.DirFS(data)))
	}
	return dir
}

// findPrograms returns the *.aio files one directory below root, in a
// stable order. Each subdirectory is a suite; files directly in root and
// deeper levels are not programs (root holds this harness and regen.sh).
func findPrograms(t *testing.T, root string) []program {
	t.Helper()
	var progs []program
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || filepath.Ext(path) != ".aio" {
			return nil
		}
		dir := filepath.Dir(path)
		if dir == filepath.Clean(root) || filepath.Dir(dir) != filepath.Clean(root) {
			return nil
		}
		progs = append(progs, program{
			suite: filepath.Base(dir),
			name:  strings.TrimSuffix(filepath.Base(path), ".aio"),
			path:  path,
		})
		return nil
	})
	require.NoError(t, err)
	sort.Slice(progs, func(i, j int) bool { return progs[i].path < progs[j].path })
	return progs
}

// readExpectation loads NAME.out, NAME.err and NAME.code. A missing file
// means regen.sh has not been run for a new program, which is a broken
// suite rather than an interpreter bug, so it stops the subtest at once.
func readExpectation(t *testing.T, p program) expectation {
	t.Helper()
	base := strings.TrimSuffix(p.path, ".aio")
	hint := "run tests/regen.sh tests/" + p.path + " where CPython 3.11 is installed"
	out, err := os.ReadFile(base + ".out")
	require.NoError(t, err, hint)
	errFile, err := os.ReadFile(base + ".err")
	require.NoError(t, err, hint)
	codeFile, err := os.ReadFile(base + ".code")
	require.NoError(t, err, hint)
	code, err := strconv.Atoi(strings.TrimSpace(string(codeFile)))
	require.NoError(t, err, "%s.code must hold an exit status", base)
	// A program that prints nothing and succeeds checks nothing: an
	// interpreter that ignored the whole file would pass it.
	require.False(t, len(out) == 0 && code == 0,
		"%s prints nothing and exits 0; make it print what it computes", p.path)
	return expectation{
		stdout:  string(out),
		errLine: lastNonBlankLine(string(errFile)),
		code:    code,
	}
}

// result is what one cli.Main call produced.
type result struct {
	stdout, stderr string
	code           int
	panicked       string // the panic value and stack, if Main panicked
}

// runMain calls cli.Main with an empty standard input, in a goroutine so
// that a program that hangs fails only its own subtest. ok is false when
// the timeout expired; the result then holds the output written so far.
// The abandoned goroutine keeps running until the test binary exits,
// which is why output goes through lockedBuffer.
func runMain(args []string, timeout time.Duration) (r result, ok bool) {
	return runMainIn("", args, timeout)
}

// runMainIn is runMain with the script's working directory set to dir.
func runMainIn(dir string, args []string, timeout time.Duration) (r result, ok bool) {
	var stdout, stderr lockedBuffer
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if v := recover(); v != nil {
				res.panicked = fmt.Sprintf("%v\n%s", v, debug.Stack())
			}
			res.stdout, res.stderr = stdout.String(), stderr.String()
			done <- res
		}()
		res.code = cli.MainIn(dir, args, strings.NewReader(""), &stdout, &stderr)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		return res, true
	case <-timer.C:
		return result{stdout: stdout.String(), stderr: stderr.String()}, false
	}
}

// lockedBuffer is a bytes.Buffer that may be read while another
// goroutine writes to it: the output of a program that timed out.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lastNonBlankLine returns the last line of s that holds something other
// than white space, without its line ending. It is the same rule regen.sh
// applies to CPython's stderr (awk's NF), so both sides reduce a traceback
// to its "Type: message" line.
func lastNonBlankLine(s string) string {
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		line := strings.TrimSuffix(lines[i], "\r")
		if strings.TrimSpace(line) != "" {
			return line
		}
	}
	return ""
}

// indent prefixes every line of s with a tab so that program output stands
// apart from the test's own messages.
func indent(s string) string {
	if s == "" {
		return "\t(nothing)"
	}
	return "\t" + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n\t")
}

// diffContext is how many unchanged lines lineDiff shows around a change.
const diffContext = 2

// lineDiff describes how got differs from want, line by line, in the style
// of a unified diff: "-" lines only CPython printed, "+" lines only aio
// printed. testify's own diff would also print both outputs in full as
// quoted strings, which buries a one-line difference in a long program.
// The summary at the top quotes the first differing line, so differences
// in white space or invisible characters are visible too.
func lineDiff(want, got string) string {
	a, b := splitLines(want), splitLines(got)
	first := 0
	for first < len(a) && first < len(b) && a[first] == b[first] {
		first++
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "first difference at line %d: CPython %s, aio %s\n",
		first+1, quotedLine(a, first), quotedLine(b, first))
	ops := editScript(a, b)
	// Print each run of changes with diffContext equal lines either side.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-diffContext, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*diffContext {
				end = min(end+diffContext, len(ops))
				break
			}
			end = run
		}
		if start > 0 {
			sb.WriteString("  ...\n")
		}
		for _, op := range ops[start:end] {
			fmt.Fprintf(&sb, "%c %s\n", op.kind, op.line)
		}
		i = end
	}
	return sb.String()
}

// A diffOp is one line of an edit script: ' ' kept, '-' deleted, '+' added.
type diffOp struct {
	kind byte
	line string
}

// editScript returns a shortest edit script turning a into b, from the
// longest common subsequence table. Outputs are small (a few hundred lines),
// so the quadratic table is cheap; past maxDiffCells it gives up on
// alignment and shows all of a as deleted and all of b as added.
func editScript(a, b []string) []diffOp {
	const maxDiffCells = 4_000_000
	var ops []diffOp
	if len(a)*len(b) > maxDiffCells {
		for _, l := range a {
			ops = append(ops, diffOp{'-', l})
		}
		for _, l := range b {
			ops = append(ops, diffOp{'+', l})
		}
		return ops
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, diffOp{' ', a[i]})
			i++
			j++
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, diffOp{'-', a[i]})
			i++
		default:
			ops = append(ops, diffOp{'+', b[j]})
			j++
		}
	}
	return ops
}

// splitLines splits program output into lines. A final line without a
// newline is marked, since print() always ends its output with one and a
// missing newline is a real difference.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if last := len(lines) - 1; lines[last] == "" {
		lines = lines[:last]
	} else {
		lines[last] += " (no newline at end)"
	}
	return lines
}

// quotedLine returns lines[i] quoted, or a note that the output ended.
func quotedLine(lines []string, i int) string {
	if i < len(lines) {
		return strconv.Quote(lines[i])
	}
	return "(end of output)"
}

// TestRealClockSample runs a sample of the asyncio programs on the real
// clock (without --virtual-time): the virtual clock must only remove the
// waiting, never change what a program prints.
func TestRealClockSample(t *testing.T) {
	if testing.Short() {
		t.Skip("real-clock runs take a few seconds")
	}
	var sample []program
	for i, p := range findPrograms(t, ".") {
		if p.suite == "async" && i%12 == 0 {
			sample = append(sample, p)
		}
	}
	require.NotEmpty(t, sample)
	for _, p := range sample {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			want := readExpectation(t, p)
			// A program whose tasks sleep for nearly equal times may see
			// them finish in another order when the machine is loaded;
			// the virtual-clock run checks the exact behaviour, so a real
			// run gets two more tries before it counts as a failure.
			var got result
			for try := 0; try < 3; try++ {
				var ok bool
				got, ok = runMain([]string{p.path}, programTimeout)
				require.True(t, ok, "%s did not finish", p.path)
				if got.stdout == want.stdout && got.code == want.code && lastNonBlankLine(got.stderr) == want.errLine {
					break
				}
			}
			assert.Equal(t, want.stdout, got.stdout, "stdout of %s on the real clock", p.path)
			assert.Equal(t, want.code, got.code, "exit status of %s", p.path)
			assert.Equal(t, want.errLine, lastNonBlankLine(got.stderr), "last line of stderr of %s", p.path)
		})
	}
}
