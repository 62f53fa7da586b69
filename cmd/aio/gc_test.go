package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBallastOnlyWithoutGOGC(t *testing.T) {
	gcBallast = nil
	t.Setenv("GOGC", "100")
	setupGC()
	assert.Nil(t, gcBallast, "GOGC set: the user's pacing stands")

	gcBallast = nil
	t.Setenv("GOGC", "")
	setupGC()
	assert.Nil(t, gcBallast, "an empty GOGC is still a choice")
}

func TestBallastInstalledByDefault(t *testing.T) {
	t.Setenv("GOGC", "") // restored after the test
	require.NoError(t, os.Unsetenv("GOGC"))
	gcBallast = nil
	setupGC()
	assert.Len(t, gcBallast, gcBallastBytes)
}
