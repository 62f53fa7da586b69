// Package compile turns a parsed module (package ast) into Code, the
// bytecode the interpreter's virtual machine runs.
//
// The pipeline inside the package: resolve.go decides the scope of every
// name (local, cell, free, global, class namespace); compile*.go walk the
// tree and emit instructions; stack.go computes each code object's
// operand-stack depth; superinstr.go writes fused instructions over the
// first instruction of common sequences, into Code.Run, leaving
// Code.Instrs as the canonical listing; code.go holds Code itself and its
// disassembler. File and Expr are the entry points for source text.
//
// Code holds no runtime values (constants are described by Const), so one
// compiled program can run in many interpreters at once.
package compile
