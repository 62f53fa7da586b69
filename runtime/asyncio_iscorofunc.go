package runtime

// This file defines asyncio.iscoroutinefunction: whether calling a
// function (seen through bound methods and functools.partial) makes a
// coroutine.

// coCoroutine is the co_flags bit of an `async def` function's code.
const coCoroutine = 0x80

// asyncioIsCoroutineFunction is asyncio.iscoroutinefunction(func).
func asyncioIsCoroutineFunction(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var fn Value
	if err := UnpackArgs("iscoroutinefunction", args, kw, "func", &fn); err != nil {
		return Value{}, err
	}
	// Unwrap bound methods and partials, as inspect does.
	for i := 0; i < 100; i++ {
		if fn.Type() == MethodType {
			inner, err := GetAttr(th, fn, "__func__")
			if err != nil {
				return Value{}, err
			}
			fn = inner
			continue
		}
		if fn.Type().Name == "partial" {
			if inner, err := GetAttr(th, fn, "func"); err == nil {
				fn = inner
				continue
			}
		}
		break
	}
	code, err := GetAttr(th, fn, "__code__")
	if err != nil {
		if IsInstance(err, AttributeError) {
			return False, nil
		}
		return Value{}, err
	}
	flags, err := GetAttr(th, code, "co_flags")
	if err != nil {
		return False, nil
	}
	n, ok := asInt64(flags)
	return MakeBool(ok && n&coCoroutine != 0), nil
}
