// Package html is aio's html module: escape, and unescape over Go's html
// package, which reads character references by the HTML5 rules CPython's
// module follows.
package html

// This file registers and builds the module.

import (
	gohtml "html"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("html", load) }

// escaper replaces what HTML gives a meaning to; quoteEscaper the quotes
// too, for attribute values.
var (
	escaper      = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	quoteEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#x27;")
)

// load builds the module.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("html")
	m.Set("__all__", runtime.NewList([]runtime.Value{runtime.Str("escape"), runtime.Str("unescape")}))
	m.Set("escape", runtime.NewBuiltin("escape", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var s string
		quote := true
		if err := runtime.UnpackArgs("escape", args, kw, "s", &s, "quote?", &quote); err != nil {
			return runtime.Value{}, err
		}
		if err := th.Work(int64(len(s) / 64)); err != nil {
			return runtime.Value{}, err
		}
		if quote {
			return runtime.Str(quoteEscaper.Replace(s)), nil
		}
		return runtime.Str(escaper.Replace(s)), nil
	}))
	m.Set("unescape", runtime.NewBuiltin("unescape", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var s string
		if err := runtime.UnpackArgs("unescape", args, kw, "s", &s); err != nil {
			return runtime.Value{}, err
		}
		if err := th.Work(int64(len(s) / 64)); err != nil {
			return runtime.Value{}, err
		}
		if !strings.Contains(s, "&") {
			return runtime.Str(s), nil
		}
		return runtime.Str(unescape(s)), nil
	}))
	return m
}

// unescape is Go's unescaping of named references; numeric ones are read
// here, with CPython's rules where Go's differ: `&#;` and `&#x;` stay as
// they are, and references to code points that are not characters
// (controls, noncharacters) are dropped.
func unescape(s string) string {
	if !strings.Contains(s, "&#") {
		return gohtml.UnescapeString(s)
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "&#")
		if i < 0 {
			b.WriteString(gohtml.UnescapeString(s))
			return b.String()
		}
		b.WriteString(gohtml.UnescapeString(s[:i]))
		j := i + 2
		hexRef := j < len(s) && (s[j] == 'x' || s[j] == 'X')
		if hexRef {
			j++
		}
		digits := j
		for j < len(s) && (isHexDigit(s[j]) && (hexRef || s[j] <= '9')) {
			j++
		}
		if j == digits {
			// No digits: not a reference.
			b.WriteString(s[i:j])
			s = s[j:]
			continue
		}
		ref := s[i:j] + ";"
		if j < len(s) && s[j] == ';' {
			j++
		}
		// The C1 range maps to Windows-1252 characters (or itself) and is
		// kept, as are NUL (U+FFFD) and CR.
		base := 10
		if hexRef {
			base = 16
		}
		n, err := strconv.ParseUint(strings.TrimSuffix(s[digits:j], ";"), base, 32)
		kept := err == nil && (n >= 0x80 && n <= 0x9F || n == 0 || n == 0xD)
		if r := gohtml.UnescapeString(ref); kept || !strings.ContainsFunc(r, invalidCodePoint) {
			b.WriteString(r)
		}
		s = s[j:]
	}
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// invalidCodePoint reports the code points CPython's unescape drops:
// C0 controls other than tab, newline, form feed and carriage return,
// DEL and the C1 range, and the noncharacters.
func invalidCodePoint(r rune) bool {
	switch {
	case r >= 0x1 && r <= 0x8, r == 0xB, r >= 0xE && r <= 0x1F, r >= 0x7F && r <= 0x9F:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return true
	}
	return false
}
