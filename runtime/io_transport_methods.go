package runtime

// This file gives the socket transport its Python methods (the
// asyncio.Transport API), registers the network core's private names in
// the asyncio module, and routes the loop's I/O methods
// (create_connection, create_server, ...) to their implementation in the
// asyncio source, which registers them in the asyncio module's
// _loop_methods table.

// loopIOMethods are the loop methods written in the asyncio source, and
// the submodule of asyncio that implements each (see loopMethodImpl).
var loopIOMethods = map[string]string{
	"create_connection": "asyncio.streams", "create_server": "asyncio.streams",
	"create_unix_connection": "asyncio.streams", "create_unix_server": "asyncio.streams",
	"run_in_executor": "asyncio.threads", "set_default_executor": "asyncio.threads",
	"add_signal_handler": "asyncio.threads", "remove_signal_handler": "asyncio.threads",
	"getaddrinfo": "asyncio.threads",
}

func transportOf(v Value) *Transport { return v.obj.(*Transport) }

func init() {
	TransportType.Methods(map[string]BuiltinFn{
		"write": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var data Value
			if err := UnpackArgs("write", args, kw, "data", &data); err != nil {
				return Value{}, err
			}
			b, ok := bufferOf(data)
			if !ok {
				return Value{}, Errorf(TypeError, "data argument must be a bytes-like object, not '%s'", data.Type().Name)
			}
			return None, transportOf(self).write(th, b)
		},
		"writelines": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var lines Value
			if err := UnpackArgs("writelines", args, kw, "list_of_data", &lines); err != nil {
				return Value{}, err
			}
			var all []byte
			it, err := Iter(th, lines)
			if err != nil {
				return Value{}, err
			}
			for {
				v, ok, err := it.Next(th)
				if err != nil {
					return Value{}, err
				}
				if !ok {
					break
				}
				b, isBuf := bufferOf(v)
				if !isBuf {
					return Value{}, Errorf(TypeError, "data argument must be a bytes-like object, not '%s'", v.Type().Name)
				}
				if err := th.Alloc(int64(len(b))); err != nil {
					return Value{}, err
				}
				all = append(all, b...)
			}
			return None, transportOf(self).write(th, all)
		},
		"write_eof": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			t := transportOf(self)
			if t.closing || t.eofSent {
				return None, nil
			}
			t.eofSent = true
			if t.buffered == 0 {
				t.shutdownWrite()
			}
			return None, nil
		},
		"can_write_eof": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return True, nil
		},
		"close": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			transportOf(self).close(th)
			return None, nil
		},
		"abort": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			transportOf(self).abort(th, nil)
			return None, nil
		},
		"is_closing": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return MakeBool(transportOf(self).closing), nil
		},
		"is_reading": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			t := transportOf(self)
			return MakeBool(t.reading && !t.closing), nil
		},
		"pause_reading": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			t := transportOf(self)
			if t.closing || !t.reading {
				return None, nil
			}
			t.reading = false
			t.setPaused(true)
			return None, nil
		},
		"resume_reading": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			t := transportOf(self)
			if t.closing || t.reading {
				return None, nil
			}
			t.reading = true
			t.setPaused(false)
			return None, nil
		},
		"get_write_buffer_size": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Int(int64(transportOf(self).buffered)), nil
		},
		"get_write_buffer_limits": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			t := transportOf(self)
			return Obj(NewTuple([]Value{Int(int64(t.low)), Int(int64(t.high))})), nil
		},
		"set_write_buffer_limits": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			high, low := Value(None), Value(None)
			if err := UnpackArgs("set_write_buffer_limits", args, kw, "high?", &high, "low?", &low); err != nil {
				return Value{}, err
			}
			h, l := int64(64*1024), int64(-1)
			if !high.IsNone() {
				h, _ = asInt64(high)
			}
			if !low.IsNone() {
				l, _ = asInt64(low)
			} else if high.IsNone() {
				l = 16 * 1024
			} else {
				l = h / 4
			}
			if high.IsNone() && !low.IsNone() {
				h = 4 * l
			}
			if h < l || l < 0 {
				return Value{}, Errorf(ValueError, "high (%d) must be >= low (%d) must be >= 0", h, l)
			}
			t := transportOf(self)
			t.high, t.low = int(h), int(l)
			t.maybePauseProtocol(th)
			return None, nil
		},
		"get_protocol": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return transportOf(self).protocol, nil
		},
		"set_protocol": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var p Value
			if err := UnpackArgs("set_protocol", args, kw, "protocol", &p); err != nil {
				return Value{}, err
			}
			transportOf(self).protocol = p
			return None, nil
		},
		"get_extra_info": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var name string
			def := None
			if err := UnpackArgs("get_extra_info", args, kw, "name", &name, "default?", &def); err != nil {
				return Value{}, err
			}
			t := transportOf(self)
			switch name {
			case "peername":
				_, _, peer := connAddrs(t.conn)
				return peer, nil
			case "sockname":
				_, local, _ := connAddrs(t.conn)
				return local, nil
			case "socket":
				return t.socket, nil
			}
			return def, nil
		},
	})
	for name := range loopIOMethods {
		LoopType.SetAttr(name, Obj(&MethodDescriptor{Name: name, Owner: LoopType,
			Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
				fn, err := loopMethodImpl(th, name)
				if err != nil {
					return Value{}, err
				}
				full := make([]Value, 0, len(args)+1)
				full = append(append(full, self), args...)
				return th.Call(fn, full, kw)
			}}))
	}
}

// loopMethodImpl finds the asyncio source's implementation of a loop
// method: in the asyncio module's _loop_methods table, which the
// submodule implementing it fills when imported (the first call of one
// of its methods imports it).
func loopMethodImpl(th *Thread, name string) (Value, error) {
	for attempt := 0; attempt < 2; attempt++ {
		if m, ok := th.Modules["asyncio"]; ok && m != nil {
			if d, ok := m.Get("_loop_methods"); ok {
				if dict, ok := d.obj.(*Dict); ok {
					if fn, ok, _ := dict.Get(th, Str(name)); ok {
						return fn, nil
					}
				}
			}
		}
		if attempt > 0 {
			break
		}
		imp, err := importerOf(th)
		if err != nil {
			return Value{}, err
		}
		if _, err := imp.ImportModule(th, loopIOMethods[name]); err != nil {
			return Value{}, err
		}
	}
	return Value{}, Errorf(AttributeError, "'_UnixSelectorEventLoop' object has no attribute '%s'", name)
}

// ioNames are the asyncio core's private names for the streams layer.
func ioNames() map[string]Value {
	return map[string]Value{
		"_dial":   NewBuiltin("_dial", dialFn),
		"_listen": NewBuiltin("_listen", listenFn),
		"_spawn":  NewBuiltin("_spawn", spawnFn),
	}
}
