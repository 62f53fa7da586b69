package interp

// This file defines Session, the engine of the interactive interpreter
// (the REPL). A session owns its interpreter and runs one event loop, on a
// goroutine of its own, from NewSession to Close. Each input is compiled
// in interactive mode into the persistent __main__ namespace (an
// expression statement echoes its repr and sets _). An input whose top
// level awaits runs as a task on that loop; any other input runs as one
// loop callback, as `python -m asyncio` runs them. Because the loop keeps
// running between inputs, tasks made with create_task go on while the
// user types.
//
// The loop never reports a deadlock while it waits for the next input: the
// session holds a unit of host work (Loop.BeginHostWork) whenever no input
// runs. While an input runs it releases it, so that an input nothing can
// finish is reported, and so that a virtual clock jumps to the next timer.
// With a virtual clock, time therefore stands still between inputs.

import (
	"context"
	"errors"
	"github.com/aio-lang/aio/internal/compile"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/aio-lang/aio/parser"
	"github.com/aio-lang/aio/runtime"
)

// SessionFilename is the file name of REPL input in tracebacks and
// syntax errors, as in CPython's interactive mode.
const SessionFilename = "<stdin>"

// interruptGrace is how long an interrupt waits for the running input to
// yield before it is raised as KeyboardInterrupt in whatever code holds
// the loop (a task that never awaits).
const interruptGrace = time.Second

// completeTimeout bounds how long Complete waits for a busy loop.
const completeTimeout = 300 * time.Millisecond

// ErrSessionClosed is returned by Exec after Close, or after the session
// ended because a background task raised SystemExit.
var ErrSessionClosed = errors.New("aio: session closed")

// SessionExit is returned by Session.Exec when the input (or a background
// task) raised SystemExit: the session is over and the process should
// exit with Code. A message given to SystemExit has already been written
// to standard error.
type SessionExit struct {
	Code int
}

// Error describes the exit.
func (e *SessionExit) Error() string { return "SystemExit" }

// Session runs interactive input on an interpreter. Exec, Interrupt,
// Complete and Close may be called from any goroutine, but inputs must be
// executed one at a time. While a session is open, the interpreter
// belongs to the session's goroutine: do not call its other methods.
type Session struct {
	in   *Interp
	loop *runtime.Loop

	// gen numbers inputs; running is the number of the input in progress
	// (0 when none). pendingGen and pendingAt record an interrupt of input
	// pendingGen that has not reached it yet.
	gen        atomic.Int64
	running    atomic.Int64
	pendingGen atomic.Int64
	pendingAt  atomic.Int64

	closeOnce sync.Once
	closeReq  atomic.Bool   // Close was called
	done      chan struct{} // closed when the loop goroutine ends
	exitCode  atomic.Int64  // -1, or the status of a background SystemExit

	// Owned by the loop goroutine.
	stop      *runtime.Future
	closing   bool
	cur       *input
	keepAlive bool
	inSync    bool
	prevCheck func() error
	// dropGen is an input interrupted before it could start.
	dropGen int64
}

// input is one Exec in progress.
type input struct {
	gen         int64
	task        *runtime.Task // nil for an input without top-level await
	result      chan error
	interrupted bool
	finished    bool
}

// NewSession starts an interactive session on in: its event loop starts
// on a new goroutine. The asyncio module is imported into __main__, as
// `python -m asyncio` does. Close ends the session.
func (in *Interp) NewSession() *Session {
	s := &Session{in: in, done: make(chan struct{})}
	s.exitCode.Store(-1)
	s.loop = runtime.NewLoop(in.th)
	s.prevCheck = in.checkInterrupt
	in.setCheck(s.checkInterrupt)
	s.loop.BeginHostWork()
	s.keepAlive = true
	s.loop.Post(func() error {
		if err := in.installAsyncioBuiltins(); err != nil {
			s.report(err, false)
			return nil
		}
		if m, ok := in.th.Modules["asyncio"]; ok {
			in.main.globals.Set("asyncio", runtime.Obj(m))
		}
		return nil
	})
	go s.run()
	return s
}

// run is the session's goroutine: it runs the loop until Close, starting
// it again when KeyboardInterrupt, SystemExit or a loop error stops it.
func (s *Session) run() {
	defer close(s.done)
	defer func() { s.in.setCheck(s.prevCheck) }()
	for {
		s.stop = runtime.NewFuture(s.loop)
		err := s.runLoop()
		if s.closing || s.closeReq.Load() {
			return
		}
		if err != nil && s.loopStopped(err) {
			return
		}
	}
}

// runLoop runs the loop until the session's stop future completes or an
// error stops it. A Go panic (a bug in aio) is reported, not fatal.
func (s *Session) runLoop() (err error) {
	defer s.in.recoverEntry(s.in.entry(), &err)
	_, err = s.loop.RunUntilComplete(s.stop)
	return err
}

// loopStopped handles an error that stopped the loop. It reports whether
// the session is over.
func (s *Session) loopStopped(err error) bool {
	var ie *InternalError
	if errors.As(err, &ie) {
		s.fail(err)
		return false
	}
	exc := runtime.AsException(err)
	cur := s.cur
	fromInput := cur != nil && cur.task != nil && cur.task.Done()
	switch {
	case exc.Class.IsSubtype(runtime.SystemExit):
		if fromInput {
			return false // the input's done callback reports it
		}
		// A background task called exit(): the session ends.
		code := s.exitStatus(exc)
		s.exitCode.Store(int64(code))
		if cur != nil {
			s.finish(cur, &SessionExit{Code: code})
		}
		return true
	case exc.Class.IsSubtype(runtime.KeyboardInterrupt):
		if fromInput {
			return false
		}
		// The interrupt check raised it in a background task that held
		// the loop; that task is finished. Give the prompt back.
		io.WriteString(s.in.th.Stderr, s.in.FormatException(exc))
		if cur != nil && cur.task != nil && !cur.interrupted {
			cur.interrupted = true
			cur.task.Cancel(runtime.Value{})
		}
		return false
	}
	// A deadlock, or another failure of the loop itself: it ends the
	// input in progress, whose task is cancelled.
	s.fail(err)
	return false
}

// fail ends the input in progress with err.
func (s *Session) fail(err error) {
	cur := s.cur
	if cur == nil {
		s.report(err, false)
		return
	}
	if cur.task != nil {
		cur.task.Cancel(runtime.Value{})
	}
	s.finish(cur, err)
}

// Exec runs one complete input (several statements may be given). It
// waits until the input is done, reports an error as the REPL shows it (a
// traceback, or a SyntaxError with its caret, on the interpreter's
// standard error) and returns it. An interrupted input is reported as
// "KeyboardInterrupt" and returns a KeyboardInterrupt exception. When the
// input raised SystemExit, the error is a *SessionExit. Cancelling ctx
// interrupts the input, as Interrupt does.
func (s *Session) Exec(ctx context.Context, src string) error {
	if s.ended() {
		return s.endErr()
	}
	inp := &input{gen: s.gen.Add(1), result: make(chan error, 1)}
	s.running.Store(inp.gen)
	s.loop.Post(func() error {
		s.start(inp, src)
		return nil
	})
	ctxDone := ctx.Done()
	for {
		select {
		case err := <-inp.result:
			return err
		case <-ctxDone:
			ctxDone = nil
			s.Interrupt()
		case <-s.done:
			select {
			case err := <-inp.result:
				return err
			default:
			}
			return s.endErr()
		}
	}
}

func (s *Session) ended() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

func (s *Session) endErr() error {
	if code := s.exitCode.Load(); code >= 0 {
		return &SessionExit{Code: int(code)}
	}
	return ErrSessionClosed
}

// Done is closed when the session has ended: after Close, or when a
// background task raised SystemExit (see ExitCode).
func (s *Session) Done() <-chan struct{} { return s.done }

// ExitCode reports the exit status requested by a background task's
// SystemExit, if one ended the session.
func (s *Session) ExitCode() (int, bool) {
	code := s.exitCode.Load()
	return int(code), code >= 0
}

// start compiles and starts an input, on the loop goroutine.
func (s *Session) start(inp *input, src string) {
	s.cur = inp
	if s.dropGen == inp.gen {
		inp.interrupted = true
		s.finish(inp, runtime.NewException(runtime.KeyboardInterrupt))
		return
	}
	code, err := compileInput(src)
	if err != nil {
		s.finish(inp, err)
		return
	}
	in := s.in
	fn := &function{code: code, mod: in.main, globals: in.main.globals, name: code.Name, qualname: code.QualName}
	fn.consts = in.constsFor(code)
	f := newFrame(fn)
	if code.Flags&compile.FlagTopLevelAwait == 0 {
		s.inSync = true
		out, _, err := in.run(in.th, f, f)
		s.inSync = false
		if out != outRaise {
			err = nil
		}
		s.finish(inp, err)
		return
	}
	co := f.makeCoroutine()
	task, err := runtime.NewTask(s.loop, runtime.Obj(co), runtime.Value{})
	if err != nil {
		s.finish(inp, err)
		return
	}
	inp.task = task
	if s.keepAlive {
		s.loop.EndHostWork()
		s.keepAlive = false
	}
	task.AddDoneCallback(func(fut *runtime.Future) error {
		_, err := fut.Result()
		s.finish(inp, err)
		return nil
	})
}

// compileInput parses and compiles REPL input in interactive mode.
func compileInput(src string) (code *compile.Code, err error) {
	defer recoverInternal(&err)
	mod, err := parser.Parse(SessionFilename, []byte(src))
	if err != nil {
		return nil, err
	}
	return compile.Module(SessionFilename, []byte(src), mod, compile.Options{Interactive: true})
}

// finish ends an input: it reports its error and hands the result to Exec.
func (s *Session) finish(inp *input, err error) {
	if inp.finished {
		return
	}
	inp.finished = true
	if s.cur == inp {
		s.cur = nil
	}
	s.running.CompareAndSwap(inp.gen, 0)
	s.pendingGen.CompareAndSwap(inp.gen, 0)
	if !s.keepAlive {
		s.loop.BeginHostWork()
		s.keepAlive = true
	}
	inp.result <- s.report(err, inp.interrupted)
}

// report writes err as the REPL shows it and returns what Exec returns.
func (s *Session) report(err error, interrupted bool) error {
	if err == nil {
		return nil
	}
	w := s.in.th.Stderr
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		io.WriteString(w, se.Error()+"\n")
		return err
	}
	var ie *InternalError
	if errors.As(err, &ie) {
		io.WriteString(w, ie.Error()+"\n"+ie.Stack+"\n")
		return err
	}
	exc := runtime.AsException(err)
	switch {
	case exc.Class.IsSubtype(runtime.SystemExit):
		return &SessionExit{Code: s.exitStatus(exc)}
	case interrupted && exc.Class.IsSubtype(runtime.CancelledError):
		io.WriteString(w, "KeyboardInterrupt\n")
		return runtime.NewException(runtime.KeyboardInterrupt)
	}
	writeDeadlockReport(w, exc) // callgraph.go
	io.WriteString(w, s.in.FormatException(exc))
	return exc
}

// exitStatus is the process status for SystemExit, whose message (when
// its code is not an int) it writes to standard error.
func (s *Session) exitStatus(exc *runtime.Exception) int {
	var b strings.Builder
	code := s.in.writeExit(exc, &b)
	io.WriteString(s.in.th.Stderr, b.String())
	return code
}

// Interrupt interrupts the running input, as Ctrl-C does: a task input is
// cancelled (it ends with "KeyboardInterrupt" unless it handles the
// CancelledError), an input without top-level await gets KeyboardInterrupt
// at its next instruction. When the loop is held by a background task that
// never yields, KeyboardInterrupt is raised there after a second. Interrupt
// does nothing and returns false when no input runs. It may be called
// from any goroutine.
func (s *Session) Interrupt() bool {
	gen := s.running.Load()
	if gen == 0 {
		return false
	}
	s.pendingAt.Store(time.Now().UnixNano())
	s.pendingGen.Store(gen)
	s.loop.Post(func() error {
		inp := s.cur
		if inp == nil || inp.gen != gen || inp.task == nil || inp.finished {
			return nil
		}
		s.pendingGen.CompareAndSwap(gen, 0)
		inp.interrupted = true
		inp.task.Cancel(runtime.Value{})
		return nil
	})
	return true
}

// checkInterrupt runs before every instruction while the session is open.
// It raises a pending interrupt in the running input, or, after
// interruptGrace, in whatever code holds the loop.
func (s *Session) checkInterrupt() error {
	if s.closeReq.Load() {
		return runtime.NewException(runtime.KeyboardInterrupt)
	}
	if gen := s.pendingGen.Load(); gen != 0 {
		cur := s.cur
		started := cur != nil && cur.gen == gen
		switch {
		case started && (s.inSync || (cur.task != nil && s.loop.Current() == cur.task)):
			// The input itself runs: interrupt it here.
			if s.pendingGen.CompareAndSwap(gen, 0) {
				return runtime.NewException(runtime.KeyboardInterrupt)
			}
		case time.Since(time.Unix(0, s.pendingAt.Load())) > interruptGrace:
			// Other code has held the loop too long: interrupt it, and
			// cancel the input, or drop it if it has not started.
			if s.pendingGen.CompareAndSwap(gen, 0) {
				switch {
				case !started:
					s.dropGen = gen
				case cur.task != nil:
					cur.interrupted = true
					cur.task.Cancel(runtime.Value{})
				}
				return runtime.NewException(runtime.KeyboardInterrupt)
			}
		}
	}
	if s.prevCheck != nil {
		return s.prevCheck()
	}
	return nil
}

// Close ends the session: the loop stops (pending tasks are abandoned,
// not cancelled) and its goroutine ends. Code still running (a task that
// never yields) gets KeyboardInterrupt. Close returns an error if the
// loop has not stopped after a few seconds.
func (s *Session) Close() error {
	s.closeOnce.Do(func() {
		s.closeReq.Store(true)
		s.loop.Post(func() error {
			s.closing = true
			if !s.stop.Done() {
				s.stop.SetResult(runtime.None)
			}
			return nil
		})
	})
	select {
	case <-s.done:
		return nil
	case <-time.After(3 * time.Second):
		return errors.New("aio: session still busy after Close")
	}
}

// pythonKeywords are the keywords completion offers (keyword.kwlist).
var pythonKeywords = []string{"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
	"raise", "return", "try", "while", "with", "yield"}

// Complete completes the word that ends text (the input line up to the
// cursor). It returns the candidates, sorted, and the length in bytes of
// the word they replace; every candidate starts with that word. A plain
// name completes to keywords, __main__'s globals and builtins; a dotted
// name (`asyncio.sl`, `obj.x.y`) completes to the attributes of the live
// value, found by plain attribute lookup only: nothing is called, no
// property getter or __getattr__ runs. As in Python's rlcompleter, a
// callable gets "(" appended, a keyword a space or colon, and attributes
// starting with "_" are offered only once the word starts with "_".
func (s *Session) Complete(text string) ([]string, int) {
	expr, word, ok := completionWord(text)
	if !ok || (expr == "" && word == "") {
		return nil, 0
	}
	ch := make(chan []string, 1)
	if !s.ended() {
		s.loop.Post(func() error {
			ch <- s.complete(expr, word)
			return nil
		})
	}
	select {
	case c := <-ch:
		return c, len(word)
	case <-time.After(completeTimeout):
	case <-s.done:
	}
	if expr != "" {
		return nil, 0
	}
	// The loop is busy: offer keywords only.
	return keywordMatches(word, map[string]bool{}), len(word)
}

// completionWord splits the end of text into a dotted expression and the
// partial name after its last dot ("asyncio.sl" → "asyncio", "sl"). ok is
// false when text does not end in a name or a dotted name.
func completionWord(text string) (expr, word string, ok bool) {
	rs := []rune(text)
	i := len(rs)
	for i > 0 && (isIdentRune(rs[i-1]) || rs[i-1] == '.') {
		i--
	}
	chain := string(rs[i:])
	if i > 0 && (rs[i-1] == ')' || rs[i-1] == ']' || rs[i-1] == '}' || rs[i-1] == '"' || rs[i-1] == '\'') && strings.Contains(chain, ".") {
		return "", "", false // a call, subscript or literal: never evaluated
	}
	dot := strings.LastIndexByte(chain, '.')
	if dot < 0 {
		if chain != "" && !isIdentStart([]rune(chain)[0]) {
			return "", "", false
		}
		return "", chain, true
	}
	expr, word = chain[:dot], chain[dot+1:]
	for _, part := range strings.Split(expr, ".") {
		if part == "" || !isIdentStart([]rune(part)[0]) {
			return "", "", false
		}
	}
	return expr, word, true
}

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }

func isIdentRune(r rune) bool { return isIdentStart(r) || unicode.IsDigit(r) }

// complete computes completions on the loop goroutine.
func (s *Session) complete(expr, word string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string, v runtime.Value) {
		if seen[name] || !strings.HasPrefix(name, word) {
			return
		}
		seen[name] = true
		if v.IsValid() && runtime.IsCallable(v) {
			name += "("
		}
		out = append(out, name)
	}
	if expr == "" {
		out = keywordMatches(word, seen)
		g := s.in.main.globals
		for _, name := range g.Names() {
			v, _ := g.Get(name)
			add(name, v)
		}
		for name, v := range s.in.builtins {
			add(name, v)
		}
		sort.Strings(out)
		return out
	}
	v, ok := s.lookupChain(strings.Split(expr, "."))
	if !ok {
		return nil
	}
	for _, name := range dirOf(s.in.th, v) {
		if word == "" && strings.HasPrefix(name, "_") || word == "_" && strings.HasPrefix(name, "__") {
			continue
		}
		a, _ := plainAttr(v, name)
		add(name, a)
	}
	sort.Strings(out)
	return out
}

// keywordMatches lists the keywords starting with word, with the suffix
// rlcompleter gives them, and marks them in seen.
func keywordMatches(word string, seen map[string]bool) []string {
	var out []string
	for _, k := range pythonKeywords {
		if !strings.HasPrefix(k, word) {
			continue
		}
		seen[k] = true
		switch k {
		case "finally", "try":
			k += ":"
		case "False", "None", "True", "break", "continue", "pass", "else":
		default:
			k += " "
		}
		out = append(out, k)
	}
	return out
}

// lookupChain finds the value of a dotted name without side effects: the
// first name in __main__ or the builtins, then plain attribute lookups.
func (s *Session) lookupChain(parts []string) (runtime.Value, bool) {
	v, ok := s.in.main.globals.Get(parts[0])
	if !ok {
		v, ok = s.in.builtins[parts[0]]
	}
	for _, name := range parts[1:] {
		if !ok {
			break
		}
		v, ok = plainAttr(v, name)
	}
	return v, ok
}

// plainAttr looks up v.name in dictionaries only. A property (a data
// descriptor) is not evaluated, since its getter could do anything; a
// method is returned unbound, which is enough to list its attributes.
func plainAttr(v runtime.Value, name string) (runtime.Value, bool) {
	if t, ok := runtime.As[*runtime.Type](v); ok {
		return unwrapMethod(t.Lookup(name))
	}
	attr, found := unwrapMethod(v.Type().Lookup(name))
	if found {
		if _, ok := attr.Object().(runtime.DataDescriptor); ok {
			return runtime.Value{}, false
		}
	}
	if h, ok := v.Object().(runtime.HasAttrs); ok {
		if r, ok := h.Attr(name); ok {
			return r, true
		}
	}
	return attr, found
}

// unwrapMethod gives the function a class or static method wraps, which
// completion shows as callable as rlcompleter does.
func unwrapMethod(v runtime.Value, ok bool) (runtime.Value, bool) {
	switch m := v.Object().(type) {
	case *runtime.ClassMethod:
		return m.Func, ok
	case *runtime.StaticMethod:
		return m.Func, ok
	}
	return v, ok
}
