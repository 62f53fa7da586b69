// Package io is aio's io module: open() and the file classes that the
// runtime defines (the files themselves live in runtime/file*.go, since
// open() is a built-in), StringIO and BytesIO.
package io

// This file registers the module.

import "github.com/aio-lang/aio/runtime"

func init() { runtime.RegisterStdModule("io", load) }

// load builds the io module.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("io")
	open, _ := runtime.Builtins()["open"]
	m.Set("open", open)
	for name, t := range map[string]*runtime.Type{
		"TextIOWrapper":        runtime.TextIOWrapperType,
		"FileIO":               runtime.FileIOType,
		"BufferedReader":       runtime.BufferedReaderType,
		"BufferedWriter":       runtime.BufferedWriterType,
		"BufferedRandom":       runtime.BufferedRandomType,
		"StringIO":             runtime.StringIOType,
		"BytesIO":              runtime.BytesIOType,
		"UnsupportedOperation": runtime.UnsupportedOperation,
	} {
		m.Set(name, runtime.Obj(t))
	}
	m.Set("SEEK_SET", runtime.Int(0))
	m.Set("SEEK_CUR", runtime.Int(1))
	m.Set("SEEK_END", runtime.Int(2))
	m.Set("DEFAULT_BUFFER_SIZE", runtime.Int(8192))
	return m
}
