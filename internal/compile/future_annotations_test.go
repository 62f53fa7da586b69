package compile

// This file tests the detection of `from __future__ import annotations`.

import (
	"testing"

	"github.com/aio-lang/aio/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPostponesAnnotationsOnlyForLeadingFutureImport(t *testing.T) {
	cases := map[string]bool{
		"from __future__ import annotations\nx = 1\n":                                 true,
		"'''doc'''\nfrom __future__ import annotations\n":                             true,
		"from __future__ import generator_stop, annotations as a\n":                   true,
		"from __future__ import generator_stop\nfrom __future__ import annotations\n": true,
		"x = 1\n": false,
		"from __future__ import generator_stop\n":         false,
		"import os\nfrom __future__ import annotations\n": false,
	}
	for src, want := range cases {
		mod, err := parser.Parse("t.aio", []byte(src))
		require.NoError(t, err, src)
		assert.Equal(t, want, postponesAnnotations(mod), src)
	}
}
