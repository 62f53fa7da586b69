package memnodes

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMissingFindsAnObjectWithoutFootprint(t *testing.T) {
	dir := t.TempDir()
	src := `package p

type Type struct{}

type Good struct{}

func (*Good) Type() *Type                { return nil }
func (*Good) Footprint() int64           { return 0 }
func (*Good) Referents(func())           {}

type Bad struct{}

func (*Bad) Type() *Type { return nil }

type Half struct{}

func (Half) Type() *Type       { return nil }
func (Half) Footprint() int64  { return 0 }

type Skipped struct{}

func (*Skipped) Type() *Type { return nil }

type NotObject struct{}

func (*NotObject) Type() string { return "" }
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644))
	missing, found, err := Missing(dir, "Skipped")
	require.NoError(t, err)
	assert.Equal(t, []string{"Bad", "Half"}, missing)
	assert.Equal(t, 3, found, "Good, Bad and Half are objects")
}
