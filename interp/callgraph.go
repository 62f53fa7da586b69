package interp

import "io"

// WriteTaskDump writes the call graph of every pending task of the running event loop to w.
func (in *Interp) WriteTaskDump(w io.Writer) {}
