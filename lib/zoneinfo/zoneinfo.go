// Package zoneinfo registers the zoneinfo module: IANA time zones from
// Go's time zone database. The rules come from the system's zoneinfo
// files or, where those are missing, from the copy of the database that
// time/tzdata embeds (imported here only, so that programs which never
// import zoneinfo do not carry it). zoneinfo.aio builds ZoneInfo, a
// tzinfo, on the two functions defined here.
package zoneinfo

// This file defines the Go part of the module: loading a zone and
// reading its offset at an instant.

import (
	_ "embed"
	"strings"
	gotime "time"
	_ "time/tzdata" // the database, when the system has none

	"github.com/aio-lang/aio/runtime"
)

//go:embed zoneinfo.aio
var source []byte

func init() {
	runtime.RegisterStdModule("zoneinfo", load)
	runtime.RegisterStdSource("zoneinfo", source)
}

// validKey reports whether key names a zone the way IANA keys do: a
// relative path of plain components, so that no key reaches outside the
// database.
func validKey(key string) bool {
	if key == "" || strings.HasPrefix(key, "/") || strings.Contains(key, "\\") || strings.ContainsRune(key, 0) {
		return false
	}
	for _, part := range strings.Split(key, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
	}
	return key != "Local"
}

// maxLookups bounds the zone periods searched for the standard offset
// behind a daylight saving one.
const maxLookups = 8

// standardOffset is the offset of the nearest period around t that is not
// daylight saving time (t's own offset when none is found).
func standardOffset(t gotime.Time) int {
	_, off := t.Zone()
	for _, dir := range []int{-1, 1} {
		probe := t
		for i := 0; i < maxLookups; i++ {
			start, end := probe.ZoneBounds()
			if dir < 0 {
				if start.IsZero() {
					break
				}
				probe = start.Add(-gotime.Second)
			} else {
				if end.IsZero() {
					break
				}
				probe = end
			}
			if !probe.IsDST() {
				_, std := probe.Zone()
				return std
			}
		}
	}
	return off
}

func load(th *runtime.Thread) *runtime.Module {
	zones := map[string]*gotime.Location{}
	lookup := func(key string) *gotime.Location {
		if loc, ok := zones[key]; ok {
			return loc
		}
		if !validKey(key) {
			return nil
		}
		loc, err := gotime.LoadLocation(key)
		if err != nil {
			return nil
		}
		zones[key] = loc
		return loc
	}
	m := runtime.NewModule("zoneinfo")
	m.Set("_exists", runtime.NewBuiltin("_exists", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var key string
		if err := runtime.UnpackArgs("_exists", args, kw, "key", &key); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeBool(lookup(key) != nil), nil
	}))
	// _info(key, seconds) is (utcoffset, dst, abbreviation) in key's zone
	// at the instant seconds after the Unix epoch.
	m.Set("_info", runtime.NewBuiltin("_info", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var key string
		var secs int64
		if err := runtime.UnpackArgs("_info", args, kw, "key", &key, "seconds", &secs); err != nil {
			return runtime.Value{}, err
		}
		loc := lookup(key)
		if loc == nil {
			return runtime.Value{}, runtime.Errorf(runtime.KeyError, "%s", key)
		}
		t := gotime.Unix(secs, 0).In(loc)
		name, off := t.Zone()
		dst := 0
		if t.IsDST() {
			dst = off - standardOffset(t)
		}
		return runtime.TupleOf(runtime.Int(int64(off)), runtime.Int(int64(dst)), runtime.Str(name)), nil
	}))
	return m
}
