// Package pyfmt implements CPython 3.11's text algorithms for numbers and
// strings, independent of any interpreter value types: float repr, the
// format-spec mini-language, int()/float() parsing, str methods with
// Python's Unicode semantics, and the str.format template parser.
//
// Failures are returned as *Error values carrying the name of the Python
// exception CPython raises and its exact message.
package pyfmt
