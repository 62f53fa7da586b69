package interp

// This file runs the pattern-matching instructions of the match
// statement (see compile_match.go for the code they appear in). The
// checks themselves live in runtime/match.go.

import "github.com/aio-lang/aio/internal/compile"
import "github.com/aio-lang/aio/runtime"

// matchOp executes one of the MATCH_* instructions, GET_LEN, ROT_DOWN
// or ROT_UP on f's stack.
func matchOp(th *runtime.Thread, f *frame, op compile.Opcode, arg int) error {
	switch op {
	case compile.MATCH_SEQUENCE:
		f.push(runtime.MakeBool(runtime.MatchIsSequence(f.top())))
	case compile.MATCH_MAPPING:
		f.push(runtime.MakeBool(runtime.MatchIsMapping(f.top())))
	case compile.GET_LEN:
		n, err := runtime.Len(th, f.top())
		if err != nil {
			return err
		}
		f.push(runtime.Int(int64(n)))
	case compile.MATCH_KEYS:
		keys, _ := runtime.As[*runtime.Tuple](f.top())
		vals, ok, err := runtime.MatchKeys(th, f.slots[f.sp-2], keys.Items)
		if err != nil {
			return err
		}
		if ok {
			f.push(runtime.TupleOf(vals...))
		} else {
			f.push(runtime.None)
		}
		f.push(runtime.MakeBool(ok))
	case compile.MATCH_CLASS:
		names, _ := runtime.As[*runtime.Tuple](f.pop())
		cls := f.pop()
		kw := make([]string, len(names.Items))
		for i, n := range names.Items {
			s, _ := runtime.As[*runtime.StrObj](n)
			kw[i] = s.S
		}
		attrs, ok, err := runtime.MatchClass(th, f.top(), cls, arg, kw)
		if err != nil {
			return err
		}
		if ok {
			f.slots[f.sp-1] = runtime.TupleOf(attrs...)
		} else {
			f.slots[f.sp-1] = runtime.None
		}
		f.push(runtime.MakeBool(ok))
	case compile.ROT_DOWN:
		s := f.slots[f.sp-arg-1 : f.sp]
		x := s[arg]
		copy(s[1:], s[:arg])
		s[0] = x
	case compile.ROT_UP:
		s := f.slots[f.sp-arg : f.sp]
		x := s[0]
		copy(s, s[1:])
		s[arg-1] = x
	case compile.MATCH_REST:
		keys, _ := runtime.As[*runtime.Tuple](f.pop())
		subj := f.top()
		rest := runtime.NewDict()
		if err := dictMerge(th, rest, subj, false, f); err != nil {
			return err
		}
		for _, k := range keys.Items {
			if _, _, err := rest.Delete(th, k); err != nil {
				return err
			}
		}
		f.slots[f.sp-1] = runtime.Obj(rest)
	}
	return nil
}
