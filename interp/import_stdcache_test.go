package interp

// This file tests the on-disk cache of compiled standard modules.

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func init() {
	runtime.RegisterStdSource("_cachetest", []byte("def twice(x):\n    return [x, x]\nvalue = twice(21)\n"))
}

// useStdCodeCache points the cache at a fresh directory for one test.
func useStdCodeCache(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	EnableStdCodeCache(root)
	t.Cleanup(func() {
		stdCacheMu.Lock()
		stdCacheDir = ""
		stdCacheMu.Unlock()
	})
	require.NotEmpty(t, cacheFile("x"), "the test binary's Go build ID names the cache")
	return root
}

// A module compiled once is written to the build's directory and read
// back as the same code by a later process (here: after the in-process
// copy is dropped).
func TestStdCodeCacheWritesAndReadsBack(t *testing.T) {
	useStdCodeCache(t)
	src := runtime.StdSource("_cachetest")
	stdCode.Delete("_cachetest")
	first, err := compileModuleSource("_cachetest", "<_cachetest>", src)
	require.NoError(t, err)
	_, err = os.Stat(cacheFile("_cachetest"))
	require.NoError(t, err, "the code is on disk")
	stdCode.Delete("_cachetest")
	again := loadCachedCode("_cachetest", src)
	require.NotNil(t, again)
	assert.Equal(t, first.Disassemble(), again.Disassemble())
}

// A file written for other source, or damaged, is not used.
func TestStdCodeCacheRefusesOtherSourceAndDamage(t *testing.T) {
	useStdCodeCache(t)
	src := []byte("x = 1\n")
	c, err := compile.File("<m>", src)
	require.NoError(t, err)
	storeCachedCode("m", src, c)
	require.NotNil(t, loadCachedCode("m", src))
	assert.Nil(t, loadCachedCode("m", []byte("x = 2\n")), "other source")
	path := cacheFile("m")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b[:len(b)/2], 0o600))
	assert.Nil(t, loadCachedCode("m", src), "a truncated file")
}

// Enabling the cache in a new build's directory removes other builds'
// directories that have gone unused, and keeps recent ones.
func TestStdCodeCacheRemovesStaleBuilds(t *testing.T) {
	root := t.TempDir()
	stale, recent := filepath.Join(root, "stale"), filepath.Join(root, "recent")
	require.NoError(t, os.MkdirAll(stale, 0o700))
	require.NoError(t, os.MkdirAll(recent, 0o700))
	old := time.Now().Add(-2 * staleCacheAge)
	require.NoError(t, os.Chtimes(stale, old, old))
	removeStaleBuilds(root, "mine")
	_, err := os.Stat(stale)
	assert.True(t, os.IsNotExist(err))
	_, err = os.Stat(recent)
	assert.NoError(t, err)
}

// The build ID is the note's descriptor; an empty or cut note has none.
func TestNoteDescReadsTheBuildID(t *testing.T) {
	note := []byte{4, 0, 0, 0, 5, 0, 0, 0, 4, 0, 0, 0, 'G', 'o', 0, 0, 'a', '/', 'b', 'c', 'd', 0, 0, 0}
	assert.Equal(t, []byte("a/bcd"), noteDesc(note, binary.LittleEndian))
	empty := []byte{4, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 'G', 'o', 0, 0}
	assert.Empty(t, noteDesc(empty, binary.LittleEndian))
	assert.Nil(t, noteDesc(note[:18], binary.LittleEndian))
	assert.Nil(t, noteDesc(note[:8], binary.LittleEndian))
}
