package interp

// This file keeps the compiled code of standard modules in files between
// runs of the aio command, as CPython keeps .pyc files: parsing and
// compiling collections or typing takes tens of milliseconds, decoding
// their code about one. The files live in a directory named after the
// running executable's Go build ID, which changes with any change to the
// compiler or to the sources embedded in the binary, so a file is never
// read by a build that did not write it. Embedded interpreters cache
// nothing on disk unless their host calls EnableStdCodeCache.

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/aio-lang/aio/internal/compile"
)

// stdCacheDir is the directory of this build's cached code, or "" when
// nothing is cached on disk.
var (
	stdCacheMu  sync.Mutex
	stdCacheDir string
)

// staleCacheAge is how long another build's directory may go unused
// before a new build's first run removes it.
const staleCacheAge = 24 * time.Hour

// EnableStdCodeCache makes this process read and write the compiled code
// of standard modules under root (the aio command passes the user's cache
// directory), in a subdirectory for the running executable's build. It
// does nothing when the executable's build ID cannot be read. Failures
// to read or write the files only cost the compilation they would save.
func EnableStdCodeCache(root string) {
	id := executableBuildID()
	if id == "" || root == "" {
		return
	}
	dir := filepath.Join(root, id)
	if _, err := os.Stat(dir); err != nil {
		if os.MkdirAll(dir, 0o700) != nil {
			return
		}
		removeStaleBuilds(root, id)
	}
	stdCacheMu.Lock()
	stdCacheDir = dir
	stdCacheMu.Unlock()
}

// executableBuildID is a short name for the running executable's Go
// build ID (its ELF note), or "" when there is none to read.
func executableBuildID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	note, err := sec.Data()
	if err != nil {
		return ""
	}
	id := noteDesc(note, f.ByteOrder)
	if len(id) == 0 {
		// Built with an empty -buildid: nothing tells builds apart.
		return ""
	}
	sum := sha256.Sum256(id)
	return hex.EncodeToString(sum[:12])
}

// noteDesc is the descriptor of an ELF note (name size, descriptor size
// and type as 4-byte words, then the name and the descriptor, each padded
// to 4 bytes): for the Go build-ID note, the build ID. It is nil when the
// note is malformed.
func noteDesc(note []byte, order binary.ByteOrder) []byte {
	if len(note) < 12 {
		return nil
	}
	nameSize, descSize := uint64(order.Uint32(note)), uint64(order.Uint32(note[4:]))
	start := 12 + (nameSize+3)&^3
	if start > uint64(len(note)) || descSize > uint64(len(note))-start {
		return nil
	}
	return note[start : start+descSize]
}

// removeStaleBuilds deletes the directories of other builds that have not
// been written for staleCacheAge, so that rebuilding aio does not pile
// up caches.
func removeStaleBuilds(root, keep string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == keep {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleCacheAge {
			os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}

// compileStd compiles the source of a standard module (or of a part of
// one, such as asyncio's streams), from its cache file when there is one
// for exactly src, and writes the file otherwise.
func compileStd(name, filename string, src []byte) (*compile.Code, error) {
	if c := loadCachedCode(name, src); c != nil {
		return c, nil
	}
	c, err := compile.File(filename, src)
	if err != nil {
		return nil, err
	}
	storeCachedCode(name, src, c)
	return c, nil
}

// cacheFile is the file holding module name's code, or "" without a cache.
func cacheFile(name string) string {
	stdCacheMu.Lock()
	dir := stdCacheDir
	stdCacheMu.Unlock()
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, strings.ReplaceAll(name, string(filepath.Separator), "_")+".code")
}

// sourceSum identifies the source a cached file was compiled from.
func sourceSum(src []byte) uint64 {
	h := fnv.New64a()
	h.Write(src)
	return h.Sum64()
}

// loadCachedCode returns module name's code from its cache file when the
// file holds the code of exactly src.
func loadCachedCode(name string, src []byte) *compile.Code {
	path := cacheFile(name)
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 8 || binary.LittleEndian.Uint64(b) != sourceSum(src) {
		return nil
	}
	c, err := compile.Decode(b[8:])
	if err != nil {
		return nil
	}
	return c
}

// storeCachedCode writes module name's code to its cache file, through a
// temporary file renamed into place so that a concurrent reader sees the
// old file or the new one, never part of one.
func storeCachedCode(name string, src []byte, c *compile.Code) {
	path := cacheFile(name)
	if path == "" {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return
	}
	b := binary.LittleEndian.AppendUint64(nil, sourceSum(src))
	_, werr := f.Write(append(b, compile.Encode(c)...))
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), path) != nil {
		os.Remove(f.Name())
	}
}
