package runtime

// This file implements exception notes (PEP 678): BaseException.add_note,
// which appends to the instance's __notes__ list, and the lines a
// traceback prints for them after the exception's "Type: message" line.

import (
	"strings"

	"github.com/aio-lang/aio/internal/pyfmt"
)

const notesKey = "__notes__"

// excAddNote is BaseException.add_note(note).
func excAddNote(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, NoKeywords("BaseException.add_note", kw)
	}
	if len(args) != 1 {
		return Value{}, Errorf(TypeError, "BaseException.add_note() takes exactly one argument (%d given)", len(args))
	}
	e, ok := self.obj.(*Exception)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor 'add_note' for 'BaseException' objects doesn't apply to a '%s' object", self.Type().Name)
	}
	if _, ok := args[0].obj.(*StrObj); !ok {
		return Value{}, Errorf(TypeError, "note must be a str, not '%s'", args[0].Type().Name)
	}
	notes, ok := e.Dict[notesKey]
	if !ok {
		notes = NewList(nil)
		e.SetAttrValue(notesKey, notes)
	}
	l, ok := notes.obj.(*List)
	if !ok {
		return Value{}, Errorf(TypeError, "Cannot add note: __notes__ is not a list")
	}
	if err := th.CheckGrow(l.Items, 1); err != nil {
		return Value{}, err
	}
	l.Append(args[0])
	return None, nil
}

// FormatNotes returns the lines a traceback prints for e's __notes__,
// each line of a note prefixed by margin, as CPython 3.11's printer does:
// the str() of each item of a sequence, or the repr() of anything else.
func FormatNotes(th *Thread, e *Exception, margin string) string {
	notes, ok := e.Dict[notesKey]
	if !ok {
		return ""
	}
	var b strings.Builder
	if !egIsSequence(notes) {
		s, err := Repr(th, notes)
		if err != nil {
			s = "<__notes__ repr() failed>"
		}
		b.WriteString(margin + s + "\n")
		return b.String()
	}
	items, err := Collect(th, notes)
	if err != nil {
		return ""
	}
	for _, note := range items {
		s, err := ToStr(th, note)
		if err != nil {
			// CPython writes this one without the margin.
			b.WriteString("<note str() failed>\n")
			continue
		}
		for _, line := range pyfmt.SplitLines(s, true) {
			b.WriteString(margin + line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func init() {
	BaseException.Methods(map[string]BuiltinFn{"add_note": excAddNote})
}
