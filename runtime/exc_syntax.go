package runtime

// This file gives SyntaxError exceptions raised for compiled text (by
// compile(), eval() and exec()) CPython's attributes and message:
// str(e) is "msg (file, line N)" and e.filename, e.lineno, e.offset,
// e.text, e.end_lineno and e.end_offset locate the error.

import (
	"strconv"
	"strings"
)

// SetSyntaxDetails records where a SyntaxError e occurred; line and col
// are 1-based, text is the offending source line (with its newline, if
// it has one).
func SetSyntaxDetails(e *Exception, msg, filename string, line, col int, text string, endLine, endCol int) {
	if e.Dict == nil {
		e.Dict = map[string]Value{}
	}
	textV := None
	if text != "" {
		textV = Str(text)
	}
	endLineV, endColV := None, None
	if endLine > 0 {
		endLineV = Int(int64(endLine))
	}
	if endCol > 0 {
		endColV = Int(int64(endCol))
	}
	details := []Value{Str(filename), Int(int64(line)), Int(int64(col)), textV, endLineV, endColV}
	e.Args = []Value{Str(msg), Obj(NewTuple(details))}
	for i, name := range []string{"filename", "lineno", "offset", "text", "end_lineno", "end_offset"} {
		e.Dict[name] = details[i]
	}
	e.Dict["msg"] = Str(msg)
}

// syntaxMessage is str() of a SyntaxError that carries its location.
func syntaxMessage(th *Thread, e *Exception) (string, bool) {
	if !e.Class.IsSubtype(SyntaxErrorType) || len(e.Args) != 2 || e.Dict == nil {
		return "", false
	}
	msg, err := ToStr(th, e.Args[0])
	if err != nil {
		return "", false
	}
	file, _ := As[*StrObj](e.Dict["filename"])
	line, hasLine := asInt64(e.Dict["lineno"])
	switch {
	case file != nil && hasLine:
		base := file.S[strings.LastIndexByte(file.S, '/')+1:]
		return msg + " (" + base + ", line " + strconv.FormatInt(line, 10) + ")", true
	case file != nil:
		return msg + " (" + file.S + ")", true
	case hasLine:
		return msg + " (line " + strconv.FormatInt(line, 10) + ")", true
	}
	return msg, true
}

// SyntaxErrorReport returns, for a SyntaxError that carries its location,
// the lines a traceback prints for it: the File line and the source line
// before, and the bare message for the last line (CPython does not repeat
// the location there).
func SyntaxErrorReport(e *Exception) (where, msg string, ok bool) {
	if !e.Class.IsSubtype(SyntaxErrorType) || e.Dict == nil {
		return "", "", false
	}
	m, isStr := As[*StrObj](e.Dict["msg"])
	file, hasFile := As[*StrObj](e.Dict["filename"])
	line, hasLine := asInt64(e.Dict["lineno"])
	if !isStr || !hasFile || !hasLine {
		return "", "", false
	}
	where = "  File \"" + file.S + "\", line " + strconv.FormatInt(line, 10) + "\n"
	if text, ok := As[*StrObj](e.Dict["text"]); ok {
		where += "    " + strings.TrimSpace(text.S) + "\n"
	}
	return where, m.S, true
}
