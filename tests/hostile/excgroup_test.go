package hostile

// This file holds attacks on exception groups: nesting deep enough to
// exhaust the recursion limit in split and in except*'s re-raise, and
// groups wide enough to make the traceback printer's work matter.

import (
	"fmt"
	"testing"
)

// deepGroup builds a group nested n levels deep, each level holding the
// previous one and a TypeError.
const deepGroup = "eg = ValueError(0)\nfor i in range(%d):\n    eg = ExceptionGroup('x', [eg, TypeError(i)])\n"

var excgroupCases = register(
	hostileCase{
		Name:     "excgroup_split_deep",
		Source:   fmt.Sprintf(deepGroup, 5000) + "eg.split(TypeError)\n",
		WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded",
	},
	hostileCase{
		Name:     "excgroup_exceptstar_reraise_deep",
		Source:   fmt.Sprintf(deepGroup, 5000) + "try:\n    raise eg\nexcept* TypeError:\n    raise\n",
		WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded",
	},
	hostileCase{
		Name:   "excgroup_wide_split",
		Source: "eg = ExceptionGroup('w', [ValueError(i) if i % 2 else TypeError(i) for i in range(20000)])\ntry:\n    raise eg\nexcept* ValueError as v:\n    assert len(v.exceptions) == 10000\nexcept* TypeError as t:\n    assert len(t.exceptions) == 10000\n",
	},
)

func TestExcGroup(t *testing.T) { runCases(t, excgroupCases) }
