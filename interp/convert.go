package interp

// This file converts values between Go and aio. Conversion copies: a Go
// slice becomes a new list, a struct a new record, and changes a script
// makes to them are not seen by Go (pass them back through a function).
//
//	Go                          aio
//	nil, nil pointer/interface  None
//	bool                        bool
//	int*, uint*, *big.Int        int
//	float32, float64            float
//	string                      str
//	time.Duration               float (seconds)
//	[]T, [N]T                   list
//	map[K]T (K string, int, ..) dict (keys in sorted order)
//	struct, *struct             record: an object with one attribute per
//	                            exported field (named by an `aio:"name"`
//	                            tag; `aio:"-"` omits the field)
//	error                       exception (RuntimeError unless RaiseAs)
//	func                        built-in function (see Func)
//	*HostFunc                   built-in function or async function
//	runtime.Value               itself
//
// Channels, complex numbers, unsafe pointers and functions whose
// parameters or results cannot be converted are rejected with an error.

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aio-lang/aio/runtime"
)

// maxConvertDepth bounds the nesting of converted values (a cyclic Go
// value would otherwise recurse forever).
const maxConvertDepth = 100

var (
	valueType    = reflect.TypeOf(runtime.Value{})
	errorType    = reflect.TypeOf((*error)(nil)).Elem()
	bigIntType   = reflect.TypeOf((*big.Int)(nil))
	durationType = reflect.TypeOf(time.Duration(0))
	hostFuncType = reflect.TypeOf((*HostFunc)(nil))
	objectType   = reflect.TypeOf((*runtime.Object)(nil)).Elem()
)

// ToValue converts a Go value to an aio value (see the table in
// convert.go's comment, repeated in the package documentation). It fails
// for types that have no aio counterpart, such as channels.
func ToValue(x any) (runtime.Value, error) {
	return toValue(x, "")
}

// toValue is ToValue with a name for functions.
func toValue(x any, name string) (runtime.Value, error) {
	switch v := x.(type) {
	case nil:
		return runtime.None, nil
	case runtime.Value:
		if !v.IsValid() {
			return runtime.None, nil
		}
		return v, nil
	case bool:
		return runtime.MakeBool(v), nil
	case int:
		return runtime.Int(int64(v)), nil
	case int64:
		return runtime.Int(v), nil
	case float64:
		return runtime.Float(v), nil
	case string:
		return runtime.Str(v), nil
	case *HostFunc:
		return v.value(name)
	case runtime.Object:
		return runtime.Obj(v), nil
	}
	return goToValue(reflect.ValueOf(x), name, 0)
}

func convertError(t reflect.Type) error {
	return fmt.Errorf("aio: cannot convert Go value of type %s to an aio value", t)
}

func goToValue(rv reflect.Value, name string, depth int) (runtime.Value, error) {
	if !rv.IsValid() {
		return runtime.None, nil
	}
	if depth > maxConvertDepth {
		return runtime.Value{}, fmt.Errorf("aio: Go value of type %s is nested too deeply to convert (a cycle?)", rv.Type())
	}
	t := rv.Type()
	if t.NumMethod() == 0 {
		// Fast path: plain basic types.
		switch t.Kind() {
		case reflect.Bool:
			return runtime.MakeBool(rv.Bool()), nil
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return runtime.Int(rv.Int()), nil
		case reflect.Float32, reflect.Float64:
			return runtime.Float(rv.Float()), nil
		case reflect.String:
			return runtime.Str(rv.String()), nil
		}
	}
	switch t {
	case valueType:
		v := rv.Interface().(runtime.Value)
		if !v.IsValid() {
			return runtime.None, nil
		}
		return v, nil
	case bigIntType:
		if rv.IsNil() {
			return runtime.None, nil
		}
		return runtime.BigInt(new(big.Int).Set(rv.Interface().(*big.Int))), nil
	case durationType:
		return runtime.Float(time.Duration(rv.Int()).Seconds()), nil
	case hostFuncType:
		if rv.IsNil() {
			return runtime.None, nil
		}
		return rv.Interface().(*HostFunc).value(name)
	}
	if t.Kind() == reflect.Pointer && t.Implements(objectType) && !rv.IsNil() {
		return runtime.Obj(rv.Interface().(runtime.Object)), nil
	}
	if t.Kind() != reflect.Interface && t.Implements(errorType) && !(t.Kind() == reflect.Pointer && rv.IsNil()) {
		return runtime.Obj(exceptionFromError(rv.Interface().(error), runtime.RuntimeError)), nil
	}
	switch t.Kind() {
	case reflect.Bool:
		return runtime.MakeBool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return runtime.Int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return runtime.BigInt(new(big.Int).SetUint64(u)), nil
		}
		return runtime.Int(int64(u)), nil
	case reflect.Float32, reflect.Float64:
		return runtime.Float(rv.Float()), nil
	case reflect.String:
		return runtime.Str(rv.String()), nil
	case reflect.Slice, reflect.Array:
		n := rv.Len()
		items := make([]runtime.Value, n)
		for i := 0; i < n; i++ {
			v, err := goToValue(rv.Index(i), "", depth+1)
			if err != nil {
				return runtime.Value{}, err
			}
			items[i] = v
		}
		return runtime.NewList(items), nil
	case reflect.Map:
		return mapToValue(rv, depth)
	case reflect.Struct:
		return structToValue(rv, depth)
	case reflect.Pointer:
		if rv.IsNil() {
			return runtime.None, nil
		}
		return goToValue(rv.Elem(), name, depth+1)
	case reflect.Interface:
		if rv.IsNil() {
			return runtime.None, nil
		}
		return goToValue(rv.Elem(), name, depth+1)
	case reflect.Func:
		if rv.IsNil() {
			return runtime.None, nil
		}
		if name == "" {
			name = goFuncName(rv)
		}
		return newHostFunc(name, rv.Interface(), false).value(name)
	}
	return runtime.Value{}, convertError(t)
}

// mapToValue converts a map to a dict with its keys in sorted order, so
// that scripts see the same order on every run.
func mapToValue(rv reflect.Value, depth int) (runtime.Value, error) {
	d := runtime.NewDict()
	if rv.IsNil() {
		return runtime.Obj(d), nil
	}
	kt := rv.Type().Key()
	switch kt.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
	default:
		return runtime.Value{}, fmt.Errorf("aio: cannot convert Go map with %s keys to an aio dict", kt)
	}
	keys := rv.MapKeys()
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		switch kt.Kind() {
		case reflect.String:
			return a.String() < b.String()
		case reflect.Bool:
			return !a.Bool() && b.Bool()
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return a.Int() < b.Int()
		case reflect.Float32, reflect.Float64:
			return a.Float() < b.Float()
		}
		return a.Uint() < b.Uint()
	})
	for _, k := range keys {
		kv, err := goToValue(k, "", depth+1)
		if err != nil {
			return runtime.Value{}, err
		}
		vv, err := goToValue(rv.MapIndex(k), "", depth+1)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := d.SetItem(nil, kv, vv); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.Obj(d), nil
}

// Records.

// recordField is one exported field of a Go struct as a record attribute.
type recordField struct {
	name  string
	index []int
	typ   reflect.Type
}

// recordType describes the records made from one Go struct type.
type recordType struct {
	cls    *runtime.Type
	goType reflect.Type
	fields []recordField
	byName map[string]int
}

// recordTypes caches recordType by Go type. Record classes are not user
// classes (they have no lookup cache), so they may be shared by
// interpreters on many goroutines.
var recordTypes sync.Map // reflect.Type → *recordType

func recordTypeOf(t reflect.Type) *recordType {
	if rt, ok := recordTypes.Load(t); ok {
		return rt.(*recordType)
	}
	name := t.Name()
	if name == "" {
		name = "record"
	}
	cls := runtime.NewType(name, runtime.ObjectType)
	cls.Final = true
	cls.Module = "host"
	if p := t.PkgPath(); p != "" {
		cls.Module = p[strings.LastIndex(p, "/")+1:]
	}
	rt := &recordType{cls: cls, goType: t, byName: map[string]int{}}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("aio"); ok {
			tag, _, _ = strings.Cut(tag, ",")
			if tag == "-" {
				continue
			}
			if tag != "" {
				name = tag
			}
		}
		if _, dup := rt.byName[name]; dup {
			continue
		}
		rt.byName[name] = len(rt.fields)
		rt.fields = append(rt.fields, recordField{name: name, index: f.Index, typ: f.Type})
	}
	actual, _ := recordTypes.LoadOrStore(t, rt)
	return actual.(*recordType)
}

// record is a Go struct converted to aio: an object whose attributes are
// the struct's exported fields. It is a copy; scripts may change its
// fields (with values that still convert back to the field types).
type record struct {
	rt   *recordType
	vals []runtime.Value
}

// Type returns the record's class, named after the Go type.
func (r *record) Type() *runtime.Type { return r.rt.cls }

// Attr returns a field.
func (r *record) Attr(name string) (runtime.Value, bool) {
	if i, ok := r.rt.byName[name]; ok {
		return r.vals[i], true
	}
	return runtime.Value{}, false
}

// SetAttrValue sets a field; records have no other attributes.
func (r *record) SetAttrValue(name string, v runtime.Value) bool {
	if i, ok := r.rt.byName[name]; ok {
		r.vals[i] = v
		return true
	}
	return false
}

// DelAttrValue fails: fields cannot be deleted.
func (r *record) DelAttrValue(name string) bool { return false }

// Repr returns "Name(field=value, ...)".
func (r *record) Repr(th *runtime.Thread) (string, error) {
	var b strings.Builder
	b.WriteString(r.rt.cls.Name)
	b.WriteByte('(')
	for i, f := range r.rt.fields {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := runtime.Repr(th, r.vals[i])
		if err != nil {
			return "", err
		}
		b.WriteString(f.name)
		b.WriteByte('=')
		b.WriteString(s)
	}
	b.WriteByte(')')
	return b.String(), nil
}

func structToValue(rv reflect.Value, depth int) (runtime.Value, error) {
	rt := recordTypeOf(rv.Type())
	r := &record{rt: rt, vals: make([]runtime.Value, len(rt.fields))}
	for i, f := range rt.fields {
		fv, err := rv.FieldByIndexErr(f.index)
		if err != nil { // through a nil embedded pointer
			r.vals[i] = runtime.None
			continue
		}
		v, err := goToValue(fv, "", depth+1)
		if err != nil {
			return runtime.Value{}, fmt.Errorf("aio: field %s of %s: %w", f.name, rv.Type(), err)
		}
		r.vals[i] = v
	}
	return runtime.Obj(r), nil
}

// FromValue converts an aio value to its natural Go form: None → nil,
// bool, int → int64 (*big.Int beyond 64 bits), float → float64, str →
// string, list and tuple → []any, set → []any, dict → map[string]any
// (map[any]any when a key is not a str), a record → the Go struct it was
// made from, an exception → *Error. Values with no Go counterpart
// (functions, classes, instances, coroutines) are returned as the
// runtime.Value itself, which ToValue, Set and Call accept back.
func FromValue(v runtime.Value) (any, error) {
	return fromValue(v, 0)
}

func fromValue(v runtime.Value, depth int) (any, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	if depth > maxConvertDepth {
		return nil, fmt.Errorf("aio: %s value is nested too deeply to convert (a cycle?)", v.Type().Name)
	}
	if v.IsSmallInt() {
		return v.SmallInt(), nil
	}
	if v.IsFloat() {
		return v.FloatVal(), nil
	}
	switch o := v.Object().(type) {
	case *runtime.Bool:
		return o.B, nil
	case *runtime.Big:
		return new(big.Int).Set(o.X), nil
	case *runtime.StrObj:
		return o.S, nil
	case *runtime.List:
		return valuesToGo(o.Items, depth)
	case *runtime.Tuple:
		return valuesToGo(o.Items, depth)
	case *runtime.Set:
		return valuesToGo(o.Items(), depth)
	case *runtime.Dict:
		return dictToGo(o, depth)
	case *record:
		out := reflect.New(o.rt.goType).Elem()
		if err := decodeRecord(o, out, depth); err != nil {
			return nil, err.asGoError()
		}
		return out.Interface(), nil
	case *runtime.Exception:
		return &Error{Type: o.Class.QualNameForTraceback(), Message: o.Message(), Exception: o, cause: goErrorOf(o)}, nil
	}
	return v, nil
}

func valuesToGo(items []runtime.Value, depth int) ([]any, error) {
	out := make([]any, len(items))
	for i, x := range items {
		g, err := fromValue(x, depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = g
	}
	return out, nil
}

func dictToGo(d *runtime.Dict, depth int) (any, error) {
	allStr := true
	d.Items(func(k, _ runtime.Value) bool {
		if _, ok := runtime.As[*runtime.StrObj](k); !ok {
			allStr = false
		}
		return allStr
	})
	var err error
	if allStr {
		out := make(map[string]any, d.Len())
		d.Items(func(k, v runtime.Value) bool {
			s, _ := runtime.As[*runtime.StrObj](k)
			var g any
			if g, err = fromValue(v, depth+1); err != nil {
				return false
			}
			out[s.S] = g
			return true
		})
		return out, err
	}
	out := make(map[any]any, d.Len())
	d.Items(func(k, v runtime.Value) bool {
		var gk, gv any
		if gk, err = fromValue(k, depth+1); err != nil {
			return false
		}
		if gk != nil && !reflect.TypeOf(gk).Comparable() {
			err = fmt.Errorf("aio: dict key of type %s has no comparable Go form", k.Type().Name)
			return false
		}
		if _, isBig := gk.(*big.Int); isBig {
			err = fmt.Errorf("aio: dict key %s does not fit in an int64", gk)
			return false
		}
		if gv, err = fromValue(v, depth+1); err != nil {
			return false
		}
		out[gk] = gv
		return true
	})
	return out, err
}

// DecodeValue stores the aio value v in the Go variable that dst points
// to, converting as FromValue does but to dst's type: an int into any
// integer type (failing when it does not fit), a list into a slice of
// any element type, a dict or a record into a struct (by field name or
// `aio` tag; a key that names no field is an error), None into a nil
// pointer, slice, map or interface.
func DecodeValue(v runtime.Value, dst any) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("aio: DecodeValue needs a non-nil pointer, not %T", dst)
	}
	if err := decodeValue(v, rv.Elem(), 0); err != nil {
		return err.asGoError()
	}
	return nil
}

// decodeError is a failed conversion of a script value to a Go type; the
// path says where inside the value ("[2].price").
type decodeError struct {
	path     string
	want     string // the expected aio type ("int", "list")
	got      string // the actual aio type
	overflow string // set instead of want/got for out-of-range numbers
	msg      string // set for other errors
}

func (e *decodeError) at(prefix string) *decodeError {
	e.path = prefix + e.path
	return e
}

// asGoError renders the error for DecodeValue.
func (e *decodeError) asGoError() error {
	where := ""
	if e.path != "" {
		where = " at " + strings.TrimPrefix(e.path, ".")
	}
	switch {
	case e.overflow != "":
		return fmt.Errorf("aio: cannot decode value%s: %s", where, e.overflow)
	case e.msg != "":
		return fmt.Errorf("aio: cannot decode value%s: %s", where, e.msg)
	}
	return fmt.Errorf("aio: cannot decode value%s: expected %s, got %s", where, e.want, e.got)
}

// asArgError renders the error as the TypeError (or OverflowError) a
// built-in function raises for its argument number pos.
func (e *decodeError) asArgError(fname string, pos int) error {
	arg := fmt.Sprintf("%s() argument %d%s", fname, pos, e.path)
	switch {
	case e.overflow != "":
		return runtime.Errorf(runtime.OverflowError, "%s", e.overflow)
	case e.msg != "":
		return runtime.Errorf(runtime.TypeError, "%s: %s", arg, e.msg)
	}
	return runtime.Errorf(runtime.TypeError, "%s must be %s, not %s", arg, e.want, e.got)
}

func mismatch(t reflect.Type, v runtime.Value) *decodeError {
	return &decodeError{want: aioTypeName(t), got: v.Type().Name}
}

// aioTypeName names the aio type a Go type is converted from.
func aioTypeName(t reflect.Type) string {
	switch t {
	case bigIntType:
		return "int"
	case durationType:
		return "int or float"
	case valueType:
		return "object"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "int"
	case reflect.Float32, reflect.Float64:
		return "float"
	case reflect.String:
		return "str"
	case reflect.Slice, reflect.Array:
		return "list"
	case reflect.Map, reflect.Struct:
		return "dict"
	case reflect.Pointer:
		return aioTypeName(t.Elem()) + " or None"
	}
	return t.String()
}

func decodeValue(v runtime.Value, out reflect.Value, depth int) *decodeError {
	if depth > maxConvertDepth {
		return &decodeError{msg: "value nested too deeply"}
	}
	t := out.Type()
	switch t {
	case valueType:
		out.Set(reflect.ValueOf(v))
		return nil
	case bigIntType:
		if v.IsNone() {
			out.SetZero()
			return nil
		}
		if v.IsSmallInt() {
			out.Set(reflect.ValueOf(big.NewInt(v.SmallInt())))
			return nil
		}
		if b, ok := runtime.As[*runtime.Big](v); ok {
			out.Set(reflect.ValueOf(new(big.Int).Set(b.X)))
			return nil
		}
		if b, ok := v.BoolVal(); ok {
			out.Set(reflect.ValueOf(big.NewInt(int64(boolInt(b)))))
			return nil
		}
		return mismatch(t, v)
	case durationType:
		var secs float64
		switch {
		case v.IsSmallInt():
			secs = float64(v.SmallInt())
		case v.IsFloat():
			secs = v.FloatVal()
		default:
			return mismatch(t, v)
		}
		if math.IsNaN(secs) || math.Abs(secs*1e9) > math.MaxInt64 {
			return &decodeError{overflow: "duration out of range"}
		}
		out.SetInt(int64(secs * 1e9))
		return nil
	}
	switch t.Kind() {
	case reflect.Bool:
		b, ok := v.BoolVal()
		if !ok {
			return mismatch(t, v)
		}
		out.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := intOf(v, t)
		if err != nil {
			return err
		}
		if out.OverflowInt(n) {
			return &decodeError{overflow: fmt.Sprintf("Python int too large to convert to Go %s", t)}
		}
		out.SetInt(n)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		var u uint64
		if b, ok := runtime.As[*runtime.Big](v); ok {
			if b.X.Sign() < 0 {
				return &decodeError{overflow: "can't convert negative int to unsigned"}
			}
			if !b.X.IsUint64() {
				return &decodeError{overflow: fmt.Sprintf("Python int too large to convert to Go %s", t)}
			}
			u = b.X.Uint64()
		} else {
			n, err := intOf(v, t)
			if err != nil {
				return err
			}
			if n < 0 {
				return &decodeError{overflow: "can't convert negative int to unsigned"}
			}
			u = uint64(n)
		}
		if out.OverflowUint(u) {
			return &decodeError{overflow: fmt.Sprintf("Python int too large to convert to Go %s", t)}
		}
		out.SetUint(u)
		return nil
	case reflect.Float32, reflect.Float64:
		switch {
		case v.IsFloat():
			out.SetFloat(v.FloatVal())
		case v.IsSmallInt():
			out.SetFloat(float64(v.SmallInt()))
		default:
			if b, ok := runtime.As[*runtime.Big](v); ok {
				f, _ := new(big.Float).SetInt(b.X).Float64()
				if math.IsInf(f, 0) {
					return &decodeError{overflow: "int too large to convert to float"}
				}
				out.SetFloat(f)
				return nil
			}
			if b, ok := v.BoolVal(); ok {
				out.SetFloat(float64(boolInt(b)))
				return nil
			}
			return &decodeError{want: "float", got: v.Type().Name}
		}
		return nil
	case reflect.String:
		s, ok := runtime.As[*runtime.StrObj](v)
		if !ok {
			return mismatch(t, v)
		}
		out.SetString(s.S)
		return nil
	case reflect.Slice:
		if v.IsNone() {
			out.SetZero()
			return nil
		}
		items, ok := seqItems(v)
		if !ok {
			return mismatch(t, v)
		}
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, x := range items {
			if err := decodeValue(x, s.Index(i), depth+1); err != nil {
				return err.at("[" + strconv.Itoa(i) + "]")
			}
		}
		out.Set(s)
		return nil
	case reflect.Array:
		items, ok := seqItems(v)
		if !ok {
			return mismatch(t, v)
		}
		if len(items) != t.Len() {
			return &decodeError{msg: fmt.Sprintf("expected a list of %d items, got %d", t.Len(), len(items))}
		}
		for i, x := range items {
			if err := decodeValue(x, out.Index(i), depth+1); err != nil {
				return err.at("[" + strconv.Itoa(i) + "]")
			}
		}
		return nil
	case reflect.Map:
		if v.IsNone() {
			out.SetZero()
			return nil
		}
		d, ok := runtime.As[*runtime.Dict](v)
		if !ok {
			return mismatch(t, v)
		}
		m := reflect.MakeMapWithSize(t, d.Len())
		var derr *decodeError
		d.Items(func(k, x runtime.Value) bool {
			kv := reflect.New(t.Key()).Elem()
			if err := decodeValue(k, kv, depth+1); err != nil {
				derr = err.at("[key " + reprOrType(k) + "]")
				return false
			}
			ev := reflect.New(t.Elem()).Elem()
			if err := decodeValue(x, ev, depth+1); err != nil {
				derr = err.at("[" + reprOrType(k) + "]")
				return false
			}
			m.SetMapIndex(kv, ev)
			return true
		})
		if derr != nil {
			return derr
		}
		out.Set(m)
		return nil
	case reflect.Struct:
		switch o := v.Object().(type) {
		case *record:
			return decodeRecord(o, out, depth)
		case *runtime.Dict:
			return decodeDictToStruct(o, out, depth)
		}
		return mismatch(t, v)
	case reflect.Pointer:
		if v.IsNone() {
			out.SetZero()
			return nil
		}
		p := reflect.New(t.Elem())
		if err := decodeValue(v, p.Elem(), depth+1); err != nil {
			return err
		}
		out.Set(p)
		return nil
	case reflect.Interface:
		if v.IsNone() {
			out.SetZero()
			return nil
		}
		g, err := fromValue(v, depth+1)
		if err != nil {
			return &decodeError{msg: err.Error()}
		}
		gv := reflect.ValueOf(g)
		if !gv.Type().AssignableTo(t) {
			return &decodeError{want: t.String(), got: v.Type().Name}
		}
		out.Set(gv)
		return nil
	}
	return &decodeError{msg: fmt.Sprintf("aio values cannot be converted to Go %s", t)}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// intOf returns an int (or bool) as int64; floats are rejected as CPython
// rejects them where an integer is required.
func intOf(v runtime.Value, t reflect.Type) (int64, *decodeError) {
	if v.IsSmallInt() {
		return v.SmallInt(), nil
	}
	if b, ok := v.BoolVal(); ok {
		return int64(boolInt(b)), nil
	}
	if _, ok := runtime.As[*runtime.Big](v); ok {
		return 0, &decodeError{overflow: fmt.Sprintf("Python int too large to convert to Go %s", t)}
	}
	if v.IsFloat() {
		return 0, &decodeError{msg: "'float' object cannot be interpreted as an integer"}
	}
	return 0, mismatch(t, v)
}

func seqItems(v runtime.Value) ([]runtime.Value, bool) {
	switch o := v.Object().(type) {
	case *runtime.List:
		return o.Items, true
	case *runtime.Tuple:
		return o.Items, true
	}
	return nil, false
}

func reprOrType(v runtime.Value) string {
	if s, err := runtime.Repr(nil, v); err == nil {
		return s
	}
	return v.Type().Name
}

// fieldByIndexAlloc returns the field at index, allocating nil embedded
// struct pointers on the way.
func fieldByIndexAlloc(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

func decodeRecord(r *record, out reflect.Value, depth int) *decodeError {
	rt := recordTypeOf(out.Type())
	for i, f := range r.rt.fields {
		j, ok := rt.byName[f.name]
		if !ok {
			return &decodeError{msg: fmt.Sprintf("%s has no field %q", out.Type(), f.name)}
		}
		if err := decodeValue(r.vals[i], fieldByIndexAlloc(out, rt.fields[j].index), depth+1); err != nil {
			return err.at("." + f.name)
		}
	}
	return nil
}

func decodeDictToStruct(d *runtime.Dict, out reflect.Value, depth int) *decodeError {
	rt := recordTypeOf(out.Type())
	var derr *decodeError
	d.Items(func(k, x runtime.Value) bool {
		s, ok := runtime.As[*runtime.StrObj](k)
		if !ok {
			derr = &decodeError{msg: fmt.Sprintf("dict key %s is not a str (decoding %s)", reprOrType(k), out.Type())}
			return false
		}
		j, ok := rt.byName[s.S]
		if !ok {
			derr = &decodeError{msg: fmt.Sprintf("%s has no field %q", out.Type(), s.S)}
			return false
		}
		if err := decodeValue(x, fieldByIndexAlloc(out, rt.fields[j].index), depth+1); err != nil {
			derr = err.at("." + s.S)
			return false
		}
		return true
	})
	return derr
}
